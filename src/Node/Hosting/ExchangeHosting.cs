using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using Akka.Remote.Hosting;
using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.OrderBooks;
using LoomExchange.Actors.Protocol;
using LoomExchange.Actors.Risk;
using LoomExchange.Actors.Serialization;
using LoomExchange.Actors.Sharding;
using LoomExchange.Actors.Startup;
using LoomExchange.Clustering;
using LoomExchange.Gateway;
using LoomExchange.Gateway.Accounts;
using LoomExchange.Gateway.Sessions;
using LoomExchange.Messages.Configuration;
using LoomExchange.Node.Admin;
using LoomExchange.Node.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LoomExchange.Node.Hosting;

/// <summary>The composition root of the actor system: every Akka setting of the node is made here, from <see cref="LoomOptions"/>.</summary>
public static class ExchangeHosting
{
    public const string ExchangeRole = "exchange";

    /// <summary>HOCON path of the books' group-commit SQLite journal.</summary>
    public const string BookJournalPluginId = "loom.book-journal";

    /// <summary>The sharding type name of the order books (part of every shard store's persistence id).</summary>
    public const string OrderBookRegionTypeName = "orderbook";

    /// <param name="configureAkka">Extra Akka settings applied last (tests use it for the throttling transport).</param>
    public static IServiceCollection AddExchange(
        this IServiceCollection services,
        LoomOptions options,
        JournalDatabase journal,
        Action<AkkaConfigurationBuilder>? configureAkka = null)
    {
        options.OrderBook.Validate();
        var registry = new InstrumentRegistry(options.Instruments.Select(i => i.ToSpec()));
        var blocklist = new AccountBlocklist();
        var bookSettings = new OrderBookSettings
        {
            SnapshotEveryEvents = options.OrderBook.SnapshotEveryEvents,
            SnapshotEveryWrites = options.OrderBook.SnapshotEveryWrites,
            DedupCapacity = options.OrderBook.DedupCapacity,
            MaxCommandsPerWrite = options.OrderBook.MaxCommandsPerWrite,
            MaxWritesInFlight = options.OrderBook.MaxWritesInFlight,
            JournalPluginId = journal.BookJournalConnectionString is null ? null : BookJournalPluginId,
            AccountEventsPath = "/user/" + AccountEventsHub.Name,
            Blocklist = blocklist,
        };
        options.Gateway.Validate(options.Profile);
        var gateway = new GatewayHost(options.Gateway, registry);
        var cluster = options.Cluster;
        var timing = ClusterTiming.From(cluster.FailureDetector, cluster.SplitBrain);
        var seeds = cluster.Seeds.Select(SeedAddress).ToList();
        var shardRetryInterval = DurationText.Parse(cluster.ShardRetryInterval, "Loom:Cluster:ShardRetryInterval");
        var rememberEntitiesStore = RememberEntitiesStoreFrom(cluster.RememberEntitiesStore);
        services.AddSingleton(registry);
        services.AddSingleton(timing);
        services.AddSingleton(blocklist);
        services.AddSingleton(bookSettings);
        services.AddSingleton(journal);
        services.AddSingleton(gateway);
        var warmup = new PersistenceWarmupStatus();
        services.AddSingleton(warmup);

        // Before AddAkka: hosted services start in the order they were added (see PostgresSchemaGateService).
        services.AddHostedService<PostgresSchemaGateService>();
        var extractor = new SymbolMessageExtractor(cluster.ShardCount);
        var warmupTargets = WarmupTargets.For(
            options.Instruments.Select(i => i.Symbol),
            extractor.ShardOf,
            OrderBookRegionTypeName,
            shardStoresInJournal: rememberEntitiesStore == RememberEntitiesStore.Eventsourced,
            bookSettings.JournalPluginId);
        services.AddAkka(cluster.SystemName, (akka, provider) =>
        {
            akka.ConfigureLoggers(loggers =>
                {
                    loggers.LogLevel = AkkaLogLevel.From(provider.GetRequiredService<IConfiguration>()[AkkaLogLevel.ConfigurationKey]);
                    loggers.ClearLoggers();
                    loggers.AddLoggerFactory();
                })
                .WithRemoting(cluster.Host, cluster.Port)
                .WithClustering(new ClusterOptions
                {
                    Roles = [ExchangeRole],
                    // Joined by hand after the persistence warm-up (below), not at start: see JoinAfterWarmupAsync.
                    SeedNodes = null,
                })
                .AddHocon(timing.ToConfig(), HoconAddMode.Prepend)
                .AddHocon(ShardingTuning(shardRetryInterval), HoconAddMode.Prepend)
                .WithCustomSerializer("loom", [typeof(IExchangeMessage)], system => new ExchangeSerializer(system))
                .WithStrictSerialization()
                .WithSqlPersistence(journal.ConnectionString, journal.LinqToDbProvider)
                .AddHocon(JournalTuning(options, journal), HoconAddMode.Prepend)
                .WithShardRegion<OrderBookRegion>(
                    OrderBookRegionTypeName,
                    symbol => OrderBookActor.Props(symbol, registry, bookSettings, TimeProvider.System),
                    extractor,
                    new ShardOptions
                    {
                        Role = ExchangeRole,
                        RememberEntities = true,
                        RememberEntitiesStore = rememberEntitiesStore,
                        StateStoreMode = StateStoreMode.DData,
                        HandOffStopMessage = StopBook.Instance,
                    })
                // The hubs meet over distributed pub-sub, one topic per account with a session; most maker fills concern
                // accounts with no session anywhere, which is normal, not a dead letter worth logging.
                .AddHocon("akka.cluster.pub-sub.send-to-dead-letters-when-no-subscribers = off", HoconAddMode.Prepend)
                .WithActors((system, actors, _) =>
                {
                    // The gateway starts with the actor system: the hub at AccountEventsPath, the registry, the TCP listener.
                    system.ActorOf(PersistenceWarmup.Props(warmup, warmupTargets), "persistence-warmup");
                    system.ActorOf(PersistencePluginWatchdog.Props([null, bookSettings.JournalPluginId]), "persistence-watchdog");
                    timing.StartCrashedNodeDowning(system);
                    var region = actors.Get<OrderBookRegion>();
                    gateway.StartAsync(system, region).GetAwaiter().GetResult();

                    // For admin commands (exchange sessions, exchange kick): the registry answers ListSessions and KickSession.
                    actors.Register<SessionRegistry>(gateway.Context!.SessionRegistry);
                    actors.Register<AccountEventsHub>(gateway.Context.AccountEvents);
                })
                .WithExchangeAdmin(registry, blocklist)
                .WithActorSystemLivenessCheck()
                .WithAkkaClusterReadinessCheck()
                .WithHealthCheck(
                    "journal",
                    async (_, _, cancellationToken) => await journal.IsReachableAsync(cancellationToken).ConfigureAwait(false)
                        ? HealthCheckResult.Healthy($"journal reachable ({journal.Provider})")
                        : HealthCheckResult.Unhealthy($"journal unreachable ({journal.Describe()})"),
                    HealthStatus.Unhealthy,
                    ["ready"])
                .WithHealthCheck(
                    "persistence-warmup",
                    (_, _, _) => Task.FromResult(warmup.IsWarm
                        ? HealthCheckResult.Healthy($"journal and snapshot store started ({warmup.Warm.Result.TotalMilliseconds:0} ms)")
                        : HealthCheckResult.Unhealthy("journal and snapshot store still starting: a book moved here now would wait for them")),
                    HealthStatus.Unhealthy,
                    ["ready"])
                .WithHealthCheck(
                    "sharding",
                    async (_, actors, _) => await ShardingIsRoutableAsync(actors).ConfigureAwait(false)
                        ? HealthCheckResult.Healthy("the order-book shard coordinator answers")
                        : HealthCheckResult.Unhealthy("the order-book shard coordinator does not answer yet"),
                    HealthStatus.Unhealthy,
                    ["ready"])
                .AddStartup((system, unusedRegistry) =>
                {
                    // No seeds configured: a single-node cluster that joins itself (also right for port 0).
                    if (cluster.Seeds.Count == 0)
                    {
                        var self = Cluster.Get(system);
                        self.Join(self.SelfAddress);
                    }
                    else
                    {
                        _ = JoinAfterWarmupAsync(system, seeds, warmup);
                    }
                });
            configureAkka?.Invoke(akka);
        });
        return services;
    }

