using System.Globalization;
using LoomExchange.Messages.Configuration;

namespace LoomExchange.Lighthouse;

/// <summary>
/// Where a Lighthouse listens and whom it joins. Read the way petabridge/lighthouse users expect:
/// <c>ACTORSYSTEM</c>, <c>CLUSTER_IP</c>, <c>CLUSTER_PORT</c>, <c>CLUSTER_SEEDS</c> (comma-separated Akka addresses),
/// each falling back to the <c>Loom:Cluster:*</c> keys and then to the defaults (loom, 127.0.0.1, 4053, self).
/// </summary>
public sealed record LighthouseSettings(string SystemName, string Host, int Port, IReadOnlyList<string> Seeds)
{
    public const int DefaultPort = 4053;

    /// <summary>This Lighthouse's own address, the one other nodes list as a seed.</summary>
    public string SelfAddress => $"akka.tcp://{SystemName}@{Host}:{Port}";

    public static LighthouseSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var systemName = First(configuration["ACTORSYSTEM"], configuration["Loom:Cluster:SystemName"]) ?? "loom";
        var host = First(configuration["CLUSTER_IP"], configuration["Loom:Cluster:Host"]) ?? "127.0.0.1";
        var portText = First(configuration["CLUSTER_PORT"], configuration["Loom:Cluster:Port"]);
        var port = DefaultPort;
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 0 or > 65535))
        {
            throw new InvalidConfigurationException($"CLUSTER_PORT '{portText}' is not a port number (0-65535)");
        }

        var seeds = SeedsFrom(configuration);
        foreach (var seed in seeds)
        {
            if (!seed.StartsWith($"akka.tcp://{systemName}@", StringComparison.Ordinal))
            {
                throw new InvalidConfigurationException($"seed '{seed}' is not an address of actor system '{systemName}' (akka.tcp://{systemName}@host:port)");
            }
        }

        return new LighthouseSettings(systemName, host, port, seeds);
    }

    private static List<string> SeedsFrom(IConfiguration configuration)
    {
        var fromEnvironment = configuration["CLUSTER_SEEDS"];
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return [.. fromEnvironment.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        return [.. configuration.GetSection("Loom:Cluster:Seeds").GetChildren().Select(c => c.Value).OfType<string>().Where(s => s.Length > 0)];
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
