using LoomExchange.Client;

namespace LoomExchange.Cli;

/// <summary>Maps the failures a command expects to an exit code and one clear line on stderr.</summary>
internal static class CliErrors
{
    public static bool IsExpected(Exception error) => error is UsageException or ArgumentException or LoomConnectionException
        or LoomLogonRejectedException or LoomProtocolException or LoomRequestTimeoutException or HttpRequestException;

    public static int ExitCodeOf(Exception error) => error switch
    {
        UsageException or ArgumentException => ExitCodes.Usage,
        _ => ExitCodes.ConnectionFailure,
    };

    public static async Task<int> ReportAsync(Exception error, TextWriter stderr)
    {
        var code = ExitCodeOf(error);
        var prefix = code == ExitCodes.Usage ? "usage error" : "error";
        await stderr.WriteLineAsync($"{prefix}: {error.Message}").ConfigureAwait(false);
        return code;
    }
}
