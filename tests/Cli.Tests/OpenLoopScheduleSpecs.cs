using LoomExchange.Cli.Bench;

namespace LoomExchange.Cli.Tests;

public sealed class OpenLoopScheduleSpecs
{
    [Fact]
    public void Should_space_requests_evenly_without_a_ramp()
    {
        var schedule = new OpenLoopSchedule(1000, TimeSpan.Zero);

        Assert.Equal(0, schedule.RampRequests);
        Assert.Equal([0.0, 0.001, 0.5], [schedule.SecondsOf(0), schedule.SecondsOf(1), schedule.SecondsOf(500)]);
        Assert.Equal(500, schedule.DueBy(0.4995));
    }

    [Fact]
    public void Should_raise_the_rate_linearly_over_the_ramp_then_hold_it()
    {
        var schedule = new OpenLoopSchedule(1000, TimeSpan.FromSeconds(2));

        // 1,000 requests during the ramp (the area under a line from 0 to 1,000/s over 2 s), a quarter of them in its first half.
        Assert.Equal(1000, schedule.RampRequests);
        Assert.InRange(schedule.DueBy(1.0), 250, 251);
        Assert.Equal(2.0, schedule.SecondsOf(1000), 9);
        Assert.Equal(3.0, schedule.SecondsOf(2000), 9);

        // Never earlier than the one before; and each request is due by its own time.
        var previous = -1.0;
        for (var i = 0L; i < 3000; i++)
        {
            var at = schedule.SecondsOf(i);
            Assert.True(at >= previous, $"request {i} at {at} s is due before request {i - 1} at {previous} s");
            Assert.True(schedule.DueBy(at + 1e-9) >= i + 1, $"request {i} is not due at its own time {at} s");
            previous = at;
        }
    }
}
