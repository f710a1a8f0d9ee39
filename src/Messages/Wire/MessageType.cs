namespace LoomExchange.Messages.Wire;

/// <summary>
/// The type byte of a frame, shared by the binary protocol and the JSON one (<c>"type"</c> names).
/// Client-to-server types are below 20, server-to-client types 20 and up; the numbers are part of the protocol.
/// </summary>
public enum MessageType : byte
{
    Logon = 1,
    Heartbeat = 2,
    TestRequest = 3,
    Logout = 4,
    NewOrder = 10,
    CancelOrder = 11,
    AmendOrder = 12,
    MassCancel = 13,
    OrderStatusRequest = 14,

    LogonAck = 20,
    LogonReject = 21,
    ExecutionReport = 22,
    ProtocolError = 23,
}
