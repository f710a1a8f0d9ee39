using Akka.Persistence;
using Akka.Persistence.TestKit;
using LoomExchange.Actors.OrderBooks.Journal;

namespace LoomExchange.Actors.Tests;

/// <summary>
/// A journal write interceptor that the spec controls: it records every payload that reaches the journal,
/// signals arrivals, and while <see cref="Hold"/> is in force keeps writes waiting until <see cref="Release"/>
/// (or <see cref="FailHeld"/>).
/// These are the explicit signals the specs synchronise on (no sleeps).
/// </summary>
public sealed class JournalGate : IJournalInterceptor
{
    private readonly Lock _lock = new();
    private readonly List<object> _arrived = [];
    private readonly List<object> _written = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _arrivalWaiters = [];
    private TaskCompletionSource? _held;

    /// <summary>Payloads that reached the journal, in order (held or not).</summary>
    public IReadOnlyList<object> Arrived
    {
        get
        {
            lock (_lock)
            {
                return [.. _arrived];
            }
        }
    }

    /// <summary>Payloads that passed the gate and were stored, in order.</summary>
    public IReadOnlyList<object> Written
    {
        get
        {
            lock (_lock)
            {
                return [.. _written];
            }
        }
    }

    public IReadOnlyList<BookBatch> WrittenBatches => [.. Written.OfType<BookBatch>()];

    /// <summary>From now on writes wait at the gate until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_lock)
        {
            _held ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets every waiting write (and all later ones) through.</summary>
    public void Release()
    {
        TaskCompletionSource? held;
        lock (_lock)
        {
            held = _held;
            _held = null;
        }

        held?.TrySetResult();
    }

    /// <summary>Fails every waiting write as a broken journal would (a failure, not a rejection).</summary>
    public void FailHeld()
    {
        TaskCompletionSource? held;
        lock (_lock)
        {
            held = _held;
            _held = null;
        }

        held?.TrySetException(new TestJournalFailureException("journal unavailable (simulated)"));
    }

    /// <summary>Completes once <paramref name="count"/> payloads in total have reached the journal.</summary>
    public Task WhenArrived(int count)
    {
        lock (_lock)
        {
            if (_arrived.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _arrivalWaiters.Add((count, signal));
            return signal.Task;
        }
    }

    public async Task InterceptAsync(IPersistentRepresentation message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Task gate;
        List<TaskCompletionSource> ready = [];
        lock (_lock)
        {
            _arrived.Add(message.Payload);
            for (var i = _arrivalWaiters.Count - 1; i >= 0; i--)
            {
                if (_arrived.Count >= _arrivalWaiters[i].Count)
                {
                    ready.Add(_arrivalWaiters[i].Signal);
                    _arrivalWaiters.RemoveAt(i);
                }
            }

            gate = _held?.Task ?? Task.CompletedTask;
        }

        foreach (var signal in ready)
        {
            signal.TrySetResult();
        }

        await gate.ConfigureAwait(false);
        lock (_lock)
        {
            _written.Add(message.Payload);
        }
    }
}
