using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine;

/// <summary>A resting order as it stands in the book: the order-by-order view and the unit of a snapshot.</summary>
public readonly record struct BookOrder(
    long OrderId,
    long AccountId,
    long ClientOrderId,
    Side Side,
    TimeInForce TimeInForce,
    SelfTradePrevention SelfTradePrevention,
    bool PostOnly,
    long Price,
    long LeavesQuantity,
    long ExpireAt);
