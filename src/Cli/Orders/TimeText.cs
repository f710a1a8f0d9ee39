using System.Globalization;

namespace LoomExchange.Cli.Orders;

/// <summary>Durations (<c>20s</c>, <c>500ms</c>, <c>2m</c>, <c>1h</c>, bare seconds) and instants (ISO 8601, Unix ms or <c>+duration</c>).</summary>
internal static class TimeText
{
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        var (number, unit) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') || text.EndsWith('S') ? (text[..^1], 1.0)
            : text.EndsWith('m') || text.EndsWith('M') ? (text[..^1], 60.0)
            : text.EndsWith('h') || text.EndsWith('H') ? (text[..^1], 3600.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * unit);
        return true;
    }

    public static TimeSpan Duration(string text, string option) => TryParseDuration(text, out var duration)
        ? duration
        : throw new UsageException($"{option} '{text}' is not a duration; use e.g. 20s, 500ms, 2m or 1h");

    /// <summary>An expiry as Unix milliseconds: ISO 8601 (UTC unless an offset is given), whole Unix ms, or +duration from now.</summary>
    public static long ExpireAt(string text, TimeProvider clock)
    {
        if (text.StartsWith('+') && TryParseDuration(text[1..], out var fromNow))
        {
            return (clock.GetUtcNow() + fromNow).ToUnixTimeMilliseconds();
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unixMs))
        {
            return unixMs;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUnixTimeMilliseconds()
            : throw new UsageException($"--expire-at '{text}' is not a time; use ISO 8601 (2026-01-01T12:00:00Z), Unix milliseconds or +duration (+10m)");
    }
}
