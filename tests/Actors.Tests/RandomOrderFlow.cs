using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.Tests;

/// <summary>
/// A seeded mix of places (limit GTC/IOC/FOK, post-only, self-trade modes, market), cancels, amends, mass cancels
/// and rule violations over a few accounts around one price, so that books trade, rest, amend and reject.
/// Cancels and amends target orders seen in earlier replies (<see cref="Observe"/>); client order ids never repeat.
/// </summary>
public sealed class RandomOrderFlow(int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<(long AccountId, long OrderId)> _seen = [];
    private long _clientOrderId = seed * 1_000_000L;

    public OrderCommand Next()
    {
        var account = 1 + _random.Next(6);
        var clientOrderId = ++_clientOrderId;
        var roll = _random.Next(100);
        if (roll < 55 || _seen.Count == 0)
        {
            var side = _random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var price = 1000 + (5 * _random.Next(-10, 11));
            var quantity = 10 * _random.Next(1, 6);
            var timeInForce = _random.Next(20) switch { 0 => TimeInForce.Fok, 1 or 2 => TimeInForce.Ioc, _ => TimeInForce.Gtc };
            var postOnly = timeInForce == TimeInForce.Gtc && _random.Next(10) == 0;
            var selfTrade = (SelfTradePrevention)_random.Next(4);
            return OrderCommand.Limit(account, clientOrderId, side, price, quantity, 0, timeInForce, postOnly, selfTrade);
        }

        if (roll < 62)
        {
            return OrderCommand.Market(account, clientOrderId, _random.Next(2) == 0 ? Side.Buy : Side.Sell, 10 * _random.Next(1, 4), 0);
        }

        var (owner, orderId) = _seen[_random.Next(_seen.Count)];
        if (roll < 80)
        {
            return OrderCommand.Cancel(owner, orderId, 0, clientOrderId);
        }

        if (roll < 92)
        {
            return OrderCommand.Amend(owner, orderId, 1000 + (5 * _random.Next(-10, 11)), 10 * _random.Next(1, 6), 0, clientOrderId);
        }

        if (roll < 95)
        {
            return OrderCommand.MassCancel(account, 0, clientOrderId);
        }

        // Off-tick price: a journaled reject.
        return OrderCommand.Limit(account, clientOrderId, Side.Buy, 1001, 10, 0);
    }

    /// <summary>Remembers the orders a reply accepted, as targets of later cancels and amends.</summary>
    public void Observe(BookCommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var e in result.Events)
        {
            if (e.Type == EventType.Accepted)
            {
                _seen.Add((e.AccountId, e.OrderId));
            }
        }
    }
}
