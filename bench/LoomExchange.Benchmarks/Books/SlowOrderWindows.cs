using System.Diagnostics;
using System.Globalization;

namespace LoomExchange.Benchmarks.Books;

/// <summary>
/// Orders slower than a threshold, grouped by the 10 ms window they were due in: with <c>--gc-trace</c> the windows
/// print beside the collections, so a tail can be told apart as a GC pause or some other stall.
/// </summary>
internal sealed class SlowOrderWindows
{
    private const long ThresholdMicros = 2_000;
    private static readonly long WindowTicks = Stopwatch.Frequency / 100;
    private readonly Dictionary<long, (int Count, long MaxMicros)> _windows = [];
    private readonly long _anchorTicks = Stopwatch.GetTimestamp();
    private readonly DateTime _anchorTime = DateTime.UtcNow;

    public void Record(long sentAtTicks, long latencyMicros)
    {
        if (latencyMicros < ThresholdMicros)
        {
            return;
        }

        var window = sentAtTicks / WindowTicks;
        var (count, max) = _windows.GetValueOrDefault(window);
        _windows[window] = (count + 1, Math.Max(max, latencyMicros));
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"orders slower than {ThresholdMicros} us by 10 ms window they were due in (time, orders, max us):");
        foreach (var (window, (count, max)) in _windows.OrderBy(w => w.Key))
        {
            var at = _anchorTime + Stopwatch.GetElapsedTime(_anchorTicks, window * WindowTicks);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {at:HH:mm:ss.fff} {count,5} {max,7}"));
        }
    }
}
