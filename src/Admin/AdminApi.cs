using LoomExchange.Admin.Cluster;
using LoomExchange.Admin.Sharding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoomExchange.Admin;

/// <summary>
/// Maps the admin API (<c>/admin/…</c>) on a node or a Lighthouse: the cluster palette, the sharding palette and, through
/// the returned group, whatever the host adds (the node's exchange palette). No token configured: nothing is mapped.
/// </summary>
public static partial class AdminApi
{
    public const string Prefix = "/admin";

    /// <summary>Maps the admin endpoints; returns their group (guarded) for more, or null when the admin API is off.</summary>
    /// <param name="app">The web application.</param>
    /// <param name="shardRegions">Shard regions this host runs (empty on a Lighthouse).</param>
    public static RouteGroupBuilder? MapLoomAdmin(this WebApplication app, IReadOnlyList<string> shardRegions)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = AdminOptions.From(app.Configuration);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LoomExchange.Admin");
        if (options.Token.Length == 0)
        {
            LogOff(log);
            return null;
        }

        var group = app.MapGroup(Prefix);
        group.AddEndpointFilter(new AdminAccessFilter(new BearerToken(options.Token), options.AllowRemote, log));
        group.MapClusterPalette();
        group.MapShardingPalette(shardRegions);
        LogOn(log, options.AllowRemote ? "any caller" : "loopback callers only");
        return group;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "admin API off: no Loom:Admin:Token (or LOOM_ADMIN_TOKEN) configured")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "admin API on at /admin ({Who}, bearer token)")]
    private static partial void LogOn(ILogger logger, string who);
}
