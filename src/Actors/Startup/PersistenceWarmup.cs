using Akka.Actor;
using Akka.Event;
using Akka.Pattern;
using Akka.Persistence;

namespace LoomExchange.Actors.Startup;

/// <summary>
/// Recovers one never-written persistence id through the default journal and snapshot store when the node starts,
/// then stops. The plugins start lazily, and their first load (connection pool, query compilation, JIT) took
/// 6-7 s on a freshly restarted node of the chaos run: a shard moved there by a failover waited that long for its
/// remember-entities store. Warming them before the node reports ready takes that cost out of the failover.
/// </summary>
public sealed class PersistenceWarmup : UntypedPersistentActor
{
    /// <summary>Read by every node, written by none: recovering it costs one snapshot query and one replay query.</summary>
    public const string WarmupPersistenceId = "loom-persistence-warmup";

    private readonly PersistenceWarmupStatus _status;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly DateTime _startedAt = DateTime.UtcNow;

    public PersistenceWarmup(PersistenceWarmupStatus status) => _status = status;

    public override string PersistenceId => WarmupPersistenceId;

    /// <summary>Under a backoff supervisor, so that a journal still unreachable at start is tried again (1 s .. 10 s).</summary>
    public static Props Props(PersistenceWarmupStatus status) =>
        BackoffSupervisor.Props(Backoff.OnStop(
            Akka.Actor.Props.Create(() => new PersistenceWarmup(status)),
            "warmup",
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(10),
            0.2,
            -1));

    protected override void OnRecover(object message)
    {
        if (message is RecoveryCompleted)
        {
            var took = DateTime.UtcNow - _startedAt;
            _log.Info("persistence plugins warm: recovery of {0} took {1:0} ms", WarmupPersistenceId, took.TotalMilliseconds);
            _status.MarkWarm(took);
            Context.Stop(Context.Parent); // the supervisor would start a stopped child again
        }
    }

    protected override void OnCommand(object message) => Unhandled(message);

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _log.Warning("persistence warm-up failed ({0}: {1}); trying again", reason.GetType().Name, reason.Message);
        base.OnRecoveryFailure(reason, message);
    }
}
