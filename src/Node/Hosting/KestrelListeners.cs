using System.Net;
using LoomExchange.Gateway.Configuration;
using LoomExchange.Gateway.Edges;
using LoomExchange.Messages.Configuration;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace LoomExchange.Node.Hosting;

/// <summary>
/// Kestrel endpoints when the TCP gateway runs on Kestrel (<c>Loom:Gateway:Tcp:Edge = kestrel</c>). Endpoints set in
/// code make Kestrel ignore <c>urls</c>, so the HTTP ones are declared here again from the same setting.
/// </summary>
public static class KestrelListeners
{
    public static void Configure(KestrelServerOptions kestrel, string urls, TcpEdgeOptions tcp)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(tcp);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var uri = new Uri(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
            if (uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new InvalidConfigurationException($"urls '{url}': with Loom:Gateway:Tcp:Edge=kestrel only http:// URLs are supported");
            }

            if (IPAddress.TryParse(uri.Host, out var address))
            {
                kestrel.Listen(address, uri.Port);
            }
            else if (uri.IsLoopback)
            {
                kestrel.ListenLocalhost(uri.Port);
            }
            else
            {
                // A host name (e.g. a pod's): Kestrel binds names to every address, as it does for names in urls.
                kestrel.ListenAnyIP(uri.Port);
            }
        }

        kestrel.Listen(IPAddress.Parse(tcp.Host), tcp.Port, listen => listen.UseConnectionHandler<KestrelGatewayHandler>());
    }
}
