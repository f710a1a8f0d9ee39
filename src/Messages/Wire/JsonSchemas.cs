using LoomExchange.Messages.Orders;

namespace LoomExchange.Messages.Wire;

/// <summary>
/// The JSON form of every message type. Property names are the record's in camelCase, in record order; optional
/// properties and their defaults are those of docs/protocol.md. Round-trip tests keep build and flatten in step.
/// </summary>
internal static class JsonSchemas
{
    public static readonly JsonEnumTable MessageTypes = JsonEnumTable.For<MessageType>(byte.MaxValue);

    private static readonly JsonEnumTable ExecTypes = JsonEnumTable.For<ExecType>(byte.MaxValue);
    private static readonly JsonEnumTable ErrorCodes = JsonEnumTable.For<ProtocolErrorCode>(ushort.MaxValue);
    private static readonly JsonEnumTable LogonRejectReasons = JsonEnumTable.For<LogonRejectReason>(byte.MaxValue);
    private static readonly JsonEnumTable Sides = JsonEnumTable.For<Side>(byte.MaxValue);
    private static readonly JsonEnumTable OrderTypes = JsonEnumTable.For<OrderType>(byte.MaxValue);
    private static readonly JsonEnumTable TimesInForce = JsonEnumTable.For<TimeInForce>(byte.MaxValue);
    private static readonly JsonEnumTable SelfTradePreventions = JsonEnumTable.For<SelfTradePrevention>(byte.MaxValue);
    private static readonly JsonEnumTable RejectReasons = JsonEnumTable.For<RejectReason>(ushort.MaxValue);
    private static readonly JsonEnumTable CancelReasons = JsonEnumTable.For<CancelReason>(byte.MaxValue);

    private static readonly JsonField ClientOrderId = JsonField.Int64("clientOrderId");
    private static readonly JsonField Symbol = JsonField.Identifier("symbol", BinaryCodec.SymbolFieldSize);
    private static readonly JsonField OrderId = JsonField.Int64("orderId");
    private static readonly JsonField Text = JsonField.FreeText("text");

    private static readonly JsonMessageSchema?[] ByType = Build(
    [
        new(
            MessageType.Logon,
            [
                JsonField.Identifier("apiKey", BinaryLayout.ApiKeyFieldSize),
                JsonField.Identifier("secret", BinaryLayout.SecretFieldSize),
                JsonField.NonNegativeInt32("heartbeatIntervalMs", optional: true),
                JsonField.Boolean("cancelOnDisconnect", optional: true),
            ],
            static s => new Logon(s.Text(0), s.Text(1), s.Int(2), s.Bool(3)),
            static (m, s) =>
            {
                var o = (Logon)m;
                s.Set(0, o.ApiKey).Set(1, o.Secret).Set(2, o.HeartbeatIntervalMs).Set(3, o.CancelOnDisconnect);
            }),
        new(
            MessageType.Heartbeat,
            [JsonField.Int64("testRequestId")],
            static s => new Heartbeat(s.Long(0)),
            static (m, s) => s.Set(0, ((Heartbeat)m).TestRequestId)),
        new(
            MessageType.TestRequest,
            [JsonField.Int64("testRequestId")],
            static s => new TestRequest(s.Long(0)),
            static (m, s) => s.Set(0, ((TestRequest)m).TestRequestId)),
        new(
            MessageType.Logout,
            [JsonField.Enum("reason", ErrorCodes), Text],
            static s => new Logout((ProtocolErrorCode)s.Long(0), s.Text(1)),
            static (m, s) => s.Set(0, (long)((Logout)m).Reason).Set(1, ((Logout)m).Text)),
        new(
            MessageType.NewOrder,
            [
                ClientOrderId,
                Symbol,
                JsonField.Enum("side", Sides),
                JsonField.Enum("orderType", OrderTypes),
                JsonField.Enum("timeInForce", TimesInForce, (long)TimeInForce.Gtc),
                JsonField.Enum("selfTradePrevention", SelfTradePreventions, (long)SelfTradePrevention.None),
                JsonField.Boolean("postOnly", optional: true),
                JsonField.Int64("price"),
                JsonField.Int64("quantity"),
                JsonField.Int64("expireAt", optional: true),
            ],
            static s => new NewOrder(
                s.Long(0),
                s.Text(1),
                (Side)s.Long(2),
                (OrderType)s.Long(3),
                (TimeInForce)s.Long(4),
                (SelfTradePrevention)s.Long(5),
                s.Bool(6),
                s.Long(7),
                s.Long(8),
                s.Long(9)),
            static (m, s) =>
            {
                var o = (NewOrder)m;
                s.Set(0, o.ClientOrderId).Set(1, o.Symbol).Set(2, (long)o.Side).Set(3, (long)o.OrderType)
                    .Set(4, (long)o.TimeInForce).Set(5, (long)o.SelfTradePrevention).Set(6, o.PostOnly)
                    .Set(7, o.Price).Set(8, o.Quantity).Set(9, o.ExpireAt);
            }),
        new(
            MessageType.CancelOrder,
            [ClientOrderId, Symbol, OrderId],
            static s => new CancelOrder(s.Long(0), s.Text(1), s.Long(2)),
            static (m, s) =>
            {
                var o = (CancelOrder)m;
                s.Set(0, o.ClientOrderId).Set(1, o.Symbol).Set(2, o.OrderId);
            }),
        new(
            MessageType.AmendOrder,
            [ClientOrderId, Symbol, OrderId, JsonField.Int64("price"), JsonField.Int64("quantity")],
            static s => new AmendOrder(s.Long(0), s.Text(1), s.Long(2), s.Long(3), s.Long(4)),
            static (m, s) =>
            {
                var o = (AmendOrder)m;
                s.Set(0, o.ClientOrderId).Set(1, o.Symbol).Set(2, o.OrderId).Set(3, o.Price).Set(4, o.Quantity);
            }),
        new(
            MessageType.MassCancel,
            [ClientOrderId, Symbol],
            static s => new MassCancel(s.Long(0), s.Text(1)),
            static (m, s) => s.Set(0, ((MassCancel)m).ClientOrderId).Set(1, ((MassCancel)m).Symbol)),
        new(
            MessageType.OrderStatusRequest,
            [ClientOrderId, Symbol, OrderId],
            static s => new OrderStatusRequest(s.Long(0), s.Text(1), s.Long(2)),
            static (m, s) =>
            {
                var o = (OrderStatusRequest)m;
                s.Set(0, o.ClientOrderId).Set(1, o.Symbol).Set(2, o.OrderId);
            }),
        new(
            MessageType.LogonAck,
            [JsonField.Int64("sessionId"), JsonField.Int64("accountId"), JsonField.NonNegativeInt32("heartbeatIntervalMs")],
            static s => new LogonAck(s.Long(0), s.Long(1), s.Int(2)),
            static (m, s) =>
            {
                var o = (LogonAck)m;
                s.Set(0, o.SessionId).Set(1, o.AccountId).Set(2, o.HeartbeatIntervalMs);
            }),
        new(
            MessageType.LogonReject,
            [JsonField.Enum("reason", LogonRejectReasons), Text],
            static s => new LogonReject((LogonRejectReason)s.Long(0), s.Text(1)),
            static (m, s) => s.Set(0, (long)((LogonReject)m).Reason).Set(1, ((LogonReject)m).Text)),
        ExecutionReportSchema(),
        new(
            MessageType.ProtocolError,
            [JsonField.Enum("code", ErrorCodes), JsonField.Int64("refSequence"), Text],
            static s => new ProtocolError((ProtocolErrorCode)s.Long(0), s.Long(1), s.Text(2)),
            static (m, s) =>
            {
                var o = (ProtocolError)m;
                s.Set(0, (long)o.Code).Set(1, o.RefSequence).Set(2, o.Text);
            }),
    ]);

