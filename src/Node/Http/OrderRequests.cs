namespace LoomExchange.Node.Http;

/// <summary>A new order; prices and quantities are decimal text in the instrument's units ("65000.50").</summary>
public sealed record PlaceOrderRequest(
    string? Symbol,
    long Account,
    long ClientOrderId,
    string? Side,
    string? Type,
    string? Price,
    string? Quantity,
    string? TimeInForce,
    bool PostOnly,
    string? SelfTradePrevention,
    long ExpireAt);

/// <summary>New price and open quantity for a resting order.</summary>
public sealed record AmendOrderRequest(long Account, long ClientOrderId, string? Price, string? Quantity);
