namespace LoomExchange.Messages.Wire;

/// <summary>Cancels every resting order of the account in <paramref name="Symbol"/>; answered by one Cancelled report per order, then MassCancelDone.</summary>
public sealed record MassCancel(long ClientOrderId, string Symbol) : WireMessage
{
    public override MessageType Type => MessageType.MassCancel;
}
