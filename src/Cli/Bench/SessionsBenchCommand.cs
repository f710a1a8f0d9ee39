using System.CommandLine;
using LoomExchange.Cli.Orders;

namespace LoomExchange.Cli.Bench;

/// <summary><c>loomctl bench-sessions</c>: log on many idle sessions with heartbeats, hold them, report how many stayed up.</summary>
internal static class SessionsBenchCommand
{
    public static Option<int> Sessions { get; } = new("--sessions") { Description = "Sessions to log on", DefaultValueFactory = _ => 1000 };

    public static Option<string> Duration { get; } = new("--duration") { Description = "How long to hold them, e.g. 30s", DefaultValueFactory = _ => "30s" };

    public static Option<string> Heartbeat { get; } = new("--heartbeat") { Description = "Heartbeat interval asked for at logon", DefaultValueFactory = _ => "5s" };

    public static Option<int> ConnectConcurrency { get; } = new("--connect-concurrency") { Description = "Logons in progress at once", DefaultValueFactory = _ => 200 };

    public static Option<string?> JsonFile { get; } = new("--json") { Description = "Also write the figures to this JSON file", HelpName = "FILE" };

    public static Command Create()
    {
        var command = new Command("bench-sessions", "Idle-sessions benchmark: how many heartbeating sessions one gateway holds")
        {
            Sessions, Duration, Heartbeat, ConnectConcurrency, JsonFile,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        try
        {
            var sessions = result.GetValue(Sessions);
            var concurrency = result.GetValue(ConnectConcurrency);
            if (sessions < 1 || concurrency < 1)
            {
                throw new UsageException("--sessions and --connect-concurrency must be positive");
            }

            var settings = new SessionsBenchSettings(
                GlobalOptions.Endpoints(result)[0],
                sessions,
                TimeText.Duration(result.GetRequiredValue(Duration), "--duration"),
                TimeText.Duration(result.GetRequiredValue(Heartbeat), "--heartbeat"),
                concurrency,
                GlobalOptions.ApiKeyGiven(result) ? (result.GetRequiredValue(GlobalOptions.ApiKey), result.GetRequiredValue(GlobalOptions.Secret)) : null);
            await output.WriteLineAsync(BenchCommand.Preamble(result)).ConfigureAwait(false);
            var figures = await new SessionsBenchRunner(settings, output, error).RunAsync(cancellationToken).ConfigureAwait(false);
            foreach (var line in figures.HumanLines())
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (result.GetValue(JsonFile) is { } file)
            {
                await File.WriteAllTextAsync(file, figures.ToJson(), cancellationToken).ConfigureAwait(false);
            }

            await output.WriteLineAsync(figures.SummaryLine()).ConfigureAwait(false);
            return figures.LoggedOn == 0 ? ExitCodes.ConnectionFailure : ExitCodes.Ok;
        }
        catch (Exception failure) when (CliErrors.IsExpected(failure))
        {
            return await CliErrors.ReportAsync(failure, error).ConfigureAwait(false);
        }
    }
}

/// <summary>One idle-sessions run; <see cref="Credentials"/> null rotates demo-1..demo-4.</summary>
internal sealed record SessionsBenchSettings(string Endpoint, int Sessions, TimeSpan Duration, TimeSpan Heartbeat, int ConnectConcurrency, (string Key, string Secret)? Credentials);
