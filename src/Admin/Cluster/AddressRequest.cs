namespace LoomExchange.Admin.Cluster;

/// <summary>The body of leave, down and join: a member's Akka address (<c>akka.tcp://loom@host:port</c>); leave without it leaves the answering node.</summary>
public sealed record AddressRequest(string? Address);
