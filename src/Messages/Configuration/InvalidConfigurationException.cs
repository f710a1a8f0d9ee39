namespace LoomExchange.Messages.Configuration;

/// <summary>
/// A configuration value the node cannot start with. Its message names the key and what is wrong with it, so the node
/// reports it as one line and exits with code 2 instead of a stack trace (an operator's mistake, not a crash).
/// </summary>
/// <remarks>An <see cref="InvalidOperationException"/>, as the configuration binder's own conversion errors are.</remarks>
public sealed class InvalidConfigurationException : InvalidOperationException
{
    public InvalidConfigurationException()
        : base("the configuration is invalid")
    {
    }

    public InvalidConfigurationException(string message)
        : base(message)
    {
    }

    public InvalidConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The configuration error in <paramref name="error"/> or among its inner exceptions, if there is one.</summary>
    public static InvalidConfigurationException? FindIn(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is InvalidConfigurationException found)
            {
                return found;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (FindIn(inner) is { } nested)
                    {
                        return nested;
                    }
                }
            }
        }

        return null;
    }
}
