using LoomExchange.Messages.Wire;

namespace LoomExchange.Client;

/// <summary>
/// Receives every execution report. <paramref name="answered"/> is the request this report answers (its first
/// report: the durable acknowledgement), or null for later reports (fills after an accept, maker fills, expiries).
/// </summary>
public delegate void ExecutionReportHandler(ExecutionReport report, SentRequest? answered);

/// <summary>A request that ended without an answer; <paramref name="error"/> says why.</summary>
public delegate void RequestFailedHandler(SentRequest request, Exception error);
