namespace LoomExchange.Node.Tests;

// The node's HTTP contract as a client sees it, written down independently of the node's own types so that a
// change of the wire format fails these specs. Prices and quantities are decimal text.

public sealed record PlaceOrder(
    string Symbol,
    long Account,
    long ClientOrderId,
    string Side,
    string Price,
    string Quantity,
    string? Type = null,
    string? TimeInForce = null);

public sealed record AmendOrder(long Account, long ClientOrderId, string Price, string Quantity);

public sealed record OrderReply(
    string Symbol,
    string Status,
    long OrderId,
    string? RejectReason,
    int? RejectCode,
    string? Message,
    IReadOnlyList<EventView> Events);

public sealed record EventView(
    string Type,
    long Sequence,
    long OrderId,
    long ClientOrderId,
    long AccountId,
    string Side,
    string Price,
    string Quantity,
    string LeavesQuantity,
    long? TradeId,
    long? MakerOrderId,
    string? CancelReason);

public sealed record BookOrdersReply(string Symbol, long Sequence, IReadOnlyList<RestingOrderView> Orders);

public sealed record RestingOrderView(
    long OrderId,
    long AccountId,
    long ClientOrderId,
    string Side,
    string Price,
    string LeavesQuantity,
    string TimeInForce,
    bool PostOnly,
    long ExpireAt);

public sealed record BookStatusReply(
    string Symbol,
    bool Listed,
    bool Halted,
    long Sequence,
    long JournaledSequence,
    int OrderCount,
    ulong StateHash,
    int DedupEntries);

public sealed record DepthReply(string Symbol, long Sequence, string LastTradePrice, IReadOnlyList<LevelView> Bids, IReadOnlyList<LevelView> Asks);

public sealed record LevelView(string Price, string Quantity, int Orders);

public sealed record ErrorReply(string Error, string? Reason, int? Code);
