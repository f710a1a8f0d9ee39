namespace LoomExchange.Node.Http;

/// <summary>An error answer: what was wrong, with the stable reason code when one applies.</summary>
public sealed record ApiError(string Error, string? Reason = null, int? Code = null);
