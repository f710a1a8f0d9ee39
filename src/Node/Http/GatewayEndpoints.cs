using LoomExchange.Gateway;
using LoomExchange.Gateway.Configuration;
using LoomExchange.Gateway.Edges;

namespace LoomExchange.Node.Http;

/// <summary>The WebSocket gateway on the node's HTTP listener (<c>Loom:Gateway:WebSocket:Path</c>).</summary>
public static class GatewayEndpoints
{
    public static void MapGatewayWebSocket(this WebApplication app, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.WebSocket.Enabled)
        {
            return;
        }

        var gateway = app.Services.GetRequiredService<GatewayHost>();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Map(options.WebSocket.Path, (Func<HttpContext, Task>)gateway.AcceptWebSocketAsync);
        app.Logger.LogInformation(
            "gateway websocket at {Path} on the HTTP listener (JSON, messages up to {MaxBytes} bytes)",
            options.WebSocket.Path,
            options.MaxFrameBytes * WebSocketGateway.JsonSizeFactor);
    }
}
