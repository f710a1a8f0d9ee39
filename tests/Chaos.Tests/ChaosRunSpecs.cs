using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace LoomExchange.Chaos.Tests;

/// <summary>
/// The exchange keeps its promises while nodes are SIGKILLed under load: scripts/chaos.sh (the same driver as the
/// figures in docs/benchmarks.md) with three kills.
/// </summary>
public sealed class ChaosRunSpecs : IDisposable
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(10);
    private readonly string _json = Path.Combine(Path.GetTempPath(), $"loom-chaos-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_json);

    [ChaosFact]
    public async Task Should_lose_and_duplicate_nothing_and_replay_every_book_to_its_live_state_across_three_node_kills()
    {
        var (exit, output, summary) = await RunChaosAsync("--kills", "3", "--interval", "15", "--json", _json);

        Assert.True(File.Exists(_json), output);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(_json));
        var root = result.RootElement;
        Assert.True(root.GetProperty("kills").GetInt32() == 3, output);
        Assert.True(root.GetProperty("acked").GetInt64() > 0, output);
        Assert.True(root.GetProperty("lost").GetInt64() == 0, output);
        Assert.True(root.GetProperty("duplicated").GetInt64() == 0, output);
        Assert.True(root.GetProperty("hashes_match").GetBoolean(), output);
        Assert.True(exit == 0, output);
        Assert.Matches(@"^chaos kills=3 failover_p50_s=\S+ failover_max_s=\S+ acked=\d+ lost=0 duplicated=0$", summary);
    }

    /// <summary>Runs the script; returns its exit code, stdout and stderr for failure messages, and the last stdout line.</summary>
    private static async Task<(int Exit, string Output, string Summary)> RunChaosAsync(params string[] arguments)
    {
        var repo = FindRepo();
        var configuration = typeof(ChaosRunSpecs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        var info = new ProcessStartInfo("bash") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(repo, "scripts", "chaos.sh"), "--no-build", "--configuration", configuration, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start scripts/chaos.sh");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(RunDeadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/chaos.sh did not finish within {RunDeadline.TotalMinutes} minutes");
        }

        var stdout = await output;
        return (process.ExitCode, $"{stdout}{Environment.NewLine}stderr:{Environment.NewLine}{await error}", stdout.TrimEnd().Split('\n')[^1]);
    }

    private static string FindRepo()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LoomExchange.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("LoomExchange.sln not found above the test assembly");
    }
}
