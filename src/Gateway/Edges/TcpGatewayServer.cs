using System.Net;
using Akka.Actor;
using Akka.Event;
using Akka.Streams;
using Akka.Streams.Dsl;
using LoomExchange.Gateway.Pipeline;

namespace LoomExchange.Gateway.Edges;

/// <summary>The Akka.Streams TCP edge: one listener; each accepted connection runs <see cref="GatewayPipeline.Binary"/>.</summary>
public sealed class TcpGatewayServer
{
    private readonly Tcp.ServerBinding _binding;

    private TcpGatewayServer(Tcp.ServerBinding binding) => _binding = binding;

    public EndPoint LocalAddress => _binding.LocalAddress;

    public static async Task<TcpGatewayServer> BindAsync(ActorSystem system, IMaterializer materializer, GatewayContext context, string host, int port)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(context);
        var binding = await system.TcpStream()
            .Bind(host, port, backlog: 1024)
            .To(Sink.ForEach<Tcp.IncomingConnection>(connection => Accept(connection, materializer, context)))
            .Run(materializer)
            .ConfigureAwait(false);
        return new TcpGatewayServer(binding);
    }

    /// <summary>Stops accepting connections; live sessions go on until they end.</summary>
    public Task UnbindAsync() => _binding.Unbind();

    private static void Accept(Tcp.IncomingConnection connection, IMaterializer materializer, GatewayContext context)
    {
        var info = ConnectionInfo.From(connection.RemoteAddress, "tcp");
        try
        {
            connection.HandleWith(GatewayPipeline.Binary(context, info), materializer);
        }
#pragma warning disable CA1031 // One connection that cannot start must not stop the listener.
        catch (Exception e)
#pragma warning restore CA1031
        {
            context.Log.Warning("gateway: connection from {0} could not start: {1}", info.RemoteEndPoint, e.Message);
        }
    }
}
