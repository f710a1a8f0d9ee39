using System.CommandLine;
using LoomExchange.Client;

namespace LoomExchange.Cli;

/// <summary>Options every command understands (recursive on the root): where the node is and who we are.</summary>
internal static class GlobalOptions
{
    public const string ApiKeyVariable = "LOOM_API_KEY";
    public const string SecretVariable = "LOOM_API_SECRET";

    public static Option<string[]> Endpoint { get; } = new("--endpoint")
    {
        Description = "Gateway address: tcp://host:port (binary) or ws://host:port/path (JSON); repeat it (or separate with commas) to name failover gateways",
        DefaultValueFactory = _ => ["tcp://127.0.0.1:5081"],
        Recursive = true,
    };

    public static Option<string> ApiKey { get; } = new("--api-key")
    {
        Description = $"API key (default: ${ApiKeyVariable}, else {LoomClientOptions.DemoApiKey})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ApiKeyVariable) ?? LoomClientOptions.DemoApiKey,
        Recursive = true,
    };

    public static Option<string> Secret { get; } = new("--secret")
    {
        Description = $"API secret (default: ${SecretVariable}, else {LoomClientOptions.DemoSecret})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(SecretVariable) ?? LoomClientOptions.DemoSecret,
        Recursive = true,
    };

    public static Option<string> Http { get; } = new("--http")
    {
        Description = "The node's HTTP address, for instrument specs (decimals, tick and lot sizes)",
        DefaultValueFactory = _ => "http://127.0.0.1:5080",
        Recursive = true,
    };

    /// <summary>Every gateway named by <c>--endpoint</c> (repeated or comma-separated), in the order given.</summary>
    public static IReadOnlyList<string> Endpoints(ParseResult result)
    {
        var endpoints = result.GetRequiredValue(Endpoint)
            .SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        return endpoints.Count > 0 ? endpoints : throw new UsageException("--endpoint needs a gateway address, e.g. tcp://127.0.0.1:5081");
    }

    public static void AddTo(RootCommand root)
    {
        root.Add(Endpoint);
        root.Add(ApiKey);
        root.Add(Secret);
        root.Add(Http);
    }

    /// <summary>Whether the user named --api-key or set the environment variable (bench rotates demo keys otherwise).</summary>
    public static bool ApiKeyGiven(ParseResult result) =>
        result.GetResult(ApiKey) is { Implicit: false } || Environment.GetEnvironmentVariable(ApiKeyVariable) is not null;
}
