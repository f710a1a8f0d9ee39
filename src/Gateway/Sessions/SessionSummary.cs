namespace LoomExchange.Gateway.Sessions;

/// <summary>One live session and its traffic so far.</summary>
public sealed record SessionSummary(SessionInfo Info, long MessagesIn, long MessagesOut, long Requests, long Rejects);
