using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Messages.Tests.Wire;

/// <summary>
/// One message of every type with its frame, written field by field from the layout in docs/protocol.md (spaces
/// separate fields; generated independently of the codec). A layout change fails the fixture specs.
/// </summary>
public static class WireFixtures
{
    public static readonly WireFixture[] All =
    [
        new(
            MessageType.Logon,
            new Logon("demo-1", "demo-secret-1", 5000, true),
            1,
            "6f00 01 01 0100000000000000 64656d6f2d310000000000000000000000000000000000000000000000000000 64656d6f2d7365637265742d31000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000 88130000 01"),
        new(
            MessageType.Heartbeat,
            new Heartbeat(42),
            2,
            "1200 01 02 0200000000000000 2a00000000000000"),
        new(
            MessageType.TestRequest,
            new TestRequest(-42),
            3,
            "1200 01 03 0300000000000000 d6ffffffffffffff"),
        new(
            MessageType.Logout,
            new Logout(ProtocolErrorCode.IdleTimeout, "idle"),
            4,
            "4c00 01 04 0400000000000000 0a00 69646c65000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        new(
            MessageType.NewOrder,
            new NewOrder(7, "BTC-USD", Side.Buy, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.CancelNewest, true, 5_000_025, 1_500_000, 0),
            5,
            "4f00 01 0a 0500000000000000 0700000000000000 4254432d55534400000000000000000000000000000000000000000000000000 01 01 01 01 01 594b4c0000000000 60e3160000000000 0000000000000000"),
        new(
            MessageType.CancelOrder,
            new CancelOrder(8, "BTC-USD", 123),
            6,
            "3a00 01 0b 0600000000000000 0800000000000000 4254432d55534400000000000000000000000000000000000000000000000000 7b00000000000000"),
        new(
            MessageType.AmendOrder,
            new AmendOrder(9, "BTC-USD", 123, 5_000_100, 1_000_000),
            7,
            "4a00 01 0c 0700000000000000 0900000000000000 4254432d55534400000000000000000000000000000000000000000000000000 7b00000000000000 a44b4c0000000000 40420f0000000000"),
        new(
            MessageType.MassCancel,
            new MassCancel(10, "ETH-USD"),
            8,
            "3200 01 0d 0800000000000000 0a00000000000000 4554482d55534400000000000000000000000000000000000000000000000000"),
        new(
            MessageType.OrderStatusRequest,
            new OrderStatusRequest(11, "BTC-USD", 123),
            9,
            "3a00 01 0e 0900000000000000 0b00000000000000 4254432d55534400000000000000000000000000000000000000000000000000 7b00000000000000"),
        new(
            MessageType.LogonAck,
            new LogonAck(1, 1001, 5000),
            1,
            "1e00 01 14 0100000000000000 0100000000000000 e903000000000000 88130000"),
        new(
            MessageType.LogonReject,
            new LogonReject(LogonRejectReason.InvalidCredentials, "invalid api key or secret"),
            1,
            "4b00 01 15 0100000000000000 01 696e76616c696420617069206b6579206f7220736563726574000000000000000000000000000000000000000000000000000000000000000000000000000000"),
        new(
            MessageType.ExecutionReport,
            new ExecutionReport(
                ExecType.PartialFill,
                7,
                "BTC-USD",
                123,
                Side.Buy,
                5_000_025,
                1_500_000,
                500_000,
                5_000_000,
                1_000_000,
                77,
                RejectReason.None,
                CancelReason.None,
                1_767_225_600_000),
            2,
            "7700 01 16 0200000000000000 03 0700000000000000 4254432d55534400000000000000000000000000000000000000000000000000 7b00000000000000 01 594b4c0000000000 60e3160000000000 20a1070000000000 404b4c0000000000 40420f0000000000 4d00000000000000 0000 00 00a8da769b010000"),
        new(
            MessageType.ProtocolError,
            new ProtocolError(ProtocolErrorCode.SequenceGap, 5, "expected sequence 4, got 5"),
            3,
            "5400 01 17 0300000000000000 0700 0500000000000000 65787065637465642073657175656e636520342c20676f7420350000000000000000000000000000000000000000000000000000000000000000000000000000"),
    ];

    public static WireFixture Of(MessageType type) => Array.Find(All, f => f.Type == type)!;

    /// <summary>xunit theory data: every message type.</summary>
    public static TheoryData<MessageType> Types()
    {
        var data = new TheoryData<MessageType>();
        foreach (var fixture in All)
        {
            data.Add(fixture.Type);
        }

        return data;
    }
}
