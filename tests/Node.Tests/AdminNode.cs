using System.Text.Json;

namespace LoomExchange.Node.Tests;

/// <summary>A node started with an admin token, and loomctl aimed at it (<c>--node</c>, <c>--token</c>).</summary>
public sealed class AdminNode : IAsyncDisposable
{
    public const string Token = "admin-token-for-specs";

    private AdminNode(NodeProcess node) => Node = node;

    public NodeProcess Node { get; }

    public string Address => Node.Client.BaseAddress!.Authority;

    public static async Task<AdminNode> StartAsync(params string[] extraArguments) =>
        new(await NodeProcess.StartAsync([$"--Loom:Admin:Token={Token}", .. extraArguments]));

    /// <summary>Runs loomctl against this node with the right token.</summary>
    public Task<Loomctl.Result> RunAsync(params string[] arguments) => Loomctl.RunAsync(["--node", Address, "--token", Token, .. arguments]);

    /// <summary>Runs loomctl with --json, expects exit code 0, and parses what it printed.</summary>
    public async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        var result = await RunAsync([.. arguments, "--json"]);
        Assert.True(result.ExitCode == 0, $"loomctl {string.Join(' ', arguments)}: {result}");
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }

    public ValueTask DisposeAsync() => Node.DisposeAsync();
}
