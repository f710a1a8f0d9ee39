namespace LoomExchange.Client;

/// <summary>A parsed gateway address: binary TCP (<c>tcp://host:port</c>) or WebSocket JSON (<c>ws://host:port/path</c>).</summary>
public sealed record LoomEndpoint(TransportKind Kind, Uri Uri)
{
    public string Host => Uri.Host;

    public int Port => Uri.Port;

    public static LoomEndpoint Parse(string endpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"endpoint '{endpoint}' is not an absolute address; use tcp://host:port or ws://host:port/path", nameof(endpoint));
        }

        return uri.Scheme switch
        {
            "tcp" when uri.Port > 0 => new LoomEndpoint(TransportKind.Tcp, uri),
            "tcp" => throw new ArgumentException($"endpoint '{endpoint}' needs a port, e.g. tcp://127.0.0.1:5081", nameof(endpoint)),
            "ws" or "wss" => new LoomEndpoint(TransportKind.WebSocket, uri),
            _ => throw new ArgumentException($"endpoint scheme '{uri.Scheme}' is not supported; use tcp:// (binary) or ws:// / wss:// (JSON)", nameof(endpoint)),
        };
    }

    public override string ToString() => Uri.ToString();
}

/// <summary>The protocol a gateway speaks.</summary>
public enum TransportKind
{
    /// <summary>Binary frames over TCP.</summary>
    Tcp,

    /// <summary>JSON text messages over WebSocket.</summary>
    WebSocket,
}
