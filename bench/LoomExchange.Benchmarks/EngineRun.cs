using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using LoomExchange.Engine;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Benchmarks;

/// <summary>
/// The <c>engine</c> verb: generates a command stream, warms the JIT on a prefix of it, then replays it on
/// fresh, identically pre-filled books twice: once for throughput (one stopwatch around the loop) and once
/// for per-command latency (timestamps around every <see cref="OrderBook.Process"/> call).
/// </summary>
internal static class EngineRun
{
    private const int EventBufferCapacity = 1024;

    public static int Run(EngineOptions options, string[] commandLine)
    {
        var output = Console.Out;
        output.WriteLine($"command: dotnet run -c Release --project bench/LoomExchange.Benchmarks -- {string.Join(' ', commandLine)}");
        var bookOptions = options.Presize ? BenchInstrument.PresizedOptions(options.BookOrders) : BenchInstrument.DefaultOptions;
        output.WriteLine($"settings: commands={options.Commands} seed={options.Seed} warmup={options.Warmup} book_orders={options.BookOrders} " +
            $"book_pools={(options.Presize ? "presized" : "engine defaults")} (initial orders {bookOptions.InitialOrderCapacity}, levels {bookOptions.InitialLevelCapacity})");
        MachineInfo.Print(output);

        var generation = Stopwatch.StartNew();
        var stream = CommandStreamGenerator.Generate(new GeneratorSettings
        {
            Seed = options.Seed,
            Commands = options.Commands,
            BookOrders = options.BookOrders,
        });
        generation.Stop();
        PrintStream(output, stream, generation.Elapsed);

        var warmup = Stopwatch.StartNew();
        Warmup(stream, options.Warmup, bookOptions);
        warmup.Stop();
        output.WriteLine($"warm-up: {options.Warmup} commands on a separate pre-filled book in {warmup.Elapsed.TotalSeconds:F2} s");

        var throughput = MeasureThroughput(stream, bookOptions);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput pass: {stream.Commands.Length} commands in {throughput.Seconds:F3} s = {throughput.CommandsPerSecond:F0} commands/s, {throughput.Events} events, allocated {throughput.AllocatedBytes} bytes, gen0/1/2 collections {throughput.Collections}, state hash {(throughput.StateHashMatches ? "matches" : "DIFFERS FROM")} the generator's"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput pass CPU: process CPU time {throughput.CpuSeconds:F3} s = {100 * throughput.CpuSeconds / throughput.Seconds:F0}% of wall time; {stream.Commands.Length / throughput.CpuSeconds:F0} commands per CPU second (less sensitive to other processes on a shared machine)"));

        var latency = MeasureLatency(stream, bookOptions);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency pass (separate replay, Stopwatch.GetTimestamp around each Process call, timer overhead included, not subtracted): " +
            $"p50={latency.P50} p90={latency.P90} p99={latency.P99} p99.9={latency.P999} p99.99={latency.P9999} max={latency.Max} mean={latency.Mean:F1} ns; " +
            $"timer pair overhead p50={latency.TimerOverheadP50} ns; allocated {latency.AllocatedBytes} bytes"));

        output.WriteLine($"load average after measuring: {MachineInfo.LoadAverage()}");
        var allocPerCommand = (double)throughput.AllocatedBytes / stream.Commands.Length;
        if (!throughput.StateHashMatches)
        {
            output.WriteLine("ERROR: the measured book diverged from the generator's simulation");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine commands={stream.Commands.Length} commands_per_s={(long)throughput.CommandsPerSecond} p50_ns={latency.P50} p99_ns={latency.P99} p999_ns={latency.P999} p9999_ns={latency.P9999} alloc_bytes_per_command={allocPerCommand:0.####}"));
        return throughput.StateHashMatches ? 0 : 1;
    }

    private static void PrintStream(TextWriter output, CommandStream stream, TimeSpan elapsed)
    {
        var s = stream.Stats;
        var n = (double)stream.Commands.Length;
        string Share(StreamCommandKind kind) => string.Create(CultureInfo.InvariantCulture, $"{s.Count(kind)} ({100 * s.Count(kind) / n:F1}%)");
        var places = s.Count(StreamCommandKind.PassiveLimit) + s.Count(StreamCommandKind.AggressiveLimit);
        var amends = s.Count(StreamCommandKind.AmendQuantityDown) + s.Count(StreamCommandKind.AmendPrice);
        var immediate = s.Count(StreamCommandKind.IocLimit) + s.Count(StreamCommandKind.Market);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stream: generated and simulated in {elapsed.TotalSeconds:F2} s; pre-fill {stream.Prefill.Length} passive GTC orders, then {stream.Commands.Length} measured commands:"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  limit places {places} ({100 * places / n:F1}%): passive {Share(StreamCommandKind.PassiveLimit)}, crossing GTC {Share(StreamCommandKind.AggressiveLimit)}"));
        output.WriteLine($"  cancels {Share(StreamCommandKind.Cancel)}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  amends {amends} ({100 * amends / n:F1}%): quantity down {Share(StreamCommandKind.AmendQuantityDown)}, price change {Share(StreamCommandKind.AmendPrice)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  immediate {immediate} ({100 * immediate / n:F1}%): IOC limit {Share(StreamCommandKind.IocLimit)}, market {Share(StreamCommandKind.Market)}"));
        output.WriteLine($"  outcome: {s.Events} events, {s.Trades} trades, {s.Cancelled} cancelled events (requested + IOC/market remainders), {s.Rejects} rejects");
        output.WriteLine($"  resting orders: {s.RestingAtStart} at start, {s.RestingAtEnd} at end (min {s.RestingMin}, max {s.RestingMax}); at end {s.BidLevelsAtEnd} bid / {s.AskLevelsAtEnd} ask levels, best {s.BestBidAtEnd} / {s.BestAskAtEnd}, fair {s.FairPriceAtEnd}");
    }

    private static void Warmup(CommandStream stream, int count, OrderBookOptions bookOptions)
    {
        var buffer = new OrderEventBuffer(EventBufferCapacity);
        var book = stream.NewPrefilledBook(buffer, bookOptions);
        var commands = stream.Commands.AsSpan(0, count);
        foreach (ref readonly var command in commands)
        {
            buffer.Clear();
            book.Process(command, buffer);
        }
    }

    private static ThroughputResult MeasureThroughput(CommandStream stream, OrderBookOptions bookOptions)
    {
        var buffer = new OrderEventBuffer(EventBufferCapacity);
        var book = stream.NewPrefilledBook(buffer, bookOptions);
        var commands = stream.Commands;
        Settle();
        var collections = CollectionCounts();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long events = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < commands.Length; i++)
        {
            buffer.Clear();
            book.Process(commands[i], buffer);
            events += buffer.Count;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        var after = CollectionCounts();
        var seconds = elapsed.TotalSeconds;
        return new ThroughputResult(
            seconds,
            commands.Length / seconds,
            cpuSeconds,
            events,
            allocated,
            $"{after.Gen0 - collections.Gen0}/{after.Gen1 - collections.Gen1}/{after.Gen2 - collections.Gen2}",
            book.ComputeStateHash() == stream.FinalStateHash);
    }

    private static LatencyResult MeasureLatency(CommandStream stream, OrderBookOptions bookOptions)
    {
        // Recorded in Stopwatch ticks (1 tick = 1 ns where Stopwatch.Frequency is 1 GHz, as on Linux) and
        // converted to ns when read; the histogram is allocated up front and recording allocates nothing.
        var maxTicks = Stopwatch.Frequency; // one second
        var histogram = new LongHistogram(maxTicks, 3);
        var overhead = new LongHistogram(maxTicks, 3);
        var buffer = new OrderEventBuffer(EventBufferCapacity);
        var book = stream.NewPrefilledBook(buffer, bookOptions);
        var commands = stream.Commands;
        for (var i = 0; i < 100_000; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var t1 = Stopwatch.GetTimestamp();
            overhead.RecordValue(Math.Min(t1 - t0, maxTicks));
        }

        Settle();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < commands.Length; i++)
        {
            buffer.Clear();
            var start = Stopwatch.GetTimestamp();
            book.Process(commands[i], buffer);
            var end = Stopwatch.GetTimestamp();
            histogram.RecordValue(Math.Min(end - start, maxTicks));
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var nsPerTick = 1_000_000_000.0 / Stopwatch.Frequency;
        long Ns(long ticks) => (long)Math.Round(ticks * nsPerTick);
        long At(double percentile) => Ns(histogram.GetValueAtPercentile(percentile));
        return new LatencyResult(
            At(50), At(90), At(99), At(99.9), At(99.99), Ns(histogram.GetMaxValue()), histogram.GetMean() * nsPerTick,
            Ns(overhead.GetValueAtPercentile(50)), allocated);
    }

    /// <summary>Collects garbage left by setup so that no collection of it lands inside a measured loop.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static (int Gen0, int Gen1, int Gen2) CollectionCounts() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    private sealed record ThroughputResult(double Seconds, double CommandsPerSecond, double CpuSeconds, long Events, long AllocatedBytes, string Collections, bool StateHashMatches);

    private sealed record LatencyResult(long P50, long P90, long P99, long P999, long P9999, long Max, double Mean, long TimerOverheadP50, long AllocatedBytes);
}
