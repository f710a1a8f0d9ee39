using System.CommandLine;

namespace LoomExchange.Cli.Admin;

/// <summary>Options of the administration palettes: which node's admin API, with which token, and JSON output for scripts.</summary>
internal static class AdminGlobals
{
    public const string TokenVariable = "LOOM_ADMIN_TOKEN";
    public const string DefaultNode = "127.0.0.1:5080";

    /// <summary>The node's (or Lighthouse's) HTTP address; recursive on the root, so it may come before or after the command.</summary>
    public static Option<string> Node { get; } = new("--node")
    {
        Description = $"Admin API of the node or Lighthouse: host:port or http://host:port (default {DefaultNode})",
        DefaultValueFactory = _ => DefaultNode,
        Recursive = true,
    };

    public static Option<string?> Token { get; } = new("--token")
    {
        Description = $"Admin bearer token (default: ${TokenVariable}); prefer the variable, arguments show in process lists",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(TokenVariable),
        Recursive = true,
    };

    /// <summary>
    /// Added to each admin palette (recursive), not to the root: <c>order</c> has a --json of its own, and two recursive
    /// options of one name on one path would clash. One instance, so <c>cluster sharding …</c> reads the same option.
    /// </summary>
    public static Option<bool> Json { get; } = new("--json") { Description = "Print the admin API's JSON answer instead of a table", Recursive = true };

    public static void AddTo(RootCommand root)
    {
        root.Add(Node);
        root.Add(Token);
    }

    /// <summary>The base URI of <c>--node</c>: a bare host:port gets http://.</summary>
    public static Uri BaseUri(string node)
    {
        var text = node.Contains("://", StringComparison.Ordinal) ? node : "http://" + node;
        if (!Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--node '{node}' is not host:port or an http(s) URL");
        }

        return uri;
    }
}
