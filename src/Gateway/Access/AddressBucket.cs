using System.Net;

namespace LoomExchange.Gateway.Access;

/// <summary>One connection's handle on its address's shared rate limit.</summary>
internal sealed class AddressBucket(AddressRateLimits owner, IPAddress address, TokenBucket bucket)
{
    private bool _released;

    public bool TryTake(long now) => owner.TryTake(bucket, now);

    public void Release()
    {
        if (!_released)
        {
            _released = true;
            owner.Release(address);
        }
    }
}
