using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;
using LoomExchange.Admin;
using LoomExchange.Clustering;
using LoomExchange.Lighthouse;

// A configuration mistake ends the start with one line naming the key and exit code 2, not a stack trace.
return await ConfigurationErrorExit.RunAsync("loom-lighthouse", () => RunAsync(args)).ConfigureAwait(false);

static async Task<int> RunAsync(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Logging.ClearProviders();
    builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
    builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:5090");

    var settings = LighthouseSettings.From(builder.Configuration);

    // The same failure detector and Split Brain Resolver as the exchange nodes: a Lighthouse is often the leader that downs.
    var timing = ClusterTiming.From(
        ConfigurationBinding.Bind<FailureDetectorSettings>(builder.Configuration, "Loom:Cluster:FailureDetector"),
        ConfigurationBinding.Bind<SplitBrainSettings>(builder.Configuration, "Loom:Cluster:SplitBrain"));
    builder.Services.AddHealthChecks();
    builder.Services.AddAkka(settings.SystemName, (akka, _) =>
    {
        akka.ConfigureLoggers(loggers =>
            {
                loggers.LogLevel = AkkaLogLevel.From(builder.Configuration[AkkaLogLevel.ConfigurationKey]);
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            })
            .AddHocon(timing.ToConfig(), HoconAddMode.Prepend)
            .WithRemoting(settings.Host, settings.Port)
            .WithClustering(new ClusterOptions
            {
                Roles = [LighthouseRoles.Lighthouse],

                // Every Lighthouse lists the same seeds in the same order: the first seed alone may form a new cluster, and
                // only after finding none of the others, so Lighthouses started in any order make one cluster, not two.
                SeedNodes = settings.Seeds.Count > 0 ? [.. settings.Seeds] : [settings.SelfAddress],
            })
            .WithStrictSerialization()
            .WithActors((system, _) => timing.StartCrashedNodeDowning(system))
            .WithActorSystemLivenessCheck()
            .WithAkkaClusterReadinessCheck();
    });

    var app = builder.Build();
    app.MapHealthChecks("/health/live", new() { Predicate = check => check.Tags.Contains("liveness") });
    app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });

    // The cluster palette only: a Lighthouse hosts no shard regions, so the sharding queries say so (no_shard_regions).
    app.MapLoomAdmin([]);

    var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LoomExchange.Lighthouse");
    app.Lifetime.ApplicationStarted.Register(() => log.LogInformation(
        "Lighthouse {Address} listening (role {Role}), seeds: {Seeds}; http {Urls}; {Timing}",
        settings.SelfAddress,
        LighthouseRoles.Lighthouse,
        settings.Seeds.Count == 0 ? "none, joins itself" : string.Join(", ", settings.Seeds),
        string.Join(", ", app.Urls),
        timing));

    var actorSystem = app.Services.GetRequiredService<Akka.Actor.ActorSystem>();
    await app.RunAsync().ConfigureAwait(false);
    var stoppedBecause = ShutdownExitCode.Apply(actorSystem);
    log.LogInformation("Stopped ({Reason}); exit code {ExitCode}", stoppedBecause?.GetType().Name ?? "host shutdown", Environment.ExitCode);
    return Environment.ExitCode;
}
