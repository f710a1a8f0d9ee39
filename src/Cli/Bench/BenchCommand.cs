using System.CommandLine;
using System.Runtime.InteropServices;
using LoomExchange.Cli.Orders;

namespace LoomExchange.Cli.Bench;

/// <summary>
/// <c>loomctl bench</c>: load through the gateway. The last stdout line is the summary
/// (<see cref="BenchResult.SummaryLine"/>); <c>--json FILE</c> writes the same figures.
/// </summary>
internal static class BenchCommand
{
    public static Option<int> Connections { get; } = new("--connections") { Description = "Sessions to open (connection i uses demo-((i%4)+1) unless --api-key is given)", DefaultValueFactory = _ => 1 };

    public static Option<int?> Inflight { get; } = new("--inflight") { Description = "Closed loop: requests in flight per connection (default 64 unless --rate)" };

    public static Option<double?> Rate { get; } = new("--rate") { Description = "Open loop: requests per second over all connections" };

    public static Option<string?> Ramp { get; } = new("--ramp")
    {
        Description = "Open loop: raise the rate linearly from 0 to --rate over this time first (e.g. 10s); requests sent during the ramp are not measured",
    };

    public static Option<string?> Duration { get; } = new("--duration") { Description = "Measured time, e.g. 20s or 2m (default 20s unless --orders)" };

    public static Option<long?> Orders { get; } = new("--orders") { Description = "Measured requests to send instead of a duration" };

    public static Option<string?> Symbols { get; } = new("--symbols") { Description = "Comma-separated symbols (default: every listed instrument)" };

    public static Option<string?> JsonFile { get; } = new("--json") { Description = "Also write the figures to this JSON file", HelpName = "FILE" };

    public static Option<string?> AnswersFile { get; } = new("--answers")
    {
        Description = "Write one CSV line per request: account, client order id, symbol, send and answer time (Unix us), outcome, order id",
        HelpName = "FILE",
    };

    public static Option<int> Warmup { get; } = new("--warmup") { Description = "Requests answered before measuring starts", DefaultValueFactory = _ => 2000 };

    public static Command Create()
    {
        var command = new Command("bench", "Load-test the gateway: orders/s and latency from send to durable acknowledgement")
        {
            Connections, Inflight, Rate, Ramp, Duration, Orders, Symbols, JsonFile, AnswersFile, Warmup,
        };
        command.SetAction(RunAsync);
        return command;
    }

    /// <summary>Checks and resolves the options (exactly one load shape, at most one stop condition).</summary>
    public static BenchSettings ToSettings(ParseResult result)
    {
        var inflight = result.GetValue(Inflight);
        var rate = result.GetValue(Rate);
        if (inflight is not null && rate is not null)
        {
            throw new UsageException("give either --inflight (closed loop) or --rate (open loop), not both");
        }

        var ramp = result.GetValue(Ramp);
        if (ramp is not null && rate is null)
        {
            throw new UsageException("--ramp shapes an open loop: give it with --rate");
        }

        var duration = result.GetValue(Duration);
        var orders = result.GetValue(Orders);
        if (duration is not null && orders is not null)
        {
            throw new UsageException("give either --duration or --orders, not both");
        }

        var connections = result.GetValue(Connections);
        if (connections < 1 || inflight < 1 || rate <= 0 || orders < 1 || result.GetValue(Warmup) < 0)
        {
            throw new UsageException("--connections, --inflight, --rate and --orders must be positive, --warmup not negative");
        }

        var apiKeyGiven = GlobalOptions.ApiKeyGiven(result);
        return new BenchSettings
        {
            Endpoints = GlobalOptions.Endpoints(result),
            Http = result.GetRequiredValue(GlobalOptions.Http),
            Connections = connections,
            Inflight = rate is null ? inflight ?? 64 : null,
            Rate = rate,
            Ramp = ramp is null ? TimeSpan.Zero : TimeText.Duration(ramp, "--ramp"),
            Duration = orders is null ? TimeText.Duration(duration ?? "20s", "--duration") : null,
            Orders = orders,
            Symbols = result.GetValue(Symbols)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            JsonFile = result.GetValue(JsonFile),
            AnswersFile = result.GetValue(AnswersFile),
            Warmup = result.GetValue(Warmup),
            ApiKey = apiKeyGiven ? result.GetRequiredValue(GlobalOptions.ApiKey) : null,
            Secret = apiKeyGiven ? result.GetRequiredValue(GlobalOptions.Secret) : null,
        };
    }

    /// <summary>The command and the machine, printed first as every benchmark here does.</summary>
    public static string Preamble(ParseResult result) =>
        $"command: loomctl {string.Join(' ', result.Tokens.Select(t => t.Value))}\n"
        + $"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        try
        {
            var settings = ToSettings(result);
            await output.WriteLineAsync(Preamble(result)).ConfigureAwait(false);
            var figures = await new BenchRunner(settings, output, error).RunAsync(cancellationToken).ConfigureAwait(false);
            foreach (var line in figures.HumanLines())
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (settings.JsonFile is { } file)
            {
                await File.WriteAllTextAsync(file, figures.ToJson(), cancellationToken).ConfigureAwait(false);
            }

            await output.WriteLineAsync(figures.SummaryLine()).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (Exception failure) when (CliErrors.IsExpected(failure))
        {
            return await CliErrors.ReportAsync(failure, error).ConfigureAwait(false);
        }
    }
}
