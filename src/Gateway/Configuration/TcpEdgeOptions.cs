namespace LoomExchange.Gateway.Configuration;

/// <summary><c>Loom:Gateway:Tcp</c>: the binary protocol's listener.</summary>
public sealed class TcpEdgeOptions
{
    public bool Enabled { get; set; } = true;

    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests); the bound one is logged.</summary>
    public int Port { get; set; } = 5081;

    /// <summary>
    /// Which socket layer feeds the same per-connection flow: <c>akka</c> (Akka.Streams TCP) or <c>kestrel</c>
    /// (a Kestrel connection handler over System.IO.Pipelines).
    /// </summary>
    public string Edge { get; set; } = "kestrel";
}
