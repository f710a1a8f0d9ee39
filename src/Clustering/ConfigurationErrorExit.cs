using LoomExchange.Messages.Configuration;

namespace LoomExchange.Clustering;

/// <summary>
/// Runs a process's start and life; a configuration mistake found on the way is the operator's, not a crash: one line
/// on standard error naming the key, and <see cref="ExitCode"/>, instead of an unhandled exception and its stack trace.
/// </summary>
public static class ConfigurationErrorExit
{
    /// <summary>The exit code of a process that refused its configuration.</summary>
    public const int ExitCode = 2;

    /// <summary>Runs <paramref name="run"/> and returns its exit code, or <see cref="ExitCode"/> after reporting a configuration error.</summary>
    /// <param name="program">The name the error line starts with, e.g. <c>loom-node</c>.</param>
    /// <param name="run">The whole program; returns its exit code.</param>
    public static async Task<int> RunAsync(string program, Func<Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception error) when (InvalidConfigurationException.FindIn(error) is { } invalid)
        {
            await Console.Error.WriteLineAsync($"{program}: configuration error: {invalid.Message}").ConfigureAwait(false);
            return ExitCode;
        }
    }
}
