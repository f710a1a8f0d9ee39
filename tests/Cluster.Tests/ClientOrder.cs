using LoomExchange.Messages.Orders;

namespace LoomExchange.Cluster.Tests;

/// <summary>One client request: a resting buy with a client order id the client keeps across every retry.</summary>
internal sealed record ClientOrder(string Symbol, long AccountId, long ClientOrderId, OrderCommand Order)
{
    /// <summary>Buys only, below any ask: every accepted order rests, so the books list exactly what was acknowledged.</summary>
    public static ClientOrder RestingBuy(string symbol, long accountId, long clientOrderId) => new(
        symbol,
        accountId,
        clientOrderId,
        OrderCommand.Limit(accountId, clientOrderId, Side.Buy, price: 10_000 + (clientOrderId % 50), quantity: 1, timestamp: 0));
}
