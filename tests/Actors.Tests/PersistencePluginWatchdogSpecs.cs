using Akka.Actor;
using Akka.Persistence;
using LoomExchange.Actors.Startup;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>
/// A node whose journal plugin stopped can persist nothing and Akka.Persistence never starts the plugin again
/// (Akka.Persistence.Sql's journal stops itself when its table initialization fails): the watchdog shuts it down.
/// </summary>
public sealed class PersistencePluginWatchdogSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(TestConfig.Config, output: output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Should_shut_the_node_down_when_the_journal_plugin_stops()
    {
        var node = ActorSystem.Create("watched-node", TestConfig.Config);
        try
        {
            var journal = Persistence.Instance.Apply(node).JournalFor(null);
            var watchdog = node.ActorOf(PersistencePluginWatchdog.Props([null]), "persistence-watchdog");
            var probe = CreateTestProbe(node);
            probe.Watch(watchdog);

            // What SqlWriteJournal does after a failed table initialization: Context.Stop(Self).
            node.Stop(journal);

            await node.WhenTerminated.WaitAsync(Deadline);
            Assert.IsType<PersistencePluginStoppedReason>(CoordinatedShutdown.Get(node).ShutdownReason);
            Assert.NotEqual(0, CoordinatedShutdown.Get(node).ShutdownReason!.ExitCode);
        }
        finally
        {
            await node.Terminate();
        }
    }

    [Fact]
    public async Task Should_leave_a_node_alone_while_its_plugins_run()
    {
        var watchdog = Sys.ActorOf(PersistencePluginWatchdog.Props([null]));
        Watch(watchdog);

        // A full round trip through the journal: the plugins the watchdog watches are up and answering.
        var journal = Persistence.Instance.Apply(Sys).JournalFor(null);
        journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, "watchdog-spec", TestActor));
        await ExpectMsgAsync<RecoverySuccess>(Deadline);
        Assert.Null(CoordinatedShutdown.Get(Sys).ShutdownReason);
    }
}
