namespace LoomExchange.Cli.Bench;

/// <summary>
/// When each request of an open loop is due: the rate rises linearly from 0 to <c>rate</c> over <c>ramp</c>, then holds.
/// A node that has just started (JIT, empty pools, cold books) is not hit with the full rate in its first second;
/// at 50,000/s that alone made a run collapse (benchmarks.md, issue 5).
/// </summary>
internal sealed class OpenLoopSchedule
{
    private readonly double _rate;
    private readonly double _ramp;

    public OpenLoopSchedule(double rate, TimeSpan ramp)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        ArgumentOutOfRangeException.ThrowIfLessThan(ramp, TimeSpan.Zero);
        _rate = rate;
        _ramp = ramp.TotalSeconds;
    }

    /// <summary>Requests that fall due during the ramp (none without one).</summary>
    public long RampRequests => (long)(_rate * _ramp / 2);

    /// <summary>Seconds from the start at which request <paramref name="index"/> (0-based) is due.</summary>
    public double SecondsOf(long index)
    {
        // Requests due by t during the ramp: rate * t^2 / (2 * ramp); after it: rate * ramp / 2 + rate * (t - ramp).
        var rampRequests = _rate * _ramp / 2;
        return index < rampRequests
            ? Math.Sqrt(2 * _ramp * index / _rate)
            : _ramp + ((index - rampRequests) / _rate);
    }

    /// <summary>How many requests are due by <paramref name="seconds"/> from the start.</summary>
    public long DueBy(double seconds)
    {
        if (seconds <= 0)
        {
            return 0;
        }

        return seconds < _ramp
            ? (long)Math.Ceiling(_rate * seconds * seconds / (2 * _ramp))
            : (long)Math.Ceiling((_rate * _ramp / 2) + (_rate * (seconds - _ramp)));
    }
}
