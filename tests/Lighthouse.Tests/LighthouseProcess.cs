using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LoomExchange.Lighthouse.Tests;

/// <summary>A real Lighthouse as a child process (<c>dotnet LoomExchange.Lighthouse.dll</c>) configured by environment, like in a container.</summary>
public sealed class LighthouseProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private LighthouseProcess(Process process) => _process = process;

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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The Lighthouse's HTTP address (health and, with a token, the admin API).</summary>
    public Uri HttpAddress { get; private init; } = null!;

    public static LighthouseProcess Start(string systemName, int port, IReadOnlyList<string> seeds, string? adminToken = null)
    {
        var httpPort = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "LoomExchange.Lighthouse.dll");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add($"--urls=http://127.0.0.1:{httpPort}");
        if (adminToken is not null)
        {
            info.Environment["LOOM_ADMIN_TOKEN"] = adminToken;
        }

        info.Environment["ACTORSYSTEM"] = systemName;
        info.Environment["CLUSTER_IP"] = "127.0.0.1";
        info.Environment["CLUSTER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["CLUSTER_SEEDS"] = string.Join(',', seeds);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the Lighthouse");
        var lighthouse = new LighthouseProcess(process) { HttpAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        process.OutputDataReceived += (_, e) => lighthouse.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => lighthouse.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return lighthouse;
    }

    public async Task TerminateAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill!.WaitForExitAsync().ConfigureAwait(false);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    public int ExitCode => _process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }
}
