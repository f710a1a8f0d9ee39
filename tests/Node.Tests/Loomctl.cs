using System.Diagnostics;

namespace LoomExchange.Node.Tests;

/// <summary>The real <c>loomctl</c> as a child process (<c>dotnet loomctl.dll …</c>): its exit code and everything it printed.</summary>
public static class Loomctl
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit {ExitCode}{Environment.NewLine}{StandardOutput}{Environment.NewLine}{StandardError}";
    }

    /// <summary>Starts a long-running loomctl command (e.g. <c>cluster tail</c>) whose output is read line by line; disposing kills it.</summary>
    public static Streaming Start(params string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(LocateDll());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start loomctl");
        process.StandardInput.Close();
        return new Streaming(process);
    }

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        var dll = LocateDll();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start loomctl");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Deadline).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    /// <summary>loomctl.dll of the same configuration as this test assembly, in src/Cli/bin/&lt;Configuration&gt;/&lt;TargetFramework&gt;.</summary>
    private static string LocateDll()
    {
        var path = Path.Combine(RepositoryLayout.FindRoot(), "src", "Cli", "bin", RepositoryLayout.OutputSubdirectory, "loomctl.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} not found; build src/Cli first");
    }

    /// <summary>A running loomctl whose standard output is read as it comes.</summary>
    public sealed class Streaming(Process process) : IDisposable
    {
        /// <summary>Reads lines until one satisfies <paramref name="match"/>; fails if the output ends or the deadline passes first.</summary>
        public async Task<string> ReadUntilAsync(Func<string, bool> match, TimeSpan deadline)
        {
            using var timeout = new CancellationTokenSource(deadline);
            while (await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
            {
                if (match(line))
                {
                    return line;
                }
            }

            throw new InvalidOperationException("loomctl's output ended before the expected line");
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
