namespace LoomExchange.Client;

/// <summary>The client could not reach the gateway, lost the connection for good, or was closed.</summary>
public sealed class LoomConnectionException : Exception
{
    public LoomConnectionException()
    {
    }

    public LoomConnectionException(string message)
        : base(message)
    {
    }

    public LoomConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
