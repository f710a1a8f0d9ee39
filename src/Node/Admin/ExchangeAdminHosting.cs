using Akka.Actor;
using Akka.Hosting;
using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.Risk;

namespace LoomExchange.Node.Admin;

/// <summary>The admin side of the composition root: the replicator of run-time listings and kill switches.</summary>
public static class ExchangeAdminHosting
{
    public static AkkaConfigurationBuilder WithExchangeAdmin(this AkkaConfigurationBuilder akka, InstrumentRegistry registry, AccountBlocklist blocklist)
    {
        ArgumentNullException.ThrowIfNull(akka);

        // The default replicator holds only the admin's data: on exchange nodes (a Lighthouse runs none, and WriteAll must
        // not wait for it), and subscribers hear of changes within 100 ms rather than the default 500 ms (kill switch).
        return akka
            .AddHocon(
                """
                akka.cluster.distributed-data.role = exchange
                akka.cluster.distributed-data.notify-subscribers-interval = 100ms
                """,
                HoconAddMode.Prepend)
            .WithActors((system, actors) =>
                actors.Register<ExchangeReplicator>(system.ActorOf(ExchangeReplicator.Props(registry, blocklist), ExchangeReplicator.Name)));
    }
}
