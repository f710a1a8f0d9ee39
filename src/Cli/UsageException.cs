namespace LoomExchange.Cli;

/// <summary>The user's input cannot be used (exit code 1); the message says what to change.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
