namespace LoomExchange.Benchmarks;

/// <summary>
/// Entry point. Verbs: <c>engine</c> (throughput and latency over a generated command stream),
/// <c>micro</c> (BenchmarkDotNet suites), <c>books</c> (durable orders through the shard region) and
/// <c>recovery</c> (book recovery from snapshot + tail and full replay) and <c>chaos</c> (process-level failover run:
/// scripts/chaos.sh).
/// </summary>
internal static class Program
{
    private const int UsageExitCode = 2;

    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            return Usage("no verb given");
        }

        var rest = args[1..];
        switch (args[0])
        {
            case "engine":
                var options = EngineOptions.TryParse(rest, out var error);
                return options is null ? Usage(error) : EngineRun.Run(options, args);
            case "micro":
                return MicroRun.Run(rest);
            case "books" or "recovery":
                return RunBooks(args[0], rest, args);
            case "chaos":
                return RunChaos(rest, args);
            case "help" or "--help" or "-h":
                PrintUsage(Console.Out);
                return 0;
            default:
                return Usage($"unknown verb '{args[0]}'");
        }
    }

    private static int RunBooks(string verb, string[] rest, string[] args)
    {
        Books.BooksOptions options;
        try
        {
            options = Books.BooksOptions.Parse(rest);
        }
        catch (ArgumentException e)
        {
            return Usage(e.Message);
        }
        catch (FormatException e)
        {
            return Usage(e.Message);
        }

        Console.WriteLine($"command: dotnet run -c Release --project bench/LoomExchange.Benchmarks -- {string.Join(' ', args)}");
        MachineInfo.Print(Console.Out);
        return verb == "books"
            ? Books.BooksRun.RunAsync(options).GetAwaiter().GetResult()
            : Books.RecoveryRun.RunAsync(options).GetAwaiter().GetResult();
    }

    private static int RunChaos(string[] rest, string[] args)
    {
        Chaos.ChaosOptions options;
        try
        {
            options = Chaos.ChaosOptions.Parse(rest);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return Usage(e.Message);
        }

        try
        {
            return Chaos.ChaosRun.RunAsync(options, args).GetAwaiter().GetResult();
        }
        catch (ArgumentException e)
        {
            return Usage(e.Message);
        }
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"error: {problem}");
        PrintUsage(Console.Error);
        return UsageExitCode;
    }

    private static void PrintUsage(TextWriter writer)
    {
        writer.WriteLine("usage: dotnet run -c Release --project bench/LoomExchange.Benchmarks -- <verb> [options]");
        writer.WriteLine();
        writer.WriteLine("  " + EngineOptions.Usage.Replace("\n", "\n  ", StringComparison.Ordinal));
        writer.WriteLine();
        writer.WriteLine("  " + MicroRun.Usage.Replace("\n", "\n  ", StringComparison.Ordinal));
        writer.WriteLine();
        writer.WriteLine("  books [--store sqlite|postgres] [--orders N] [--warmup W] [--inflight K | --rate R] [--symbols S] [--connection CS] [--gc-trace] [--snapshot-every-writes N] [--max-writes-in-flight N]");
        writer.WriteLine("      durable orders through the shard region; postgres: bench/run-postgres.sh books ...");
        writer.WriteLine("  recovery [--store sqlite|postgres] [--events N]");
        writer.WriteLine("      one book with N journaled events: snapshot + tail recovery time and full replay rate");
        writer.WriteLine("  " + Chaos.ChaosOptions.Usage.Replace("\n", "\n  ", StringComparison.Ordinal));
    }
}
