namespace LoomExchange.Clustering;

/// <summary>What a TCP connect to a member's remoting port said about its process.</summary>
public enum PortProbeResult
{
    /// <summary>The host answered and nothing listens on the port: the process that owned it is gone.</summary>
    Refused,

    /// <summary>Something accepted the connection: the process (or a new incarnation on the same port) runs.</summary>
    Accepted,

    /// <summary>No answer, no route, an unknown host: says nothing (a partition looks like this).</summary>
    Inconclusive,
}
