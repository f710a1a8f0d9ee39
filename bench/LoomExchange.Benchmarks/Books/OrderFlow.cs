using LoomExchange.Messages.Orders;

namespace LoomExchange.Benchmarks.Books;

/// <summary>
/// The engine benchmark's command mix per symbol, generated on the fly: ~50% limit places (a quarter of
/// them crossing), 30% cancels, 15% amends, 5% IOC, around a slowly moving mid. Cancels and amends target
/// orders recently accepted (learned from replies); some of those have traded away, which the book rejects
/// as UnknownOrder, as real flow does.
/// </summary>
internal sealed class OrderFlow
{
    private const int RecentCapacity = 4096;
    private readonly Random _random;
    private readonly long[] _mid;
    private readonly long[][] _recent;
    private readonly int[] _recentCount;

    public OrderFlow(int symbols, int seed)
    {
        _random = new Random(seed);
        _mid = [.. Enumerable.Repeat(1_000_000L, symbols)];
        _recent = [.. Enumerable.Range(0, symbols).Select(_ => new long[RecentCapacity])];
        _recentCount = new int[symbols];
    }

    public OrderCommand Next(int symbol, long clientOrderId)
    {
        var account = 1 + _random.Next(500);
        var roll = _random.Next(100);
        if (_random.Next(1000) == 0)
        {
            _mid[symbol] += _random.Next(-50, 51);
        }

        var known = Math.Min(_recentCount[symbol], RecentCapacity);
        if (roll < 30 && known > 0)
        {
            // Cancel and amend carry the owner's account: use the account encoded with the id (see Remember).
            var (orderId, owner) = Pick(symbol, known);
            return OrderCommand.Cancel(owner, orderId, 0, clientOrderId);
        }

        if (roll < 45 && known > 0)
        {
            var (orderId, owner) = Pick(symbol, known);
            return OrderCommand.Amend(owner, orderId, _mid[symbol] + _random.Next(-200, 201), 1 + _random.Next(100), 0, clientOrderId);
        }

        var side = _random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var sign = side == Side.Buy ? -1 : 1;
        if (roll < 50)
        {
            return OrderCommand.Market(account, clientOrderId, side, 1 + _random.Next(20), 0);
        }

        // A quarter of the limit orders cross the mid and trade; the rest rest around it.
        var offset = _random.Next(4) == 0 ? -sign * _random.Next(1, 50) : sign * _random.Next(1, 400);
        return OrderCommand.Limit(account, clientOrderId, side, _mid[symbol] + offset, 1 + _random.Next(100), 0);
    }

    /// <summary>Records an accepted order so that later cancels and amends can target it.</summary>
    public void Remember(int symbol, long orderId, long accountId)
    {
        var slot = _recentCount[symbol]++ % RecentCapacity;
        _recent[symbol][slot] = (orderId << 12) | accountId;
    }

    private (long OrderId, long AccountId) Pick(int symbol, int known)
    {
        var packed = _recent[symbol][_random.Next(known)];
        return (packed >> 12, packed & 0xFFF);
    }
}
