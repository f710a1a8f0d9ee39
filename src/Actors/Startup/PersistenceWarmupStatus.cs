namespace LoomExchange.Actors.Startup;

/// <summary>Whether <see cref="PersistenceWarmup"/> has finished: the node's readiness waits for it.</summary>
public sealed class PersistenceWarmupStatus
{
    private readonly TaskCompletionSource<TimeSpan> _warm = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsWarm => _warm.Task.IsCompleted;

    /// <summary>How long the warm-up took, its read-only recoveries included (completes once).</summary>
    public Task<TimeSpan> Warm => _warm.Task;

    /// <summary>Snapshots and events the read-only recoveries of real ids read (set before <see cref="Warm"/> completes).</summary>
    public long ProbedMessages { get; private set; }

    /// <summary>Read-only recoveries that failed; the warm-up reports warm anyway (set before <see cref="Warm"/> completes).</summary>
    public int ProbeFailures { get; private set; }

    internal void MarkWarm(TimeSpan took, long probedMessages, int probeFailures)
    {
        ProbedMessages = probedMessages;
        ProbeFailures = probeFailures;
        _warm.TrySetResult(took);
    }
}
