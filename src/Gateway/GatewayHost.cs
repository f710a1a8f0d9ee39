using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Streams;
using LoomExchange.Actors.Instruments;
using LoomExchange.Gateway.Accounts;
using LoomExchange.Gateway.Configuration;
using LoomExchange.Gateway.Edges;
using LoomExchange.Gateway.Pipeline;
using LoomExchange.Gateway.Sessions;
using Microsoft.AspNetCore.Http;

namespace LoomExchange.Gateway;

/// <summary>
/// The gateway of one node: starts with the actor system (account-events hub at <c>/user/account-events</c>, session
/// registry at <c>/user/gateway-sessions</c>, the TCP listener), serves the WebSocket endpoint, and on coordinated
/// shutdown stops accepting (service-unbind) and ends the live sessions (service-requests-done), before the shards are
/// handed off.
/// </summary>
public sealed class GatewayHost(GatewayOptions options, InstrumentRegistry instruments)
{
    private TcpGatewayServer? _tcp;

    public GatewayOptions Options { get; } = options;

    /// <summary>Null until <see cref="StartAsync"/> ran.</summary>
    public GatewayContext? Context { get; private set; }

    public IMaterializer? Materializer { get; private set; }

    /// <summary>The TCP listener's address once bound (port 0 in configuration picks a free one).</summary>
    public System.Net.EndPoint? TcpAddress => _tcp?.LocalAddress;

    public async Task StartAsync(ActorSystem system, IActorRef orderBooks)
    {
        ArgumentNullException.ThrowIfNull(system);
        var log = Logging.GetLogger(system, "LoomExchange.Gateway");
        var mediator = ((ExtendedActorSystem)system).Provider is Akka.Cluster.ClusterActorRefProvider
            ? Akka.Cluster.Tools.PublishSubscribe.DistributedPubSub.Get(system).Mediator
            : null;
        var hub = system.ActorOf(AccountEventsHub.Props(orderBooks, mediator), AccountEventsHub.Name);
        var registry = system.ActorOf(SessionRegistry.Props(), SessionRegistry.Name);
        if (mediator is not null)
        {
            system.ActorOf(ClusterRemovalWatcher.Props(registry), "gateway-cluster-removals");
        }

        Context = new GatewayContext(Options, instruments, orderBooks, hub, registry, log);
        Materializer = system.Materializer(namePrefix: "gateway");

        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "gateway-unbind", async () =>
        {
            if (_tcp is not null)
            {
                await _tcp.UnbindAsync().ConfigureAwait(false);
                log.Info("gateway tcp stopped listening on {0}", _tcp.LocalAddress);
            }

            return Done.Instance;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "gateway-end-sessions", () =>
        {
            registry.Tell(new EndAllSessions("the server is shutting down"));
            return Task.FromResult(Done.Instance);
        });

        if (Options.Tcp.Enabled && Options.Tcp.Edge == "akka")
        {
            try
            {
                _tcp = await TcpGatewayServer.BindAsync(system, Materializer, Context, Options.Tcp.Host, Options.Tcp.Port).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidOperationException(
                    $"gateway tcp cannot listen on {Options.Tcp.Host}:{Options.Tcp.Port} (Loom:Gateway:Tcp:Host/Port; is the port taken?): {e.Message}", e);
            }

            log.Info("gateway tcp listening on {0}", _tcp.LocalAddress);
        }
        else if (Options.Tcp.Enabled)
        {
            log.Info("gateway tcp listening on {0}:{1} (kestrel edge)", Options.Tcp.Host, Options.Tcp.Port);
        }
    }

    /// <summary>The WebSocket endpoint: upgrades the request and runs the JSON session until it ends.</summary>
    public async Task AcceptWebSocketAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync("WebSocket requests only: connect with ws:// and send JSON text messages").ConfigureAwait(false);
            return;
        }

        if (Context is null || Materializer is null)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var remote = http.Connection.RemoteIpAddress ?? System.Net.IPAddress.None;
        var connection = new Pipeline.ConnectionInfo(remote, $"{remote}:{http.Connection.RemotePort}", "ws");
        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await WebSocketGateway.RunAsync(socket, connection, Context, Materializer, http.RequestAborted).ConfigureAwait(false);
    }
}