    /// <summary>The schema of <paramref name="type"/>, or null when the protocol defines no such type.</summary>
    public static JsonMessageSchema? For(MessageType type) => (int)type < ByType.Length ? ByType[(int)type] : null;

    private static JsonMessageSchema ExecutionReportSchema() => new(
        MessageType.ExecutionReport,
        [
            JsonField.Enum("execType", ExecTypes),
            ClientOrderId,
            Symbol,
            OrderId,
            JsonField.Enum("side", Sides),
            JsonField.Int64("price"),
            JsonField.Int64("quantity"),
            JsonField.Int64("leavesQuantity"),
            JsonField.Int64("lastPrice"),
            JsonField.Int64("lastQuantity"),
            JsonField.Int64("tradeId"),
            JsonField.Enum("rejectReason", RejectReasons),
            JsonField.Enum("cancelReason", CancelReasons),
            JsonField.Int64("timestamp"),
        ],
        static s => new ExecutionReport(
            (ExecType)s.Long(0),
            s.Long(1),
            s.Text(2),
            s.Long(3),
            (Side)s.Long(4),
            s.Long(5),
            s.Long(6),
            s.Long(7),
            s.Long(8),
            s.Long(9),
            s.Long(10),
            (RejectReason)s.Long(11),
            (CancelReason)s.Long(12),
            s.Long(13)),
        static (m, s) =>
        {
            var o = (ExecutionReport)m;
            s.Set(0, (long)o.ExecType).Set(1, o.ClientOrderId).Set(2, o.Symbol).Set(3, o.OrderId).Set(4, (long)o.Side)
                .Set(5, o.Price).Set(6, o.Quantity).Set(7, o.LeavesQuantity).Set(8, o.LastPrice).Set(9, o.LastQuantity)
                .Set(10, o.TradeId).Set(11, (long)o.RejectReason).Set(12, (long)o.CancelReason).Set(13, o.Timestamp);
        });

    private static JsonMessageSchema?[] Build(JsonMessageSchema[] schemas)
    {
        var byType = new JsonMessageSchema?[byte.MaxValue + 1];
        foreach (var schema in schemas)
        {
            byType[(int)schema.Type] = schema;
        }

        return byType;
    }
}
