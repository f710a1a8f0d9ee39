namespace LoomExchange.Cluster.Tests;

/// <summary>Enough symbols that every node of three hosts some.</summary>
internal static class ClusterSpecSymbols
{
    public static readonly IReadOnlyList<string> All = [.. Enumerable.Range(1, 12).Select(i => $"SYM-{i:D2}")];

    public const long Account = 1001;

    public static readonly TimeSpan Within = TimeSpan.FromSeconds(90);
}
