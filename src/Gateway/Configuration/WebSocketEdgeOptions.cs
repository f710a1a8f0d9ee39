namespace LoomExchange.Gateway.Configuration;

/// <summary><c>Loom:Gateway:WebSocket</c>: the JSON protocol on the node's HTTP listener.</summary>
public sealed class WebSocketEdgeOptions
{
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/ws";
}
