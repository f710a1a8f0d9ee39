using LoomExchange.Messages.Wire;

namespace LoomExchange.Client;

/// <summary>The gateway refused the logon (<see cref="Reason"/>): wrong credentials, a blocked address, too many sessions…</summary>
public sealed class LoomLogonRejectedException : Exception
{
    public LoomLogonRejectedException(LogonRejectReason reason, string text)
        : base($"logon rejected: {reason}{(string.IsNullOrEmpty(text) ? string.Empty : ": " + text)}")
    {
        Reason = reason;
        Text = text;
    }

    public LoomLogonRejectedException()
        : this(LogonRejectReason.InvalidCredentials, string.Empty)
    {
    }

    public LoomLogonRejectedException(string message)
        : base(message)
    {
        Text = message;
    }

    public LoomLogonRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Text = message;
    }

    public LogonRejectReason Reason { get; }

    public string Text { get; } = string.Empty;
}
