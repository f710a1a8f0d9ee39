namespace LoomExchange.Node.Http;

/// <summary>The durable outcome of an order command.</summary>
public sealed record OrderResponse(
    string Symbol,
    string Status,
    long OrderId,
    string? RejectReason,
    int? RejectCode,
    string? Message,
    IReadOnlyList<EventView> Events);

/// <summary>One order event with prices and quantities as decimal text.</summary>
public sealed record EventView(
    string Type,
    long Sequence,
    long OrderId,
    long ClientOrderId,
    long AccountId,
    string? Side,
    string Price,
    string Quantity,
    string LeavesQuantity,
    long? TradeId,
    long? MakerOrderId,
    string? CancelReason);

/// <summary>Top of book, best levels first.</summary>
public sealed record DepthResponse(string Symbol, long Sequence, string LastTradePrice, IReadOnlyList<LevelView> Bids, IReadOnlyList<LevelView> Asks);

public sealed record LevelView(string Price, string Quantity, int Orders);

/// <summary>Resting orders in priority order.</summary>
public sealed record OrdersResponse(string Symbol, long Sequence, IReadOnlyList<RestingOrderView> Orders);

public sealed record RestingOrderView(long OrderId, long AccountId, long ClientOrderId, string Side, string Price, string LeavesQuantity, string TimeInForce, bool PostOnly, long ExpireAt);
