namespace LoomExchange.Gateway.Pipeline;

/// <summary>Aborts the connection of a client that stopped reading (it did not even take its SlowConsumer Logout).</summary>
public sealed class SlowConsumerException : Exception
{
    public SlowConsumerException()
    {
    }

    public SlowConsumerException(string message)
        : base(message)
    {
    }

    public SlowConsumerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
