using Akka.Persistence;
using Akka.Persistence.TestKit;
using LoomExchange.Actors.Startup;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>The start-up recovery that warms the journal and snapshot store before the node reports ready.</summary>
public sealed class PersistenceWarmupSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(TestConfig.Config, output: output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Should_report_warm_after_one_recovery_and_then_stop()
    {
        var status = new PersistenceWarmupStatus();
        Assert.False(status.IsWarm);

        var warmup = Sys.ActorOf(PersistenceWarmup.Props(status));
        Watch(warmup);

        await status.Warm.WaitAsync(Deadline);
        Assert.True(status.IsWarm);
        ExpectTerminated(warmup, Deadline);
    }

    [Fact]
    public async Task Should_keep_trying_while_the_store_fails_and_report_warm_only_after_a_recovery_succeeded()
    {
        // The warm-up id has no events, so the journal's replay interceptor never runs: fail the snapshot load instead.
        var snapshots = TestSnapshotStore.FromRef(Persistence.Instance.Apply(Sys).SnapshotStoreFor(null));
        await snapshots.OnLoad.Fail();
        var status = new PersistenceWarmupStatus();

        await EventFilter.Warning(contains: "persistence warm-up failed").ExpectAsync(2, () =>
        {
            Sys.ActorOf(PersistenceWarmup.Props(status));
            return Task.CompletedTask;
        }, Deadline);
        Assert.False(status.IsWarm);

        await snapshots.OnLoad.Pass();
        await status.Warm.WaitAsync(Deadline);
        Assert.True(status.IsWarm);
    }
}
