namespace LoomExchange.Client;

/// <summary>
/// A request got no answer within the request timeout. Its outcome is unknown: the order may exist. Retry with the
/// same client order id (the exchange returns the original outcome) or ask for its status.
/// </summary>
public sealed class LoomRequestTimeoutException : TimeoutException
{
    public LoomRequestTimeoutException(long clientOrderId, TimeSpan timeout)
        : base($"no answer to client order id {clientOrderId} within {timeout.TotalSeconds:0.###} s; the outcome is unknown: retry with the same client order id")
    {
        ClientOrderId = clientOrderId;
    }

    public LoomRequestTimeoutException()
    {
    }

    public LoomRequestTimeoutException(string message)
        : base(message)
    {
    }

    public LoomRequestTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long ClientOrderId { get; }
}
