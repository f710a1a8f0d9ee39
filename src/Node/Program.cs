using LoomExchange.Admin;
using LoomExchange.Clustering;
using LoomExchange.Node.Admin;
using LoomExchange.Node.Configuration;
using LoomExchange.Node.Hosting;
using LoomExchange.Node.Http;

// A configuration mistake ends the start with one line naming the key and exit code 2, not a stack trace.
return await ConfigurationErrorExit.RunAsync("loom-node", () => RunAsync(args)).ConfigureAwait(false);

static async Task<int> RunAsync(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Logging.ClearProviders();
    builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
    var urls = builder.Configuration["urls"] ?? "http://127.0.0.1:5080";
    var options = LoomOptions.Bind(builder.Configuration);
    if (options.Gateway.Tcp.Enabled && options.Gateway.Tcp.Edge == "kestrel")
    {
        // Every endpoint is declared in code, the HTTP ones from `urls`. Left as server addresses too, `urls` made
        // Kestrel warn at each start that it overrides them. An empty value would not do: the web host then falls back
        // to the `urls` it read at start; ";" is a list of no addresses.
        builder.WebHost.UseUrls(";");
        builder.WebHost.ConfigureKestrel(kestrel => KestrelListeners.Configure(kestrel, urls, options.Gateway.Tcp));
    }
    else
    {
        builder.WebHost.UseUrls(urls);
    }

    var journal = JournalDatabase.From(options);
    journal.Prepare();
    builder.Services.AddHealthChecks();
    builder.Services.AddExchange(options, journal);
    builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024);
    builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));

    var app = builder.Build();
    app.MapExchangeHealth();
    app.MapOrderApi();
    app.MapGatewayWebSocket(options.Gateway);
    app.MapLoomAdmin([ExchangeAdmin.OrderBookRegionName])?.MapExchangePalette();

    var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LoomExchange.Node");
    var timing = app.Services.GetRequiredService<ClusterTiming>();
    app.Lifetime.ApplicationStarted.Register(() => log.LogInformation(
        "Loom Exchange node listening: http {Urls}, cluster {Host}:{Port} (seeds: {Seeds}), journal {Journal}, instruments {Instruments}; {Timing}",
        string.Join(", ", app.Urls),
        options.Cluster.Host,
        options.Cluster.Port,
        options.Cluster.Seeds.Count == 0 ? "none, joins itself" : string.Join(", ", options.Cluster.Seeds),
        journal.Describe(),
        string.Join(", ", options.Instruments.Select(i => i.Symbol)),
        timing));

    // Resolved once the host has started, not before: resolving it creates the actor system, and the hosted services that
    // must run first (the PostgreSQL schema gate) would then run after it.
    Akka.Actor.ActorSystem? actorSystem = null;
    app.Lifetime.ApplicationStarted.Register(() => actorSystem = app.Services.GetRequiredService<Akka.Actor.ActorSystem>());
    await app.RunAsync().ConfigureAwait(false);
    var stoppedBecause = actorSystem is null ? null : ShutdownExitCode.Apply(actorSystem);
    log.LogInformation("Stopped ({Reason}); exit code {ExitCode}", stoppedBecause?.GetType().Name ?? "host shutdown", Environment.ExitCode);
    return Environment.ExitCode;
}
