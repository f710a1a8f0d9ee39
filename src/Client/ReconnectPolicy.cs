namespace LoomExchange.Client;

/// <summary>
/// How a client reconnects after its connection drops: exponential backoff from <see cref="InitialDelay"/> to
/// <see cref="MaxDelay"/>, with ±20% jitter so that many clients dropped together do not return in lockstep.
/// </summary>
public sealed record ReconnectPolicy
{
    /// <summary>Reconnect forever, from 100 ms up to 5 s between attempts.</summary>
    public static ReconnectPolicy Default { get; } = new();

    /// <summary>Never reconnect: the first drop closes the client and fails its open requests.</summary>
    public static ReconnectPolicy None { get; } = new() { MaxAttempts = 0 };

    /// <summary>Attempts in a row before the client gives up (0 = never reconnect).</summary>
    public int MaxAttempts { get; init; } = int.MaxValue;

    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    public double Multiplier { get; init; } = 2.0;

    /// <summary>The wait before attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var ms = Math.Min(InitialDelay.TotalMilliseconds * Math.Pow(Multiplier, exponent), MaxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // jitter, not security
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(ms * jitter);
    }
}
