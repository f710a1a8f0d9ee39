using Akka.Actor;
using Akka.Event;
using Akka.Pattern;
using Akka.Persistence;

namespace LoomExchange.Actors.Startup;

/// <summary>
/// Recovers one never-written persistence id through the default journal and snapshot store when the node starts,
/// then a few real ones read-only (<see cref="RecoveryProbe"/>), then stops. The plugins start lazily, and their first
/// load (connection pool, query compilation, JIT) took 6-7 s on a freshly restarted node of the chaos run: a shard moved
/// there by a failover waited that long for its remember-entities store. The empty id alone left a second cost: the
/// first rows a node read (row mapping, the sharding and book deserializers) held every shard moved there for 0.7-1.6 s,
/// all finishing at the same instant, against 10-50 ms for the next move to the same node. Reading real rows of a few
/// shard stores and books before the node reports ready takes both costs out of the failover.
/// </summary>
public sealed class PersistenceWarmup : UntypedPersistentActor
{
    /// <summary>Read by every node, written by none: recovering it costs one snapshot query and one replay query.</summary>
    public const string WarmupPersistenceId = "loom-persistence-warmup";

    /// <summary>Probes that have not answered by then are left behind: a slow journal must not hold readiness forever.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);

    private readonly PersistenceWarmupStatus _status;
    private readonly IReadOnlyList<RecoveryProbeTarget> _probes;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly DateTime _startedAt = DateTime.UtcNow;
    private readonly HashSet<IActorRef> _running = [];
    private long _probedMessages;
    private int _probeFailures;
    private TimeSpan _emptyRecovery;

    public PersistenceWarmup(PersistenceWarmupStatus status, IReadOnlyList<RecoveryProbeTarget> probes)
    {
        _status = status;
        _probes = probes;
    }

    public override string PersistenceId => WarmupPersistenceId;

    /// <summary>Under a backoff supervisor, so that a journal still unreachable at start is tried again (1 s .. 10 s).</summary>
    public static Props Props(PersistenceWarmupStatus status, IReadOnlyList<RecoveryProbeTarget>? probes = null)
    {
        IReadOnlyList<RecoveryProbeTarget> targets = probes ?? [];
        return BackoffSupervisor.Props(Backoff.OnStop(
            Akka.Actor.Props.Create(() => new PersistenceWarmup(status, targets)),
            "warmup",
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(10),
            0.2,
            -1));
    }

    protected override void OnRecover(object message)
    {
        if (message is not RecoveryCompleted)
        {
            return;
        }

        _emptyRecovery = DateTime.UtcNow - _startedAt;
        foreach (var target in _probes)
        {
            var probe = Context.ActorOf(RecoveryProbe.Props(target, Self));
            Context.Watch(probe);
            _running.Add(probe);
        }

        if (_running.Count == 0)
        {
            Finish();
            return;
        }

        SetReceiveTimeout(ProbeTimeout);
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case RecoveryProbeResult result:
                _probedMessages += result.Offered;
                if (result.Failure is not null)
                {
                    // The book or shard itself will meet the same failure and report it; the warm-up only must not hang on it.
                    _probeFailures++;
                    _log.Warning("persistence warm-up: reading {0} failed: {1}", result.PersistenceId, result.Failure);
                }

                break;
            case Terminated terminated:
                _running.Remove(terminated.ActorRef);
                if (_running.Count == 0)
                {
                    Finish();
                }

                break;
            case ReceiveTimeout:
                _log.Warning("persistence warm-up: {0} of {1} read-only recoveries did not finish within {2:0} s; reporting warm without them", _running.Count, _probes.Count, ProbeTimeout.TotalSeconds);
                Finish();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _log.Warning("persistence warm-up failed ({0}: {1}); trying again", reason.GetType().Name, reason.Message);
        base.OnRecoveryFailure(reason, message);
    }

    private void Finish()
    {
        SetReceiveTimeout(null);
        var took = DateTime.UtcNow - _startedAt;
        _log.Info(
            "persistence plugins warm: recovery of {0} took {1:0} ms; {2} read-only recoveries of real ids read {3} snapshots and events ({4} failed) in {5:0} ms",
            WarmupPersistenceId,
            _emptyRecovery.TotalMilliseconds,
            _probes.Count,
            _probedMessages,
            _probeFailures,
            (took - _emptyRecovery).TotalMilliseconds);
        _status.MarkWarm(took, _probedMessages, _probeFailures);
        Context.Stop(Context.Parent); // the supervisor would start a stopped child again
    }
}
