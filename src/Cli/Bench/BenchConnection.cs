using System.Diagnostics;
using HdrHistogram;
using LoomExchange.Client;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Cli.Bench;

/// <summary>
/// One load connection: its own order flow and latency histogram, fed from the client's receive loop. Latency runs
/// from the request's scheduled send time to its first execution report (the durable acknowledgement), so that a
/// stalled server shows up as latency rather than as fewer requests (no coordinated omission).
/// </summary>
internal sealed class BenchConnection : IAsyncDisposable
{
    private static readonly double MicrosPerTick = 1_000_000.0 / Stopwatch.Frequency;
    private readonly Lock _gate = new();
    private readonly BenchRun _run;
    private readonly BenchOrderFlow _flow;
    private readonly LongHistogram _latency = new(TimeSpan.FromMinutes(10).Ticks / 10, 3);
    private readonly int _index;
    private LoomClient? _client;

    public BenchConnection(int index, BenchRun run, IReadOnlyList<BenchInstrument> instruments)
    {
        _index = index;
        _run = run;
        _flow = new BenchOrderFlow(instruments, seed: 7919 * (index + 1));
    }

    public int Reconnects => _client?.Reconnects ?? 0;

    public int InFlight => _client?.PendingRequests ?? 0;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var (key, secret) = _run.Settings.CredentialsFor(_index);
        var endpoints = _run.Settings.EndpointsFor(_index);
        _client = await LoomClient.ConnectAsync(
            new LoomClientOptions
            {
                Endpoint = endpoints[0],
                FailoverEndpoints = [.. endpoints.Skip(1)],
                ApiKey = key,
                Secret = secret,
                OnExecutionReport = OnReport,
                OnRequestFailed = OnFailed,
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the flow's next request, counted as scheduled at <paramref name="scheduled"/> (a Stopwatch timestamp).</summary>
    public bool SendNext(long scheduled)
    {
        if (!_run.TryReserveSend(scheduled, out var measured))
        {
            return false;
        }

        WireMessage request;
        lock (_gate)
        {
            request = _flow.Next();
        }

        try
        {
            _client!.Send(request, BenchTag.Of(scheduled, measured));
            return true;
        }
        catch (LoomConnectionException error)
        {
            _run.Failure(error);
            return false;
        }
    }

    /// <summary>Adds this connection's latencies (µs) to <paramref name="total"/>.</summary>
    public void AddLatenciesTo(HistogramBase total)
    {
        lock (_gate)
        {
            total.Add(_latency);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { } client)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnReport(ExecutionReport report, SentRequest? answered)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _flow.Observe(report);
            if (answered is not null && _run.Answer(answered.Tag, now, report.ExecType == ExecType.Rejected ? report.RejectReason : null))
            {
                _latency.RecordValue(Math.Max(1, (long)((now - BenchTag.Scheduled(answered.Tag)) * MicrosPerTick)));
            }
        }

        if (_run.Answers is { } log)
        {
            if (answered is not null)
            {
                log.Answered(_client!.AccountId, answered, report, _run.UnixMicros(BenchTag.Scheduled(answered.Tag)), _run.UnixMicros(now));
            }
            else if (report.ExecType is ExecType.Accepted or ExecType.Rejected)
            {
                log.Unsolicited(_client!.AccountId, report, _run.UnixMicros(now));
            }
        }

        if (answered is not null && _run.ClosedLoop)
        {
            SendNext(now);
        }
    }

    private void OnFailed(SentRequest request, Exception error)
    {
        if (_run.Answers is { } log)
        {
            log.Failed(_client?.AccountId ?? 0, request, error, _run.UnixMicros(BenchTag.Scheduled(request.Tag)), _run.UnixMicros(Stopwatch.GetTimestamp()));
        }

        if (BenchTag.IsMeasured(request.Tag))
        {
            _run.Failure(error);
        }

        if (_run.ClosedLoop && error is LoomRequestTimeoutException or LoomProtocolException)
        {
            SendNext(Stopwatch.GetTimestamp());
        }
    }
}
