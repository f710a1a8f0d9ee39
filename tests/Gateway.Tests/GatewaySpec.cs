using System.Net;
using Akka.Actor;
using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.OrderBooks;
using LoomExchange.Actors.Protocol;
using LoomExchange.Gateway.Accounts;
using LoomExchange.Gateway.Configuration;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>
/// Common ground of the gateway specs: one actor system with real order books behind a stand-in region, the gateway
/// started exactly as the node starts it (hub, registry, TCP listener on a free loopback port), and helpers to connect
/// and log on.
/// </summary>
public abstract class GatewaySpec : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    protected const string Symbol = "BTC-USD";

    /// <summary>Tick 5, lot 10, quantities 10..1,000,000.</summary>
    protected static readonly InstrumentSpec BtcUsd = new()
    {
        Symbol = Symbol,
        PriceDecimals = 2,
        QuantityDecimals = 0,
        TickSize = 5,
        LotSize = 10,
        MinQuantity = 10,
        MaxQuantity = 1_000_000,
    };

    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly List<WireClient> _clients = [];

    protected GatewaySpec(ITestOutputHelper output)
        : base(TestConfig.Config, output: output)
    {
        Options = new GatewayOptions
        {
            // In process there is no ASP.NET host for the Kestrel edge (the default): the specs drive the same per-connection
            // flow through the Akka.Streams edge; the node-process specs cover the Kestrel one.
            Tcp = new TcpEdgeOptions { Host = "127.0.0.1", Port = 0, Edge = "akka" },
            ApiKeys =
            [
                new ApiKeyOptions { Key = "key-1", Secret = "secret-1", AccountId = 1001 },
                new ApiKeyOptions { Key = "key-2", Secret = "secret-2", AccountId = 1002 },
            ],
        };
    }

    protected GatewayOptions Options { get; }

    protected GatewayHost Host { get; private set; } = null!;

    protected IActorRef Books { get; private set; } = ActorRefs.Nobody;

    protected IPEndPoint Endpoint { get; private set; } = null!;

    protected long NextClientOrderId { get; set; } = 1;

    public virtual async Task InitializeAsync()
    {
        Configure(Options);
        Options.Validate("development");
        var registry = new InstrumentRegistry([BtcUsd]);
        var settings = new OrderBookSettings
        {
            AccountEventsPath = "/user/" + AccountEventsHub.Name,
            ExpiryCheckInterval = TimeSpan.FromMilliseconds(50),
        };
        Books = Sys.ActorOf(TestBookRegion.Props(registry, settings, TimeProvider.System), "orderbook");
        Host = new GatewayHost(Options, registry);
        await Host.StartAsync(Sys, Books);
        Endpoint = (IPEndPoint)Host.TcpAddress!;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    /// <summary>Changes the gateway's settings before it starts.</summary>
    protected virtual void Configure(GatewayOptions options)
    {
    }

    protected async Task<WireClient> ConnectAsync(int receiveBufferSize = 0)
    {
        var client = await WireClient.ConnectAsync(Endpoint, receiveBufferSize);
        _clients.Add(client);
        return client;
    }

    protected async Task<(WireClient Client, LogonAck Ack)> LogonAsync(string key = "key-1", int heartbeatMs = 0, bool cancelOnDisconnect = false, int receiveBufferSize = 0)
    {
        var client = await ConnectAsync(receiveBufferSize);
        await client.SendAsync(new Logon(key, "secret-" + key[^1], heartbeatMs, cancelOnDisconnect));
        var ack = await client.ExpectAsync<LogonAck>();
        return (client, ack);
    }

    protected NewOrder Limit(Side side, long price, long quantity, long? clientOrderId = null, TimeInForce timeInForce = TimeInForce.Gtc, long expireAt = 0) =>
        new(clientOrderId ?? NextClientOrderId++, Symbol, side, OrderType.Limit, timeInForce, SelfTradePrevention.None, false, price, quantity, expireAt);

    /// <summary>Orders off the tick grid: the gateway rejects each at once, without a book, as fast as they arrive.</summary>
    protected List<WireMessage> OffTickOrders(int count)
    {
        var orders = new List<WireMessage>(count);
        for (var i = 0; i < count; i++)
        {
            orders.Add(Limit(Side.Buy, 1003, 10));
        }

        return orders;
    }

    /// <summary>Resting orders of the book, from the book itself.</summary>
    protected BookOrders OrdersInBook()
    {
        Books.Tell(new GetBookOrders(Symbol, 1000), TestActor);
        return ExpectMsg<BookOrders>(Deadline);
    }

    /// <summary>Waits until the book holds <paramref name="count"/> resting orders.</summary>
    protected void AwaitOrdersInBook(int count) =>
        AwaitAssert(() => Assert.Equal(count, OrdersInBook().Orders.Count), Deadline, TimeSpan.FromMilliseconds(50));
}
