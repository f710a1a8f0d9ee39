using System.Net;

namespace LoomExchange.Gateway.Access;

/// <summary>
/// The L1 state shared by all connections of one node: the block list and one token bucket per client address,
/// shared by every connection from that address and dropped when its last connection ends.
/// </summary>
public sealed class AddressRateLimits
{
    private readonly int _ratePerSecond;
    private readonly HashSet<IPAddress> _blocked;
    private readonly Dictionary<IPAddress, Entry> _buckets = [];
    private readonly Lock _gate = new();

    public AddressRateLimits(int ratePerSecond, IEnumerable<string> blockedAddresses)
    {
        ArgumentNullException.ThrowIfNull(blockedAddresses);
        _ratePerSecond = ratePerSecond;
        _blocked = [];
        foreach (var address in blockedAddresses)
        {
            _blocked.Add(Normalize(IPAddress.Parse(address)));
        }
    }

    public bool IsBlocked(IPAddress address) => _blocked.Count > 0 && _blocked.Contains(Normalize(address));

    /// <summary>Joins the address's shared bucket; pair with <see cref="Release"/> when the connection ends.</summary>
    internal AddressBucket Acquire(IPAddress address)
    {
        address = Normalize(address);
        lock (_gate)
        {
            if (!_buckets.TryGetValue(address, out var entry))
            {
                entry = new Entry(new TokenBucket(_ratePerSecond));
                _buckets[address] = entry;
            }

            entry.Connections++;
            return new AddressBucket(this, address, entry.Bucket);
        }
    }

    internal bool TryTake(TokenBucket bucket, long now)
    {
        if (bucket.Unlimited)
        {
            return true;
        }

        lock (_gate)
        {
            return bucket.TryTake(now);
        }
    }

    internal void Release(IPAddress address)
    {
        lock (_gate)
        {
            if (_buckets.TryGetValue(address, out var entry) && --entry.Connections <= 0)
            {
                _buckets.Remove(address);
            }
        }
    }

    // An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d; compare it as IPv4.
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private sealed class Entry(TokenBucket bucket)
    {
        public TokenBucket Bucket { get; } = bucket;

        public int Connections { get; set; }
    }
}
