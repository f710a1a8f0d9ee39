namespace LoomExchange.Cli.Bench;

/// <summary>
/// The tag a bench request carries through the client: its scheduled send time (a Stopwatch timestamp, always below
/// 2^62) and whether it counts as measured. The second is decided once, when the request is reserved, so that the send
/// budget and the answer count agree even for requests sent while measuring starts.
/// </summary>
internal static class BenchTag
{
    private const long MeasuredBit = 1L << 62;

    public static long Of(long scheduled, bool measured) => measured ? scheduled | MeasuredBit : scheduled;

    public static long Scheduled(long tag) => tag & ~MeasuredBit;

    public static bool IsMeasured(long tag) => (tag & MeasuredBit) != 0;
}
