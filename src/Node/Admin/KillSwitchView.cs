namespace LoomExchange.Node.Admin;

/// <summary>
/// The outcome of a kill switch: blocked or lifted; whether every exchange node's replica confirmed in time; orders cancelled
/// per symbol; symbols whose book did not answer the mass cancel (run the kill switch again for them).
/// </summary>
public sealed record KillSwitchView(long Account, bool Blocked, bool ReplicatedToAll, IReadOnlyDictionary<string, long> Cancelled, IReadOnlyList<string> Unanswered);
