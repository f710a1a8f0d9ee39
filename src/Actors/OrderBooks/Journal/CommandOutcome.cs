using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.OrderBooks.Journal;

/// <summary>
/// What one command did, as journaled: enough to rebuild the duplicate-detection window on recovery and to
/// find the command's events inside its batch.
/// </summary>
public readonly record struct CommandOutcome(
    long AccountId,
    long ClientOrderId,
    CommandType Type,
    long OrderId,
    RejectReason RejectReason,
    int EventCount);