    /// <summary>
    /// Joins the seeds once the journal and snapshot store are warm, or after <see cref="JoinWarmupCap"/> at most.
    /// </summary>
    /// <remarks>
    /// The chaos run showed restarted nodes marked unreachable about 2 s after they became Up, and with a 500 ms
    /// acceptable pause downed: their first seconds (JIT, plugin start-up) starve the heartbeat. Doing that work before
    /// joining keeps the cluster from watching a node while it is busiest. The cap keeps joining independent of the
    /// journal: a node whose journal is down still joins (and reports not ready).
    /// </remarks>
    private static async Task JoinAfterWarmupAsync(ActorSystem system, IReadOnlyList<Address> seeds, PersistenceWarmupStatus warmup)
    {
        try
        {
            await warmup.Warm.WaitAsync(JoinWarmupCap).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            system.Log.Warning("persistence warm-up not done after {0}; joining the cluster anyway", JoinWarmupCap);
        }

        Cluster.Get(system).JoinSeedNodes(seeds);
    }

    private static readonly TimeSpan JoinWarmupCap = TimeSpan.FromSeconds(20);

    /// <summary>Checked at start: the join itself happens later, where a bad address would go unnoticed.</summary>
    internal static Address SeedAddress(string seed)
    {
        try
        {
            return Address.Parse(seed);
        }
        catch (Exception error) when (error is UriFormatException or ArgumentException or FormatException)
        {
            throw new InvalidConfigurationException($"Loom:Cluster:Seeds: '{seed}' is not an Akka address (akka.tcp://loom@host:port)", error);
        }
    }

