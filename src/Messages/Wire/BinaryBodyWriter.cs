namespace LoomExchange.Messages.Wire;

/// <summary>Writes each message type's body in its documented field order (docs/protocol.md).</summary>
internal static class BinaryBodyWriter
{
    public static void Write(WireMessage message, ref FrameWriter writer)
    {
        switch (message)
        {
            case Logon m:
                writer.Identifier(m.ApiKey, BinaryLayout.ApiKeyFieldSize, "apiKey");
                writer.Identifier(m.Secret, BinaryLayout.SecretFieldSize, "secret");
                writer.NonNegative(m.HeartbeatIntervalMs, "heartbeatIntervalMs");
                writer.Bool(m.CancelOnDisconnect);
                break;
            case Heartbeat m:
                writer.I64(m.TestRequestId);
                break;
            case TestRequest m:
                writer.I64(m.TestRequestId);
                break;
            case Logout m:
                writer.U16((ushort)m.Reason);
                writer.FreeText(m.Text, BinaryLayout.TextFieldSize);
                break;
            case NewOrder m:
                writer.I64(m.ClientOrderId);
                writer.Identifier(m.Symbol, BinaryCodec.SymbolFieldSize, "symbol");
                writer.U8((byte)m.Side);
                writer.U8((byte)m.OrderType);
                writer.U8((byte)m.TimeInForce);
                writer.U8((byte)m.SelfTradePrevention);
                writer.Bool(m.PostOnly);
                writer.I64(m.Price);
                writer.I64(m.Quantity);
                writer.I64(m.ExpireAt);
                break;
            case CancelOrder m:
                writer.I64(m.ClientOrderId);
                writer.Identifier(m.Symbol, BinaryCodec.SymbolFieldSize, "symbol");
                writer.I64(m.OrderId);
                break;
            case AmendOrder m:
                writer.I64(m.ClientOrderId);
                writer.Identifier(m.Symbol, BinaryCodec.SymbolFieldSize, "symbol");
                writer.I64(m.OrderId);
                writer.I64(m.Price);
                writer.I64(m.Quantity);
                break;
            case MassCancel m:
                writer.I64(m.ClientOrderId);
                writer.Identifier(m.Symbol, BinaryCodec.SymbolFieldSize, "symbol");
                break;
            case OrderStatusRequest m:
                writer.I64(m.ClientOrderId);
                writer.Identifier(m.Symbol, BinaryCodec.SymbolFieldSize, "symbol");
                writer.I64(m.OrderId);
                break;
            case LogonAck m:
                writer.I64(m.SessionId);
                writer.I64(m.AccountId);
                writer.NonNegative(m.HeartbeatIntervalMs, "heartbeatIntervalMs");
                break;
            case LogonReject m:
                writer.U8((byte)m.Reason);
                writer.FreeText(m.Text, BinaryLayout.TextFieldSize);
                break;
            case ExecutionReport m:
                WriteExecutionReport(m, ref writer);
                break;
            case ProtocolError m:
                writer.U16((ushort)m.Code);
                writer.I64(m.RefSequence);
                writer.FreeText(m.Text, BinaryLayout.TextFieldSize);
                break;
            default:
                throw new ArgumentException($"{message.GetType().Name} is not a message of the binary protocol", nameof(message));
        }
    }

    private static void WriteExecutionReport(ExecutionReport m, ref FrameWriter writer)
    {
        writer.U8((byte)m.ExecType);
        writer.I64(m.ClientOrderId);
        writer.Identifier(m.Symbol, BinaryCodec.SymbolFieldSize, "symbol");
        writer.I64(m.OrderId);
        writer.U8((byte)m.Side);
        writer.I64(m.Price);
        writer.I64(m.Quantity);
        writer.I64(m.LeavesQuantity);
        writer.I64(m.LastPrice);
        writer.I64(m.LastQuantity);
        writer.I64(m.TradeId);
        writer.U16((ushort)m.RejectReason);
        writer.U8((byte)m.CancelReason);
        writer.I64(m.Timestamp);
    }
}
