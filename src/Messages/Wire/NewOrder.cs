using LoomExchange.Messages.Orders;

namespace LoomExchange.Messages.Wire;

/// <summary>
/// Places an order. <paramref name="ClientOrderId"/> identifies it for the account: a retry with the same id
/// (after a timeout or a reconnect) returns the original outcome and creates nothing new.
/// <paramref name="Price"/> is ignored for market orders; <paramref name="ExpireAt"/> (Unix milliseconds, like every protocol timestamp; the gateway converts to the engine's nanoseconds) only for GTD.
/// </summary>
public sealed record NewOrder(
    long ClientOrderId,
    string Symbol,
    Side Side,
    OrderType OrderType,
    TimeInForce TimeInForce,
    SelfTradePrevention SelfTradePrevention,
    bool PostOnly,
    long Price,
    long Quantity,
    long ExpireAt) : WireMessage
{
    public override MessageType Type => MessageType.NewOrder;
}
