using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;

namespace LoomExchange.Lighthouse.Tests;

/// <summary>Lighthouses that list the same seeds form one cluster whichever starts first.</summary>
public sealed class LighthouseClusterSpecs
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_form_one_cluster_whatever_order_the_lighthouses_start_in(bool firstSeedStartsFirst)
    {
        const string SystemName = "loomlh";
        var ports = new[] { LighthouseProcess.FreePort(), LighthouseProcess.FreePort() };
        var seeds = ports.Select(p => $"akka.tcp://{SystemName}@127.0.0.1:{p}").ToArray();
        var order = firstSeedStartsFirst ? new[] { 0, 1 } : [1, 0];

        await using var first = LighthouseProcess.Start(SystemName, ports[order[0]], seeds);
        await using var second = LighthouseProcess.Start(SystemName, ports[order[1]], seeds);

        // An observer joins through the second seed only: if the Lighthouses had made two clusters, it would see one of them.
        using var observer = ActorSystem.Create(SystemName, ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
            akka.cluster.roles = [observer]
            akka.cluster.seed-nodes = ["{{seeds[1]}}"]
            akka.loglevel = WARNING
            """));
        var cluster = Cluster.Get(observer);
        var lighthouses = await WaitForAsync(cluster, state =>
            state.Members.Count(m => m.Status == MemberStatus.Up && m.HasRole(LighthouseRoles.Lighthouse)) == 2);

        Assert.True(lighthouses, $"the observer never saw both Lighthouses Up in one cluster.{Environment.NewLine}first:{Environment.NewLine}{first.Output}{Environment.NewLine}second:{Environment.NewLine}{second.Output}");
        Assert.Equal(
            seeds.Order(StringComparer.Ordinal),
            cluster.State.Members.Where(m => m.HasRole(LighthouseRoles.Lighthouse)).Select(m => m.Address.ToString()).Order(StringComparer.Ordinal));
        await cluster.LeaveAsync();
        await observer.Terminate();
    }

    [Fact]
    public async Task Should_exit_with_code_zero_on_SIGTERM()
    {
        var port = LighthouseProcess.FreePort();
        var seed = $"akka.tcp://loomlh@127.0.0.1:{port}";
        await using var lighthouse = LighthouseProcess.Start("loomlh", port, [seed]);
        using var observer = ActorSystem.Create("loomlh", ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
            akka.cluster.seed-nodes = ["{{seed}}"]
            akka.loglevel = WARNING
            """));
        Assert.True(await WaitForAsync(Cluster.Get(observer), state => state.Members.Any(m => m.HasRole(LighthouseRoles.Lighthouse) && m.Status == MemberStatus.Up)), lighthouse.Output);

        await observer.Terminate();
        await lighthouse.TerminateAsync();

        Assert.True(lighthouse.ExitCode == 0, $"exit code {lighthouse.ExitCode}{Environment.NewLine}{lighthouse.Output}");
    }

    /// <summary>Waits for membership events (no polling delays) until <paramref name="condition"/> holds or the deadline passes.</summary>
    private static async Task<bool> WaitForAsync(Cluster cluster, Func<ClusterEvent.CurrentClusterState, bool> condition)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var system = cluster.System;
        var watcher = system.ActorOf(Props.Create(() => new MembershipWatcher(cluster, condition, met)));
        try
        {
            await met.Task.WaitAsync(Deadline).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            system.Stop(watcher);
        }
    }

    private sealed class MembershipWatcher : ReceiveActor
    {
        public MembershipWatcher(Cluster cluster, Func<ClusterEvent.CurrentClusterState, bool> condition, TaskCompletionSource met)
        {
            cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent));
            ReceiveAny(_ =>
            {
                if (condition(cluster.State))
                {
                    met.TrySetResult();
                }
            });
        }
    }
}
