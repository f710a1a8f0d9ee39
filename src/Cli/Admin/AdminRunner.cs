using System.CommandLine;
using System.Text.Json;

namespace LoomExchange.Cli.Admin;

/// <summary>Runs one admin command: builds the client from the global options, prints JSON or a table, maps failures to exit codes.</summary>
internal static class AdminRunner
{
    /// <summary>Calls <paramref name="call"/> and prints its answer: raw JSON with --json, else <paramref name="human"/>'s text.</summary>
    public static Task<int> RunAsync(
        ParseResult result,
        Option<bool> json,
        Func<AdminClient, CancellationToken, Task<string>> call,
        Func<JsonElement, string> human,
        CancellationToken cancellationToken) =>
        RunWithClientAsync(result, async (client, output) =>
        {
            var answer = await call(client, cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await output.WriteLineAsync(answer).ConfigureAwait(false);
            }
            else
            {
                using var document = JsonDocument.Parse(answer);
                await output.WriteLineAsync(human(document.RootElement)).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });

    /// <summary>For commands that print more than one answer (tail) or decide their own exit code.</summary>
    public static async Task<int> RunWithClientAsync(ParseResult result, Func<AdminClient, TextWriter, Task<int>> body)
    {
        var error = result.InvocationConfiguration.Error;
        try
        {
            using var client = new AdminClient(AdminGlobals.BaseUri(result.GetRequiredValue(AdminGlobals.Node)), result.GetValue(AdminGlobals.Token));
            return await body(client, result.InvocationConfiguration.Output).ConfigureAwait(false);
        }
        catch (AdminFailure failure)
        {
            await error.WriteLineAsync($"error: {failure.Message}").ConfigureAwait(false);
            return failure.ExitCode;
        }
        catch (UsageException failure)
        {
            await error.WriteLineAsync($"usage error: {failure.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (JsonException failure)
        {
            await error.WriteLineAsync($"error: the admin API answered something that is not the expected JSON ({failure.Message})").ConfigureAwait(false);
            return ExitCodes.ConnectionFailure;
        }
    }
}