    /// <summary>
    /// Ready means an order would be routed now: the region's question for the cluster's regions is answered
    /// by the shard coordinator only once it runs and this region has registered with it.
    /// </summary>
    private static async Task<bool> ShardingIsRoutableAsync(ActorRegistry actors)
    {
        if (!actors.TryGet<OrderBookRegion>(out var region))
        {
            return false;
        }

        try
        {
            var regions = await region.Ask<CurrentRegions>(GetCurrentRegions.Instance, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            return regions.Regions.Count > 0;
        }
        catch (AskTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Parses <c>Loom:Cluster:RememberEntitiesStore</c>; an error names the key and the accepted values.</summary>
    internal static RememberEntitiesStore RememberEntitiesStoreFrom(string value) => value?.Trim().ToLowerInvariant() switch
    {
        "ddata" => RememberEntitiesStore.DData,
        "eventsourced" => RememberEntitiesStore.Eventsourced,
        _ => throw new InvalidConfigurationException($"Loom:Cluster:RememberEntitiesStore '{value}' is not one of ddata, eventsourced"),
    };

    /// <summary>
    /// While a shard has no home (its node crashed and the coordinator has not placed it yet), regions buffer its
    /// messages and ask the coordinator again every retry interval: Akka's 2 s would add up to 2 s to every failover.
    /// </summary>
    /// <remarks>
    /// The chaos run (docs/benchmarks.md) showed a moved shard's first load of its remembered entities from a busy
    /// journal exceeding Akka's 5 s, after which the shard stopped and waited out a 10 s backoff: up to 20 s without
    /// books. The load gets 10 s and a failed shard retries after 1 s. A rebalance gives up after 3 s instead of 60 s:
    /// when the node a shard was being rebalanced onto is killed, the coordinator's rebalance worker keeps waiting for
    /// that dead region's acknowledgement until this timeout (seen in the chaos run), and the book answers nothing
    /// meanwhile. A hand-off that times out leaves the shard where it was; a normal one takes well under 1 s.
    /// The ddata remember-entities store keeps no durable (LMDB) copy: the journal is the durable record of every
    /// book, and a forgotten book starts on its first order.
    /// </remarks>
    private static Config ShardingTuning(TimeSpan retryInterval) =>
        ConfigurationFactory.ParseString($$"""
            akka.cluster.sharding {
              retry-interval = {{DurationText.ToHocon(retryInterval)}}
              waiting-for-state-timeout = 10s
              updating-state-timeout = 10s
              shard-failure-backoff = 1s
              handoff-timeout = 3s
              distributed-data.durable.keys = []
            }
            """);

    /// <summary>
    /// Journal settings that Akka.Persistence.Sql.Hosting has no option for: batching and write parallelism.
    /// SQLite has a single writer per file, so one write at a time; PostgreSQL group-commits concurrent ones.
    /// </summary>
    private static Config JournalTuning(LoomOptions options, JournalDatabase journal)
    {
        var parallelism = options.Persistence.Parallelism ?? (journal.IsSqlite ? 1 : 4);
        var bookJournal = journal.BookJournalConnectionString is null ? string.Empty : $$"""
            loom.book-journal {
              class = "{{typeof(Actors.Journal.GroupCommitSqliteJournal).AssemblyQualifiedName}}"
              plugin-dispatcher = "akka.actor.default-dispatcher"
              connection-string = "{{HoconString(journal.BookJournalConnectionString)}}"
            }
            """;
        var postgresBookWrites = journal.IsSqlite || !options.Persistence.DirectBookWrites ? string.Empty : $$"""
            {{Actors.Journal.BookJournalWriters.PostgresConfigPath}} {
              connection-string = "{{HoconString(journal.ConnectionString)}}"
              table-name = "journal"
            }
            """;
        return ConfigurationFactory.ParseString($$"""
            akka.persistence.journal.sql {
              batch-size = {{options.Persistence.BatchSize}}
              parallelism = {{parallelism}}
            }
            {{bookJournal}}
            {{postgresBookWrites}}
            """);
    }

    /// <summary>A value for a quoted HOCON string: backslashes and quotes escaped.</summary>
    private static string HoconString(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
