namespace LoomExchange.Benchmarks;

/// <summary>
/// Entry point. Verbs: <c>engine</c> (throughput and latency over a generated command stream) and
/// <c>micro</c> (BenchmarkDotNet suites).
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
            case "help" or "--help" or "-h":
                PrintUsage(Console.Out);
                return 0;
            default:
                return Usage($"unknown verb '{args[0]}'");
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
    }
}
