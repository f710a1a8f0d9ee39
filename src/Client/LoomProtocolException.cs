using LoomExchange.Messages.Wire;

namespace LoomExchange.Client;

/// <summary>The gateway answered a frame with a <see cref="ProtocolError"/> (<see cref="Code"/>), or sent something this client cannot read.</summary>
public sealed class LoomProtocolException : Exception
{
    public LoomProtocolException(ProtocolErrorCode code, string text)
        : base($"protocol error {code}{(string.IsNullOrEmpty(text) ? string.Empty : ": " + text)}")
    {
        Code = code;
    }

    public LoomProtocolException()
    {
    }

    public LoomProtocolException(string message)
        : base(message)
    {
    }

    public LoomProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProtocolErrorCode Code { get; }
}
