using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LoomExchange.Benchmarks.Books;

/// <summary>
/// Sleeps until a Stopwatch timestamp with sub-millisecond wake-ups. <c>Thread.Sleep(1)</c> wakes about every
/// 1.1 ms here, which alone puts up to a millisecond of pacer lateness on every order an open-loop run sends;
/// spinning instead takes one of the machine's two cores from the exchange. Linux <c>usleep</c> wakes within
/// ~60-100 µs of the asked time (hrtimers) and costs no CPU while waiting.
/// </summary>
internal static class PreciseSleep
{
    private const long MinimumMicros = 20;

    public static void Until(long dueTimestamp)
    {
        while (true)
        {
            var remainingTicks = dueTimestamp - Stopwatch.GetTimestamp();
            if (remainingTicks <= 0)
            {
                return;
            }

            if (!OperatingSystem.IsLinux())
            {
                Thread.Sleep(1);
                continue;
            }

            var micros = Math.Max(MinimumMicros, remainingTicks * 1_000_000 / Stopwatch.Frequency);
            _ = USleep((uint)Math.Min(micros, 1_000_000));
        }
    }

    [DllImport("libc", EntryPoint = "usleep")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int USleep(uint microseconds);
}
