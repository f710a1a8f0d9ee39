using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Pipeline;

/// <summary>
/// The session ended: <see cref="LoggedOut"/> when the client said Logout (no cancel-on-disconnect then), otherwise
/// why the session stage ended it. A connection that just drops ends without this element.
/// </summary>
internal sealed class SessionClosed(ProtocolErrorCode reason, bool loggedOut) : SessionElement
{
    public static readonly SessionClosed ByLogout = new(ProtocolErrorCode.None, loggedOut: true);

    public ProtocolErrorCode Reason { get; } = reason;

    public bool LoggedOut { get; } = loggedOut;
}
