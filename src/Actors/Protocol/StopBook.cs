namespace LoomExchange.Actors.Protocol;

/// <summary>
/// Handoff/passivation stop for a book: it finishes its journal write, snapshots, then stops.
/// Never stop a book with PoisonPill: that could drop commands collected for the next write.
/// </summary>
public sealed record StopBook : IExchangeMessage
{
    public static readonly StopBook Instance = new();

    private StopBook()
    {
    }
}
