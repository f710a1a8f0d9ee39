namespace LoomExchange.Node.Admin;

/// <summary>The optional body of halt, resume and kick: why (journaled with a halt, sent in a kicked session's Logout).</summary>
public sealed record HaltRequest(string? Reason);
