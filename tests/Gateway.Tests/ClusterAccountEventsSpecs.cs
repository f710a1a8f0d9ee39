using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Configuration;
using LoomExchange.Actors.Protocol;
using LoomExchange.Gateway.Accounts;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Gateway.Tests;

/// <summary>
/// Two cluster nodes in one process: a book's maker fill that reaches the hub of one node is delivered to the maker's
/// session on the other node (distributed pub-sub, one topic per account with a session), over real remoting and our
/// serializer.
/// </summary>
public sealed class ClusterAccountEventsSpecs : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private static readonly Config NodeConfig = ConfigurationFactory.ParseString("""
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          actor {
            provider = cluster
            serialization-settings.allow-unregistered-types = off
            serializers.loom = "LoomExchange.Actors.Serialization.ExchangeSerializer, LoomExchange.Actors"
            serialization-bindings { "LoomExchange.Actors.Protocol.IExchangeMessage, LoomExchange.Actors" = loom }
          }
          remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
          cluster.pub-sub.send-to-dead-letters-when-no-subscribers = off
        }
        """);

    private ActorSystem _bookNode = null!;
    private ActorSystem _sessionNode = null!;

    public async Task InitializeAsync()
    {
        _bookNode = ActorSystem.Create("loom", NodeConfig);
        _sessionNode = ActorSystem.Create("loom", NodeConfig);
        var seed = Cluster.Get(_bookNode).SelfAddress;
        await Cluster.Get(_bookNode).JoinAsync(seed);
        await Cluster.Get(_sessionNode).JoinAsync(seed);
    }

    public async Task DisposeAsync()
    {
        await _sessionNode.Terminate();
        await _bookNode.Terminate();
    }

    [Fact]
    public async Task Should_deliver_a_maker_fill_from_a_book_on_one_node_to_the_makers_session_on_another()
    {
        var bookHub = _bookNode.ActorOf(AccountEventsHub.Props(ActorRefs.Nobody, DistributedPubSub.Get(_bookNode).Mediator), AccountEventsHub.Name);
        var sessionHub = _sessionNode.ActorOf(AccountEventsHub.Props(ActorRefs.Nobody, DistributedPubSub.Get(_sessionNode).Mediator), AccountEventsHub.Name);
        var received = Channel.CreateUnbounded<AccountEvents>();
        var session = _sessionNode.ActorOf(Props.Create(() => new Collector(received.Writer)));
        sessionHub.Tell(new RegisterAccountSession(1001, session));

        var makerFill = new OrderEvent { Type = EventType.Trade, AccountId = 1002, MakerAccountId = 1001, MakerOrderId = 7, MakerClientOrderId = 70, Price = 1000, Quantity = 10, TradeId = 1 };
        var otherFill = makerFill with { MakerAccountId = 1003, MakerOrderId = 8, TradeId = 2 };

        // The subscription spreads by gossip: the book keeps sending (as a book does, batch after batch) until it arrives.
        using var deadline = new CancellationTokenSource(Deadline);
        AccountEvents? delivered = null;
        while (delivered is null)
        {
            bookHub.Tell(new AccountEvents("BTC-USD", [makerFill, otherFill]), ActorRefs.NoSender);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            wait.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                delivered = await received.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
            {
            }
        }

        Assert.Equal("BTC-USD", delivered.Symbol);
        Assert.Equal(makerFill, Assert.Single(delivered.Events));
    }

    private sealed class Collector : ReceiveActor
    {
        public Collector(ChannelWriter<AccountEvents> writer) => Receive<AccountEvents>(e => writer.TryWrite(e));
    }
}
