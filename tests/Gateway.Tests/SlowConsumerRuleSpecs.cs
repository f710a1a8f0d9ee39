using LoomExchange.Gateway.Pipeline;

namespace LoomExchange.Gateway.Tests;

public sealed class SlowConsumerRuleSpecs
{
    private static readonly SlowConsumerRule Rule = new(SoftLimit: 100, StallMs: 3_000);

    [Theory]
    [InlineData(99, 1_000_000, 0)] // below the soft limit, however long the client has taken nothing
    [InlineData(100, 2_999, 2_999)] // past it, but the client took a message within the stall time (or the node itself stalled)
    [InlineData(399, 0, 1_000_000)] // behind for long, but under the hard limit and still taking
    [InlineData(400, 0, 2_999)] // past the hard limit in a burst that is still draining: the answers after a node stall
    [InlineData(1_599, 10, 2_000)]
    public void Should_keep_the_session(int queued, long msSinceTaken, long msBehind) => Assert.False(Rule.Ends(queued, msSinceTaken, msBehind));

    [Theory]
    [InlineData(100, 3_000, 3_000)] // past the soft limit and nothing taken for the stall time
    [InlineData(400, 0, 3_000)] // past the hard limit and behind for the stall time, although still taking
    [InlineData(1_600, 0, 0)] // the absolute limit, sixteen times the soft one, whatever the timing
    [InlineData(1_601, 10, 10)]
    public void Should_end_the_session(int queued, long msSinceTaken, long msBehind) => Assert.True(Rule.Ends(queued, msSinceTaken, msBehind));

    [Fact]
    public void Should_say_which_limit_ended_the_session()
    {
        Assert.Contains("took none for 3500 ms", Rule.Reason(150, 3_500, 3_500), StringComparison.Ordinal);
        Assert.Contains("behind for 3100 ms", Rule.Reason(450, 10, 3_100), StringComparison.Ordinal);
        Assert.Contains("(limit 1600)", Rule.Reason(1_600, 0, 0), StringComparison.Ordinal);
    }
}
