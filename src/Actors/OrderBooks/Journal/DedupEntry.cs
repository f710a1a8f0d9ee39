using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.OrderBooks.Journal;

/// <summary>The remembered outcome of one (account, client order id): what a retry of it is answered with.</summary>
public readonly record struct DedupEntry(
    long AccountId,
    long ClientOrderId,
    CommandType Type,
    long OrderId,
    RejectReason RejectReason,
    long Sequence);
