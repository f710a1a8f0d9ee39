namespace LoomExchange.Cli.Bench;

/// <summary>One load run as asked for on the command line.</summary>
internal sealed record BenchSettings
{
    /// <summary>The gateways: connection i starts on the (i mod n)-th and fails over to the others in turn.</summary>
    public required IReadOnlyList<string> Endpoints { get; init; }

    public required string Http { get; init; }

    public int Connections { get; init; } = 1;

    /// <summary>Closed loop: requests in flight per connection (null = open loop at <see cref="Rate"/>).</summary>
    public int? Inflight { get; init; }

    /// <summary>Open loop: requests per second over all connections.</summary>
    public double? Rate { get; init; }

    /// <summary>Open loop: time over which the rate rises from 0 to <see cref="Rate"/> before the measured part.</summary>
    public TimeSpan Ramp { get; init; }

    public TimeSpan? Duration { get; init; }

    public long? Orders { get; init; }

    public IReadOnlyList<string> Symbols { get; init; } = [];

    public string? JsonFile { get; init; }

    /// <summary>Where to write one line per request with its answer (<see cref="AnswerLog"/>); null = no such file.</summary>
    public string? AnswersFile { get; init; }

    /// <summary>Requests answered before measuring starts (JIT, pools and books warm up).</summary>
    public int Warmup { get; init; }

    /// <summary>One key for every connection; null rotates demo-1..demo-4.</summary>
    public string? ApiKey { get; init; }

    public string? Secret { get; init; }

    public string Mode => Inflight is { } k
        ? $"closed loop, {k} in flight per connection"
        : $"open loop at {Rate:0.##} requests/s{(Ramp > TimeSpan.Zero ? $" after a {Ramp.TotalSeconds:0.#} s ramp" : string.Empty)}";

    /// <summary>Connection <paramref name="connection"/>'s gateways: its own first, then the others in order.</summary>
    public IReadOnlyList<string> EndpointsFor(int connection) =>
        [.. Enumerable.Range(0, Endpoints.Count).Select(k => Endpoints[(connection + k) % Endpoints.Count])];

    public (string Key, string Secret) CredentialsFor(int connection) => ApiKey is { } key
        ? (key, Secret ?? string.Empty)
        : ($"demo-{(connection % 4) + 1}", $"demo-secret-{(connection % 4) + 1}");
}
