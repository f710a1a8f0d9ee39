using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using HdrHistogram;
using LoomExchange.Actors.Protocol;

namespace LoomExchange.Benchmarks.Books;

/// <summary>
/// <c>books</c>: durable orders through the shard region on a fresh temp journal, closed loop (K in flight)
/// or open loop (R per second), 8 symbols, the engine benchmark's mix. Last line:
/// <c>books store=… orders=… orders_per_s=… p50_us=… p99_us=… p999_us=… events_per_write=…</c>.
/// </summary>
internal static class BooksRun
{
    public static async Task<int> RunAsync(BooksOptions options)
    {
        var dataDir = Directory.CreateTempSubdirectory("loom-books-").FullName;
        try
        {
            await using var exchange = await BenchExchange.StartAsync(BenchExchange.Options(options, dataDir, snapshotEveryEvents: 100_000)).ConfigureAwait(false);
            var symbols = BenchExchange.SymbolNames(options.Symbols);
            await WarmBooksAsync(exchange, symbols).ConfigureAwait(false);
            var flow = new OrderFlow(options.Symbols, options.Seed);
            Console.WriteLine($"journal: {exchange.Journal.Describe()}");
            Console.WriteLine($"warm-up: {options.Warmup:N0} orders");
            await DriveAsync(exchange, symbols, flow, options.Warmup, firstCorrelation: 1, options).ConfigureAwait(false);

            var rowsBefore = await exchange.CountBookRowsAsync().ConfigureAwait(false);
            var gcBefore = GcCounts.Take();
            using var trace = options.GcTrace ? new GcEventTrace() : null;
            trace?.Start();
            var started = Stopwatch.GetTimestamp();
            var result = await DriveAsync(exchange, symbols, flow, options.Orders, firstCorrelation: 1 + options.Warmup, options).ConfigureAwait(false);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var gc = GcCounts.Take() - gcBefore;
            trace?.Stop();
            if (trace is not null)
            {
                trace.Print(Console.Out);
                result.Slow.Print(Console.Out);
            }
            var rows = await exchange.CountBookRowsAsync().ConfigureAwait(false) - rowsBefore;

            var latency = result.LatencyMicros;
            var ordersPerSecond = result.Replies / seconds;
            var eventsPerWrite = rows == 0 ? 0 : (double)result.Events / rows;
            Console.WriteLine($"acknowledged {result.Replies:N0} orders in {seconds:F2} s; {result.Events:N0} events in {rows:N0} journal rows");
            Console.WriteLine($"latency us: {Percentiles(latency)}");
            Console.WriteLine($"gc during the run: {gc}");
            Console.WriteLine("rejects: " + (result.Rejects.Count == 0 ? "none" : string.Join(", ", result.Rejects.Select(r => $"{r.Key}={r.Value}"))));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"books store={options.Store} orders={result.Replies} orders_per_s={ordersPerSecond:F0} p50_us={latency.GetValueAtPercentile(50)} p99_us={latency.GetValueAtPercentile(99)} p999_us={latency.GetValueAtPercentile(99.9)} events_per_write={eventsPerWrite:F1}"));
            return 0;
        }
        finally
        {
            TryDelete(dataDir);
        }
    }

    /// <summary>Starts every book (recovery included) before the clock runs.</summary>
    public static async Task WarmBooksAsync(BenchExchange exchange, IReadOnlyList<string> symbols)
    {
        foreach (var symbol in symbols)
        {
            await exchange.Region.Ask<BookStatus>(new GetBookStatus(symbol), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        }
    }

    public static async Task<LoadResult> DriveAsync(BenchExchange exchange, IReadOnlyList<string> symbols, OrderFlow flow, int orders, long firstCorrelation, BooksOptions options)
    {
        var done = new TaskCompletionSource<LoadResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sentAt = new long[orders];
        var inFlight = options.Rate > 0 ? 0 : options.InFlight;
        var driver = exchange.System.ActorOf(Props.Create(() => new LoadDriver(exchange.Region, symbols, flow, sentAt, firstCorrelation, inFlight, done)));
        Thread? pacer = null;
        var lateness = new LongHistogram(TimeStamp.Seconds(60), 3);
        if (options.Rate > 0)
        {
            pacer = new Thread(() => Pace(exchange.Region, driver, symbols, flow, sentAt, firstCorrelation, options.Rate, lateness)) { IsBackground = true, Name = "open-loop pacer" };
            pacer.Start();
        }

        using var progress = new Timer(_ => Console.Error.Write('.'), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var result = await done.Task.WaitAsync(TimeSpan.FromMinutes(30)).ConfigureAwait(false);
        Console.Error.WriteLine();
        if (pacer is not null)
        {
            // Every send precedes its reply, so the pacer has finished; the join makes its histogram safe to read.
            pacer.Join();
            Console.WriteLine($"pacer lateness us (due -> sent, part of the latency above): {Percentiles(lateness)}");
        }
        exchange.System.Stop(driver);
        return result;
    }

    private static string Percentiles(LongHistogram histogram) =>
        $"p50 {histogram.GetValueAtPercentile(50)} p90 {histogram.GetValueAtPercentile(90)} p99 {histogram.GetValueAtPercentile(99)} p99.9 {histogram.GetValueAtPercentile(99.9)} max {histogram.GetValueAtPercentile(100)}";

    /// <summary>Open loop: sends command i at start + i/R whatever the replies do, so slow replies cannot slow the offered load.</summary>
    private static void Pace(IActorRef region, IActorRef driver, IReadOnlyList<string> symbols, OrderFlow flow, long[] sentAt, long firstCorrelation, int rate, LongHistogram lateness)
    {
        var start = Stopwatch.GetTimestamp();
        var ticksPerOrder = (double)Stopwatch.Frequency / rate;
        for (var i = 0; i < sentAt.Length; i++)
        {
            var due = start + (long)(i * ticksPerOrder);
            // Sleep rather than spin: a spinning pacer takes one of the two cores, and the journal's commit thread then
            // waits for a scheduler slice (tens of ms at the tail). Latency is measured from the due time, so the
            // sleep's lateness (tens of µs with PreciseSleep) is counted, not hidden.
            PreciseSleep.Until(due);

            var correlation = firstCorrelation + i;
            var command = LoadDriver.Command(flow, symbols, correlation, out var symbol);
            sentAt[i] = due;
            region.Tell(new BookCommand(symbol, command, correlation), driver);
            lateness.RecordValue(Math.Max(0, Stopwatch.GetTimestamp() - due) * 1_000_000 / Stopwatch.Frequency);
        }
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            Console.Error.WriteLine($"could not delete {directory}");
        }
    }
}
