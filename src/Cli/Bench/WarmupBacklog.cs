using System.Globalization;

namespace LoomExchange.Cli.Bench;

/// <summary>
/// Whether an open loop's warm-up ended with the node still behind. Measuring starts at a fixed request, so a node that
/// is still draining a backlog then (a cold JIT, a stall) puts that backlog into the measured latencies; the warning says
/// so instead of leaving it to be read from the progress lines.
/// </summary>
internal static class WarmupBacklog
{
    // More than this much of the offered load unanswered: at 50,000/s, 2,500 requests against about 250 in steady state.
    private const double SettledSeconds = 0.05;

    // Below this many, whatever the rate: at low rates a few requests in flight are the latency itself, not a backlog.
    private const long Floor = 100;

    public static bool Unsettled(long inFlight, double rate) => inFlight > Floor && inFlight > rate * SettledSeconds;

    public static string Warning(long inFlight, double rate) => string.Create(
        CultureInfo.InvariantCulture,
        $"warning: {inFlight} requests were in flight when the measured part began ({inFlight / rate * 1000:0} ms of the offered rate): the warm-up had not settled and the figures include its backlog; a larger --warmup measures the steady state");
}
