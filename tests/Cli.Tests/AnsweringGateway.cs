using LoomExchange.Client.Tests;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Cli.Tests;

/// <summary>A fake gateway that logs every connection on and answers every request at once, as a healthy exchange would.</summary>
internal sealed class AnsweringGateway : IAsyncDisposable
{
    private readonly FakeTcpGateway _gateway = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _sessions = [];
    private readonly Task _accepting;
    private long _orderId;
    private int _logons;
    private int _requests;

    public AnsweringGateway(Func<WireMessage, ExecutionReport?>? answer = null)
    {
        Answer = answer ?? DefaultAnswer;
        _accepting = AcceptAsync();
    }

    public string Endpoint => _gateway.Endpoint;

    public Func<WireMessage, ExecutionReport?> Answer { get; }

    /// <summary>Order requests received so far (session messages such as heartbeats not counted).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Sessions logged on so far.</summary>
    public int Logons => Volatile.Read(ref _logons);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _accepting;
        await _gateway.DisposeAsync();
        await Task.WhenAll(_sessions);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            FakeConnection connection;
            try
            {
                connection = await _gateway.AcceptAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                continue; // no client for a while, or disposed: the loop condition decides
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _sessions.Add(ServeAsync(connection));
        }
    }

    private async Task ServeAsync(FakeConnection connection)
    {
        await using var _ = connection;
        try
        {
            await connection.AcceptLogonAsync();
            Interlocked.Increment(ref _logons);
            while (await connection.ReceiveAsync() is { } frame)
            {
                if (frame.Message is Logout)
                {
                    await connection.SendAsync(new Logout(ProtocolErrorCode.None, "logged out"));
                    return;
                }

                if (frame.Message is NewOrder or CancelOrder or AmendOrder or MassCancel or OrderStatusRequest)
                {
                    Interlocked.Increment(ref _requests);
                }

                if (Answer(frame.Message) is { } report)
                {
                    await connection.SendAsync(report);
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away.
        }
    }

    /// <summary>What a healthy exchange answers: accepted, cancelled, amended.</summary>
    public ExecutionReport? DefaultAnswer(WireMessage request) => request switch
    {
        NewOrder o => Reports.Accepted(o, Interlocked.Increment(ref _orderId)),
        CancelOrder c => Reports.Rejected(c.ClientOrderId, c.Symbol, RejectReason.None) with { ExecType = ExecType.Cancelled, OrderId = c.OrderId, CancelReason = CancelReason.Requested },
        AmendOrder a => Reports.Rejected(a.ClientOrderId, a.Symbol, RejectReason.None) with { ExecType = ExecType.Amended, OrderId = a.OrderId, Price = a.Price, LeavesQuantity = a.Quantity },
        OrderStatusRequest s => Reports.Rejected(s.ClientOrderId, s.Symbol, RejectReason.UnknownOrder),
        MassCancel m => Reports.MassCancelDone(m.ClientOrderId, m.Symbol, 0),
        _ => null,
    };
}
