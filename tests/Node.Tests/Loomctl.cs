using System.Diagnostics;
using System.Reflection;

namespace LoomExchange.Node.Tests;

/// <summary>The real <c>loomctl</c> as a child process (<c>dotnet loomctl.dll …</c>): its exit code and everything it printed.</summary>
public static class Loomctl
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit {ExitCode}{Environment.NewLine}{StandardOutput}{Environment.NewLine}{StandardError}";
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
        var subdirectory = typeof(Loomctl).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NodeOutputSubdirectory").Value!;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LoomExchange.sln")))
            {
                var path = Path.Combine(directory.FullName, "src", "Cli", "bin", subdirectory, "loomctl.dll");
                return File.Exists(path) ? path : throw new FileNotFoundException($"{path} not found; build src/Cli first");
            }
        }

        throw new FileNotFoundException("LoomExchange.sln not found above " + AppContext.BaseDirectory);
    }
}
