using System.Diagnostics;
using System.Globalization;

namespace LoomExchange.Node.Tests;

/// <summary>
/// A Lighthouse process (src/Lighthouse build output of this configuration) on a free loopback port, the seed that
/// exchange nodes join through. Killed on dispose.
/// </summary>
public sealed class LighthouseSeed : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _output = new();

    private LighthouseSeed(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The seed address nodes list: <c>akka.tcp://loom@127.0.0.1:port</c>.</summary>
    public string Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <param name="arguments">More command-line configuration, e.g. <c>--Loom:Cluster:SplitBrain:DownRefusedNodes=false</c>.</param>
    public static async Task<LighthouseSeed> StartAsync(params string[] arguments)
    {
        var port = NodeProcess.FreeLoopbackPort();
        var address = string.Create(CultureInfo.InvariantCulture, $"akka.tcp://loom@127.0.0.1:{port}");
        var dll = LocateLighthouseDll();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{NodeProcess.FreeLoopbackPort()}"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["CLUSTER_IP"] = "127.0.0.1";
        info.Environment["CLUSTER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        info.Environment["CLUSTER_SEEDS"] = address;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the Lighthouse");
        var seed = new LighthouseSeed(process, address);
        process.OutputDataReceived += (_, e) => seed.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => seed.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await seed._listening.Task.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await seed.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("the Lighthouse did not start listening: " + seed.Output);
        }

        return seed;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static string LocateLighthouseDll()
    {
        var path = Path.Combine(RepositoryLayout.FindRoot(), "src", "Lighthouse", "bin", RepositoryLayout.OutputSubdirectory, "LoomExchange.Lighthouse.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"build src/Lighthouse first: {path} is missing");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 200)
            {
                _output.Dequeue();
            }
        }

        if (line.Contains("Lighthouse akka.tcp://", StringComparison.Ordinal) && line.Contains("listening", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }
}
