using Akka.Actor;
using Akka.Persistence;

namespace LoomExchange.Actors.Startup;

/// <summary>
/// Recovers someone else's persistence id read-only (it never persists, so the owner and the journal are untouched),
/// counts what it was offered, answers <see cref="RecoveryProbeResult"/> and stops. The warm-up uses it to take real
/// rows through the journal and snapshot store once before the node reports ready: the first rows a node reads pay
/// for row mapping, deserializers and stream stages that a recovery of an empty id never reaches.
/// </summary>
public sealed class RecoveryProbe : UntypedPersistentActor
{
    private readonly RecoveryProbeTarget _target;
    private readonly IActorRef _replyTo;
    private long _offered;

    public RecoveryProbe(RecoveryProbeTarget target, IActorRef replyTo)
    {
        _target = target;
        _replyTo = replyTo;
        if (target.JournalPluginId is not null)
        {
            JournalPluginId = target.JournalPluginId;
        }
    }

    public override string PersistenceId => _target.PersistenceId;

    public static Props Props(RecoveryProbeTarget target, IActorRef replyTo) =>
        Akka.Actor.Props.Create(() => new RecoveryProbe(target, replyTo));

    protected override void OnRecover(object message)
    {
        if (message is RecoveryCompleted)
        {
            _replyTo.Tell(new RecoveryProbeResult(_target.PersistenceId, _offered, null));
            Context.Stop(Self);
            return;
        }

        _offered++;
    }

    protected override void OnCommand(object message) => Unhandled(message);

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _replyTo.Tell(new RecoveryProbeResult(_target.PersistenceId, _offered, reason.Message));
        base.OnRecoveryFailure(reason, message);
    }
}
