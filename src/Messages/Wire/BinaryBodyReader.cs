using System.Diagnostics;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Messages.Wire;

/// <summary>
/// Reads each message type's body in its documented field order. Arguments are evaluated left to right, so each
/// constructor call reads the fields in wire order. Order enums are not range-checked here: the gateway's static
/// checks reject unknown values with a reason code.
/// </summary>
internal static class BinaryBodyReader
{
    /// <summary>The message of a known type whose body has exactly the right length; check the reader's error after.</summary>
    public static WireMessage Read(MessageType type, ref FrameReader r) => type switch
    {
        MessageType.Logon => new Logon(
            r.Text(BinaryLayout.ApiKeyFieldSize, "apiKey"),
            r.Text(BinaryLayout.SecretFieldSize, "secret"),
            r.NonNegativeInt32("heartbeatIntervalMs"),
            r.Bool("cancelOnDisconnect")),
        MessageType.Heartbeat => new Heartbeat(r.I64()),
        MessageType.TestRequest => new TestRequest(r.I64()),
        MessageType.Logout => new Logout((ProtocolErrorCode)r.U16(), r.Text(BinaryLayout.TextFieldSize, "text")),
        MessageType.NewOrder => new NewOrder(
            r.I64(),
            r.Symbol(),
            (Side)r.U8(),
            (OrderType)r.U8(),
            (TimeInForce)r.U8(),
            (SelfTradePrevention)r.U8(),
            r.Bool("postOnly"),
            r.I64(),
            r.I64(),
            r.I64()),
        MessageType.CancelOrder => new CancelOrder(r.I64(), r.Symbol(), r.I64()),
        MessageType.AmendOrder => new AmendOrder(r.I64(), r.Symbol(), r.I64(), r.I64(), r.I64()),
        MessageType.MassCancel => new MassCancel(r.I64(), r.Symbol()),
        MessageType.OrderStatusRequest => new OrderStatusRequest(r.I64(), r.Symbol(), r.I64()),
        MessageType.LogonAck => new LogonAck(r.I64(), r.I64(), r.NonNegativeInt32("heartbeatIntervalMs")),
        MessageType.LogonReject => new LogonReject((LogonRejectReason)r.U8(), r.Text(BinaryLayout.TextFieldSize, "text")),
        MessageType.ExecutionReport => new ExecutionReport(
            (ExecType)r.U8(),
            r.I64(),
            r.Symbol(),
            r.I64(),
            (Side)r.U8(),
            r.I64(),
            r.I64(),
            r.I64(),
            r.I64(),
            r.I64(),
            r.I64(),
            (RejectReason)r.U16(),
            (CancelReason)r.U8(),
            r.I64()),
        MessageType.ProtocolError => new ProtocolError((ProtocolErrorCode)r.U16(), r.I64(), r.Text(BinaryLayout.TextFieldSize, "text")),

        // The caller accepts only the types above.
        _ => throw new UnreachableException($"no body layout for {type}"),
    };
}
