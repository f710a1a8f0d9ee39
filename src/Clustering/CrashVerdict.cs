namespace LoomExchange.Clustering;

/// <summary>What <see cref="CrashedNodeDowning"/> decided about one member whose connection closed or that became unreachable.</summary>
public enum CrashVerdict
{
    /// <summary>Its port refused and this node reached a majority of the members: downed at once.</summary>
    Downed,

    /// <summary>Its port accepted (or did not answer): left to the failure detector and the Split Brain Resolver.</summary>
    NotProven,

    /// <summary>Its port refused, but this node could not reach a majority either: perhaps this node is the one cut off, so the resolver decides.</summary>
    NoMajority,
}
