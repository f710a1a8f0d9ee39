using System.Diagnostics;
using HdrHistogram;
using LoomExchange.Cli.Instruments;
using LoomExchange.Client;

namespace LoomExchange.Cli.Bench;

/// <summary>Runs one load test: connect N sessions, warm up, drive closed or open loop, drain, report.</summary>
internal sealed class BenchRunner(BenchSettings settings, TextWriter output, TextWriter progress)
{
    // Connect this many sessions at a time: fast, yet gentle with the gateway's per-address limits.
    private const int ConnectConcurrency = 64;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(20);

    public async Task<BenchResult> RunAsync(CancellationToken cancellationToken)
    {
        var endpoints = settings.Endpoints.Select(LoomEndpoint.Parse).ToList();
        if (endpoints.Any(e => e.Kind != endpoints[0].Kind))
        {
            throw new UsageException("every --endpoint of one bench must speak the same protocol (all tcp:// or all ws://)");
        }

        var transport = endpoints[0].Kind == TransportKind.Tcp ? "tcp" : "ws";
        var catalog = await InstrumentCatalog.FetchOrDemoAsync(settings.Http, progress, cancellationToken).ConfigureAwait(false);
        var symbols = settings.Symbols.Count > 0 ? settings.Symbols : [.. catalog.All.Select(s => s.Symbol)];
        var instruments = symbols.Select(s => BenchInstrument.From(catalog.Get(s))).ToList();
        await output.WriteLineAsync($"bench: {string.Join(", ", endpoints)} ({transport}), {settings.Connections} connection(s), {settings.Mode}, "
            + $"{(settings.Orders is { } m ? $"{m} requests" : $"{settings.Duration?.TotalSeconds:0.#} s")}, warmup {settings.Warmup}, "
            + $"symbols {string.Join(",", instruments.Select(i => i.Symbol))} (specs: {catalog.Source})").ConfigureAwait(false);

        using var answers = settings.AnswersFile is { } file ? new AnswerLog(file) : null;
        var run = new BenchRun(settings, answers);
        var connections = Enumerable.Range(0, settings.Connections).Select(i => new BenchConnection(i, run, instruments)).ToList();
        try
        {
            using var gate = new SemaphoreSlim(ConnectConcurrency);
            await Task.WhenAll(connections.Select(async c =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await c.ConnectAsync(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);

            using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var reporting = ReportProgressAsync(run, connections, stopProgress.Token);
            if (settings.Inflight is { } inflight)
            {
                await DriveClosedLoopAsync(run, connections, inflight, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await DriveOpenLoopAsync(run, connections, settings.Rate!.Value, cancellationToken).ConfigureAwait(false);
            }

            await DrainAsync(connections, cancellationToken).ConfigureAwait(false);
            await stopProgress.CancelAsync().ConfigureAwait(false);
            await reporting.ConfigureAwait(false);
            return Summarise(run, connections, transport, string.Join(",", endpoints), instruments);
        }
        finally
        {
            // Before the answer log closes: disposing fails what is still unanswered, and those get their lines too.
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
        }
    }

    private async Task DriveClosedLoopAsync(BenchRun run, List<BenchConnection> connections, int inflight, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        if (settings.Warmup == 0)
        {
            run.StartMeasuring(start);
        }

        // Each answer sends the next request (BenchConnection.OnReport): K stay in flight per connection.
        foreach (var connection in connections)
        {
            for (var i = 0; i < inflight; i++)
            {
                connection.SendNext(Stopwatch.GetTimestamp());
            }
        }

        await run.WarmedUp.WaitAsync(cancellationToken).ConfigureAwait(false);
        await WaitForEndAsync(run, cancellationToken).ConfigureAwait(false);
    }

    private Task DriveOpenLoopAsync(BenchRun run, List<BenchConnection> connections, double rate, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var schedule = new OpenLoopSchedule(rate, settings.Ramp);
        long Due(long index) => start + (long)(schedule.SecondsOf(index) * Stopwatch.Frequency);

        // Requests of the ramp and the warm-up are sent but not measured.
        run.StartMeasuring(Due(schedule.RampRequests + settings.Warmup));
        var deadline = settings.Duration is { } duration ? run.MeasureStart + (long)(duration.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;

        // A dedicated thread wakes about every millisecond and sends every request that has become due; each is stamped
        // with its due time, so a stall (here or in the server) counts as latency instead of silently lowering the rate.
        // Not a PeriodicTimer: its 1 ms period ticks every ~4 ms on this machine (measured), which made requests leave
        // up to 4 ms late; Thread.Sleep(1) wakes after ~1.1 ms and sleeping leaves the cores to the node.
        var firstMeasured = schedule.RampRequests + settings.Warmup;
        return Task.Factory.StartNew(
            () =>
            {
                long sent = 0;
                while (!run.Stopping && !cancellationToken.IsCancellationRequested)
                {
                    var due = schedule.DueBy((Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency);
                    while (sent < due)
                    {
                        if (sent == firstMeasured && firstMeasured > 0 && connections.Sum(c => c.InFlight) is var backlog && WarmupBacklog.Unsettled(backlog, rate))
                        {
                            progress.WriteLine(WarmupBacklog.Warning(backlog, rate));
                        }

                        var scheduled = Due(sent);
                        if (scheduled >= deadline)
                        {
                            run.Stop();
                            break;
                        }

                        if (!connections[(int)(sent % connections.Count)].SendNext(scheduled) && run.Stopping)
                        {
                            break;
                        }

                        sent++;
                    }

                    Thread.Sleep(1);
                }
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private async Task WaitForEndAsync(BenchRun run, CancellationToken cancellationToken)
    {
        if (settings.Duration is { } duration)
        {
            await Task.Delay(duration, cancellationToken).ConfigureAwait(false);
            run.Stop();
            return;
        }

        // Order budget: the run stops itself when the budget is spent (BenchRun.TryReserveSend).
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!run.Stopping && await poll.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
        }
    }

    private async Task DrainAsync(List<BenchConnection> connections, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(DrainTimeout.TotalSeconds * Stopwatch.Frequency);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (connections.Sum(c => c.InFlight) > 0 && Stopwatch.GetTimestamp() < until)
        {
            await poll.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }

        var left = connections.Sum(c => c.InFlight);
        if (left > 0)
        {
            await progress.WriteLineAsync($"warning: {left} request(s) still unanswered after {DrainTimeout.TotalSeconds:0} s of draining").ConfigureAwait(false);
        }
    }

    private async Task ReportProgressAsync(BenchRun run, List<BenchConnection> connections, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var started = Stopwatch.GetTimestamp();
        var lastAnswered = 0L;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var answered = run.Answered;
                var phase = run.MeasureStart == long.MaxValue || Stopwatch.GetTimestamp() < run.MeasureStart ? "warmup" : run.Stopping ? "drain" : "measure";
                await progress.WriteLineAsync(
                    $"[{Stopwatch.GetElapsedTime(started).TotalSeconds,4:0}s {phase}] sent {run.Sent} answered {answered} ({answered - lastAnswered}/s) "
                    + $"in flight {connections.Sum(c => c.InFlight)} rejected {run.Rejected} failed {run.Failures().Values.Sum()} reconnects {connections.Sum(c => c.Reconnects)}").ConfigureAwait(false);
                lastAnswered = answered;
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private BenchResult Summarise(BenchRun run, List<BenchConnection> connections, string transport, string endpoints, List<BenchInstrument> instruments)
    {
        var latency = new LongHistogram(TimeSpan.FromMinutes(10).Ticks / 10, 3);
        foreach (var connection in connections)
        {
            connection.AddLatenciesTo(latency);
        }

        var end = run.LastAnswer > 0 ? run.LastAnswer : Stopwatch.GetTimestamp();
        var seconds = Math.Max((end - run.MeasureStart) / (double)Stopwatch.Frequency, 1e-6);
        var count = latency.TotalCount;
        return new BenchResult
        {
            Transport = transport,
            Endpoint = endpoints,
            Mode = settings.Mode,
            Connections = settings.Connections,
            Symbols = [.. instruments.Select(i => i.Symbol)],
            Orders = run.MeasuredAnswered,
            Sent = run.MeasuredSent,
            Seconds = seconds,
            OrdersPerSecond = run.MeasuredAnswered / seconds,
            SentPerSecond = run.MeasuredSent / seconds,
            P50Us = count == 0 ? 0 : latency.GetValueAtPercentile(50),
            P90Us = count == 0 ? 0 : latency.GetValueAtPercentile(90),
            P99Us = count == 0 ? 0 : latency.GetValueAtPercentile(99),
            P999Us = count == 0 ? 0 : latency.GetValueAtPercentile(99.9),
            MaxUs = count == 0 ? 0 : latency.GetMaxValue(),
            Refused = run.MeasuredRefused,
            Rejected = run.Rejected,
            RejectsByReason = run.RejectsByReason(),
            Failures = run.Failures(),
            Reconnects = connections.Sum(c => c.Reconnects),
        };
    }
}
