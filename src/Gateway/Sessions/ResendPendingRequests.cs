using Akka.Actor;

namespace LoomExchange.Gateway.Sessions;

/// <summary>
/// Every live session sends its unanswered requests to the books again (same correlation and client order ids). Sent
/// when a node left the cluster: what was on its way to that node's books is lost with it, and waiting for the request
/// timeout would stretch a failover into seconds of silence. Safe because each book answers a retry of something it
/// already did with the original outcome; the session keeps the first answer and drops the other.
/// </summary>
public sealed record ResendPendingRequests(string Reason) : INoSerializationVerificationNeeded;
