using LoomExchange.Gateway.Pipeline;

namespace LoomExchange.Gateway.Tests;

public sealed class SlowConsumerRuleSpecs
{
    private static readonly SlowConsumerRule Rule = new(SoftLimit: 100, StallMs: 3_000);

    [Theory]
    [InlineData(99, 1_000_000)] // below the soft limit, however long the client has taken nothing
    [InlineData(100, 2_999)] // past it, but the client took a message within the stall time (or the node itself stalled)
    [InlineData(399, 0)]
    public void Should_keep_the_session(int queued, long msSinceTaken) => Assert.False(Rule.Ends(queued, msSinceTaken));

    [Theory]
    [InlineData(100, 3_000)] // past the soft limit and nothing taken for the stall time
    [InlineData(400, 0)] // the hard limit, four times the soft one, whatever the timing
    [InlineData(401, 10)]
    public void Should_end_the_session(int queued, long msSinceTaken) => Assert.True(Rule.Ends(queued, msSinceTaken));

    [Fact]
    public void Should_say_which_limit_ended_the_session()
    {
        Assert.Contains("took none for 3500 ms", Rule.Reason(150, 3_500), StringComparison.Ordinal);
        Assert.Contains("(limit 400)", Rule.Reason(400, 0), StringComparison.Ordinal);
    }
}
