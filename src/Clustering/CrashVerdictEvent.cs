using Akka.Actor;

namespace LoomExchange.Clustering;

/// <summary>
/// Published on the event stream for every member <see cref="CrashedNodeDowning"/> probed to the end, so that logs,
/// metrics and specs see each decision; <paramref name="Reachable"/> counts this node and the members that accepted a
/// connection, out of <paramref name="Members"/> not yet removed.
/// </summary>
public sealed record CrashVerdictEvent(Address Member, CrashVerdict Verdict, string Trigger, int Reachable, int Members)
    : INoSerializationVerificationNeeded;
