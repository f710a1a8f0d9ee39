using Akka.Actor;
using Akka.Cluster;
using Xunit.Abstractions;

namespace LoomExchange.Cluster.Tests;

/// <summary>Writes what one node sees of the membership (unreachable, downed, removed…) to the test output: the timeline of a failover.</summary>
internal sealed class MembershipLog : ReceiveActor
{
    public MembershipLog(string node, ITestOutputHelper output)
    {
        ReceiveAny(message =>
        {
            var line = message switch
            {
                ClusterEvent.IMemberEvent e => $"{e.GetType().Name} {e.Member.Address}",
                ClusterEvent.ReachabilityEvent e => $"{e.GetType().Name} {e.Member.Address}",
                _ => null,
            };
            if (line is not null)
            {
                try
                {
                    output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} [{node}] {line}");
                }
                catch (InvalidOperationException)
                {
                    // The test has finished.
                }
            }
        });
    }

    public static Props Props(string node, ITestOutputHelper output) => Akka.Actor.Props.Create(() => new MembershipLog(node, output));
}
