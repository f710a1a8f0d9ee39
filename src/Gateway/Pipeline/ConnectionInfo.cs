using System.Net;

namespace LoomExchange.Gateway.Pipeline;

/// <summary>Who is on the other end of one connection, and through which edge (<c>tcp</c>, <c>ws</c>).</summary>
public sealed record ConnectionInfo(IPAddress Address, string RemoteEndPoint, string Edge)
{
    public static ConnectionInfo From(EndPoint? remote, string edge) => remote switch
    {
        IPEndPoint ip => new ConnectionInfo(ip.Address, ip.ToString(), edge),
        _ => new ConnectionInfo(IPAddress.None, remote?.ToString() ?? "unknown", edge),
    };
}
