namespace LoomExchange.Messages.Wire;

/// <summary>
/// The fixed body size of each binary message type and which side may send it. The offsets within each body are
/// documented in docs/protocol.md and pinned by the hex fixtures in the tests.
/// </summary>
internal static class BinaryLayout
{
    public const int TextFieldSize = 64;
    public const int ApiKeyFieldSize = 32;
    public const int SecretFieldSize = 64;

    public const int LogonBody = ApiKeyFieldSize + SecretFieldSize + 4 + 1;
    public const int HeartbeatBody = 8;
    public const int TestRequestBody = 8;
    public const int LogoutBody = 2 + TextFieldSize;
    public const int NewOrderBody = 8 + BinaryCodec.SymbolFieldSize + 5 + 8 + 8 + 8;
    public const int CancelOrderBody = 8 + BinaryCodec.SymbolFieldSize + 8;
    public const int AmendOrderBody = 8 + BinaryCodec.SymbolFieldSize + 8 + 8 + 8;
    public const int MassCancelBody = 8 + BinaryCodec.SymbolFieldSize;
    public const int OrderStatusRequestBody = 8 + BinaryCodec.SymbolFieldSize + 8;
    public const int LogonAckBody = 8 + 8 + 4;
    public const int LogonRejectBody = 1 + TextFieldSize;
    public const int ExecutionReportBody = 1 + 8 + BinaryCodec.SymbolFieldSize + 8 + 1 + (6 * 8) + 2 + 1 + 8;
    public const int ProtocolErrorBody = 2 + 8 + TextFieldSize;

    /// <summary>The largest body: an execution report.</summary>
    public const int MaxBody = ExecutionReportBody;

    /// <summary>The body size of <paramref name="type"/>, or -1 when the protocol defines no such type.</summary>
    public static int BodySize(MessageType type) => type switch
    {
        MessageType.Logon => LogonBody,
        MessageType.Heartbeat => HeartbeatBody,
        MessageType.TestRequest => TestRequestBody,
        MessageType.Logout => LogoutBody,
        MessageType.NewOrder => NewOrderBody,
        MessageType.CancelOrder => CancelOrderBody,
        MessageType.AmendOrder => AmendOrderBody,
        MessageType.MassCancel => MassCancelBody,
        MessageType.OrderStatusRequest => OrderStatusRequestBody,
        MessageType.LogonAck => LogonAckBody,
        MessageType.LogonReject => LogonRejectBody,
        MessageType.ExecutionReport => ExecutionReportBody,
        MessageType.ProtocolError => ProtocolErrorBody,
        _ => -1,
    };

    /// <summary>
    /// Whether the receiving side accepts <paramref name="type"/>: the server takes the client's types, the client the
    /// server's. Heartbeat, TestRequest and Logout flow both ways.
    /// </summary>
    public static bool Accepts(MessageType type, bool serverSide) => type switch
    {
        MessageType.Heartbeat or MessageType.TestRequest or MessageType.Logout => true,
        MessageType.Logon or MessageType.NewOrder or MessageType.CancelOrder or MessageType.AmendOrder
            or MessageType.MassCancel or MessageType.OrderStatusRequest => serverSide,
        MessageType.LogonAck or MessageType.LogonReject or MessageType.ExecutionReport or MessageType.ProtocolError => !serverSide,
        _ => false,
    };
}
