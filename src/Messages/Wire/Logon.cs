namespace LoomExchange.Messages.Wire;

/// <summary>
/// The first message of a session. <paramref name="HeartbeatIntervalMs"/> is how often each side sends a
/// <see cref="Heartbeat"/> when it has nothing else to send; <paramref name="CancelOnDisconnect"/> asks the server
/// to cancel this session's resting orders when the connection ends without a Logout.
/// </summary>
public sealed record Logon(string ApiKey, string Secret, int HeartbeatIntervalMs, bool CancelOnDisconnect) : WireMessage
{
    public override MessageType Type => MessageType.Logon;

    // The secret never reaches logs through ToString.
    protected override bool PrintMembers(System.Text.StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append($"ApiKey = {ApiKey}, Secret = ***, HeartbeatIntervalMs = {HeartbeatIntervalMs}, CancelOnDisconnect = {CancelOnDisconnect}");
        return true;
    }
}
