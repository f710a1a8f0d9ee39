using LoomExchange.Cli.Bench;

namespace LoomExchange.Cli.Tests;

public sealed class WarmupBacklogSpecs
{
    [Theory]
    [InlineData(250, 50_000)] // about 5 ms of the offered load: the steady state at 50,000/s
    [InlineData(2_500, 50_000)] // 50 ms: still counted as settled
    [InlineData(100, 100)] // a second of a slow rate, but few requests: no warning below 100
    public void Should_count_a_short_queue_as_settled(long inFlight, double rate) => Assert.False(WarmupBacklog.Unsettled(inFlight, rate));

    [Theory]
    [InlineData(2_501, 50_000)]
    [InlineData(94_909, 50_000)] // a cold node's backlog measured on this machine
    [InlineData(101, 100)]
    public void Should_warn_of_a_backlog_at_the_start_of_the_measured_part(long inFlight, double rate) => Assert.True(WarmupBacklog.Unsettled(inFlight, rate));

    [Fact]
    public void Should_say_how_long_the_backlog_is_and_what_to_do()
    {
        var warning = WarmupBacklog.Warning(94_909, 50_000);

        Assert.Contains("94909 requests were in flight", warning, StringComparison.Ordinal);
        Assert.Contains("(1898 ms of the offered rate)", warning, StringComparison.Ordinal);
        Assert.Contains("--warmup", warning, StringComparison.Ordinal);
    }
}
