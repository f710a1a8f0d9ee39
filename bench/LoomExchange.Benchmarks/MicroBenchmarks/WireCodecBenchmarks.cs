using BenchmarkDotNet.Attributes;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Benchmarks.MicroBenchmarks;

/// <summary>
/// The gateway's per-message codec cost: a NewOrder in, an ExecutionReport out, binary and JSON. Binary encode
/// writes into a reused buffer (no allocation); decode allocates the message only (symbols are interned).
/// </summary>
[MemoryDiagnoser]
public class WireCodecBenchmarks
{
    private readonly byte[] _buffer = new byte[BinaryCodec.MaxDefinedFrameSize];
    private NewOrder _order = null!;
    private ExecutionReport _report = null!;
    private byte[] _orderFrame = [];
    private byte[] _reportFrame = [];
    private byte[] _orderJson = [];

    [GlobalSetup]
    public void Setup()
    {
        _order = new NewOrder(7, "BTC-USD", Side.Buy, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.None, false, 5_000_025, 1_500_000, 0);
        _report = new ExecutionReport(
            ExecType.PartialFill, 7, "BTC-USD", 123, Side.Buy, 5_000_025, 1_500_000, 500_000, 5_000_000, 1_000_000, 77,
            RejectReason.None, CancelReason.None, 1_767_225_600_000);
        _orderFrame = BinaryCodec.Encode(_order, 5);
        _reportFrame = BinaryCodec.Encode(_report, 2);
        _orderJson = JsonCodec.Encode(_order, 5);
    }

    [Benchmark(Description = "binary encode NewOrder")]
    public int EncodeNewOrder() => BinaryCodec.Encode(_order, 5, _buffer);

    [Benchmark(Description = "binary decode NewOrder")]
    public WireMessage? DecodeNewOrder() => BinaryCodec.Decode(_orderFrame, serverSide: true).Message;

    [Benchmark(Description = "binary encode ExecutionReport")]
    public int EncodeExecutionReport() => BinaryCodec.Encode(_report, 2, _buffer);

    [Benchmark(Description = "binary decode ExecutionReport")]
    public WireMessage? DecodeExecutionReport() => BinaryCodec.Decode(_reportFrame, serverSide: false).Message;

    [Benchmark(Description = "JSON encode ExecutionReport")]
    public byte[] EncodeExecutionReportJson() => JsonCodec.Encode(_report, 2);

    [Benchmark(Description = "JSON decode NewOrder")]
    public WireMessage? DecodeNewOrderJson() => JsonCodec.Decode(_orderJson, serverSide: true).Message;
}
