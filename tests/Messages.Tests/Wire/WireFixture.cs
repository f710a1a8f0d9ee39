using LoomExchange.Messages.Wire;

namespace LoomExchange.Messages.Tests.Wire;

/// <summary>A message, the sequence it is framed with, and the frame's bytes as hex (whitespace ignored).</summary>
public sealed record WireFixture(MessageType Type, WireMessage Message, long Sequence, string Hex)
{
    public byte[] Frame => Convert.FromHexString(Hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    /// <summary>Whether the server receives this type (client-to-server); Heartbeat, TestRequest and Logout go both ways.</summary>
    public bool SentByClient => Type is < MessageType.LogonAck;

    public bool SentByServer => Type is MessageType.Heartbeat or MessageType.TestRequest or MessageType.Logout or >= MessageType.LogonAck;
}
