using System.CommandLine;

namespace LoomExchange.Cli.Tests;

/// <summary>Runs loomctl in process with captured output.</summary>
internal static class Loomctl
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LoomctlCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    public static ParseResult Parse(params string[] args) => LoomctlCommand.Create().Parse(args);

    public static int RefusedPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
