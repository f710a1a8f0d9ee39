using CsCheck;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Messages.Tests.Wire;

/// <summary>
/// Random valid messages of every type. Enum fields take any number of their wire width (decoders pass unknown
/// order enums through), text fields any printable ASCII up to their width, numbers the whole i64 range.
/// </summary>
public static class WireGenerators
{
    private static readonly Gen<long> Number = Gen.Frequency(
        (3, Gen.Long),
        (1, Gen.OneOf(Gen.Const(0L), Gen.Const(1L), Gen.Const(-1L), Gen.Const(long.MaxValue), Gen.Const(long.MinValue))));

    private static readonly Gen<int> Interval = Gen.Int[0, int.MaxValue];

    public static readonly Gen<long> Sequence = Gen.Frequency((3, Gen.Long[1, 1000]), (1, Gen.Long[1, long.MaxValue]));

    public static readonly Gen<string> Symbol = Text(BinaryCodec.SymbolFieldSize);

    public static readonly Gen<WireMessage> Messages = Gen.OneOf<WireMessage>(
        Gen.Select(Text(32), Text(64), Interval, Gen.Bool, (k, s, h, c) => (WireMessage)new Logon(k, s, h, c)),
        Number.Select(id => (WireMessage)new Heartbeat(id)),
        Number.Select(id => (WireMessage)new TestRequest(id)),
        Gen.Select(Gen.UShort, Text(64), (r, t) => (WireMessage)new Logout((ProtocolErrorCode)r, t)),
        Gen.Select(
            Number,
            Symbol,
            Gen.Byte,
            Gen.Byte,
            Gen.Byte,
            Gen.Byte,
            Gen.Bool,
            Number,
            Number,
            Number,
            (c, s, side, type, tif, stp, post, p, q, e) => (WireMessage)new NewOrder(
                c, s, (Side)side, (OrderType)type, (TimeInForce)tif, (SelfTradePrevention)stp, post, p, q, e)),
        Gen.Select(Number, Symbol, Number, (c, s, o) => (WireMessage)new CancelOrder(c, s, o)),
        Gen.Select(Number, Symbol, Number, Number, Number, (c, s, o, p, q) => (WireMessage)new AmendOrder(c, s, o, p, q)),
        Gen.Select(Number, Symbol, (c, s) => (WireMessage)new MassCancel(c, s)),
        Gen.Select(Number, Symbol, Number, (c, s, o) => (WireMessage)new OrderStatusRequest(c, s, o)),
        Gen.Select(Number, Number, Interval, (s, a, h) => (WireMessage)new LogonAck(s, a, h)),
        Gen.Select(Gen.Byte, Text(64), (r, t) => (WireMessage)new LogonReject((LogonRejectReason)r, t)),
        ExecutionReports(),
        Gen.Select(Gen.UShort, Number, Text(64), (c, r, t) => (WireMessage)new ProtocolError((ProtocolErrorCode)c, r, t)));

    /// <summary>Printable ASCII of 0 to <paramref name="width"/> characters, often a plausible symbol.</summary>
    public static Gen<string> Text(int width) => Gen.Frequency(
        (1, Gen.OneOf(Gen.Const(string.Empty), Gen.Const("BTC-USD"), Gen.Const("ETH-USD"), Gen.Const(new string('Z', width)))),
        (3, Gen.Char[' ', '~'].Array[0, width].Select(chars => new string(chars))));

    /// <summary>The side that receives <paramref name="message"/>; Heartbeat, TestRequest and Logout are received by both.</summary>
    public static bool ServerReceives(WireMessage message) => message.Type < MessageType.LogonAck;

    private static Gen<WireMessage> ExecutionReports() => Gen.Select(
        Gen.Byte,
        Number,
        Symbol,
        Number,
        Gen.Byte,
        Number,
        Number,
        Number,
        Number,
        Number,
        Number,
        Gen.UShort,
        Gen.Byte,
        Number,
        (exec, c, s, o, side, p, q, leaves, lastP, lastQ, trade, reject, cancel, ts) => (WireMessage)new ExecutionReport(
            (ExecType)exec, c, s, o, (Side)side, p, q, leaves, lastP, lastQ, trade, (RejectReason)reject, (CancelReason)cancel, ts));
}
