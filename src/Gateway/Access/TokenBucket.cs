using System.Diagnostics;

namespace LoomExchange.Gateway.Access;

/// <summary>
/// A token bucket of <c>rate</c> tokens per second holding at most one second of burst. Not thread-safe: one owner,
/// or the caller locks (<see cref="AddressRateLimits"/>). Rate 0 = unlimited.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _tokensPerTick;
    private readonly double _capacity;
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(int ratePerSecond)
    {
        Unlimited = ratePerSecond <= 0;
        _capacity = ratePerSecond;
        _tokens = ratePerSecond;
        _tokensPerTick = (double)ratePerSecond / Stopwatch.Frequency;
        _lastRefill = Stopwatch.GetTimestamp();
    }

    public bool Unlimited { get; }

    public bool TryTake(long now)
    {
        if (Unlimited)
        {
            return true;
        }

        var elapsed = now - _lastRefill;
        if (elapsed > 0)
        {
            _tokens = Math.Min(_capacity, _tokens + (elapsed * _tokensPerTick));
            _lastRefill = now;
        }

        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }
}
