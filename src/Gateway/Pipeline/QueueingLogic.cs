using Akka.Streams;
using Akka.Streams.Stage;

namespace LoomExchange.Gateway.Pipeline;

/// <summary>
/// The shape every gateway stage shares: one element in, any number out through a small queue, timers, and
/// "finish": complete after the queue is sent. A fault while handling an element ends only this connection:
/// <see cref="OnFault"/> turns it into a protocol answer instead of an exception escaping the stage.
/// </summary>
internal abstract class QueueingLogic<TIn, TOut> : TimerGraphStageLogic, IInHandler, IOutHandler
    where TOut : class
{
    private readonly Queue<TOut> _queue = new();

    protected QueueingLogic(FlowShape<TIn, TOut> shape)
        : base(shape)
    {
        In = shape.Inlet;
        Out = shape.Outlet;
        SetHandler(In, this);
        SetHandler(Out, this);
    }

    protected Inlet<TIn> In { get; }

    protected Outlet<TOut> Out { get; }

    protected int Queued => _queue.Count;

    /// <summary>Completing: nothing more is taken in; the stage completes once the queue is sent.</summary>
    protected bool Finishing { get; private set; }

    /// <summary>Whether to ask upstream for the next element now. By default: when everything before was passed on.</summary>
    protected virtual bool WantsInput => _queue.Count == 0 && IsAvailable(Out);

    public void OnPush()
    {
        var element = Grab(In);
        if (Finishing)
        {
            return;
        }

        try
        {
            OnElement(element);
        }
#pragma warning disable CA1031 // A fault must end this connection politely, never escape into the materializer.
        catch (Exception fault)
#pragma warning restore CA1031
        {
            OnFault(fault);
        }

        Flush();
    }

    public void OnPull() => Flush();

    public virtual void OnUpstreamFinish()
    {
        OnInputEnded(null);
        Finish();
    }

    public virtual void OnUpstreamFailure(Exception e)
    {
        OnInputEnded(e);
        Finish();
    }

    public virtual void OnDownstreamFinish(Exception cause) => CompleteStage();

    protected abstract void OnElement(TIn element);

    protected override void OnTimer(object timerKey)
    {
    }

    /// <summary>Turns an unexpected fault into output (e.g. ProtocolError + Logout) and usually <see cref="Finish"/>es.</summary>
    protected abstract void OnFault(Exception fault);

    /// <summary>The input ended (the peer closed, or failed with <paramref name="failure"/>); the stage finishes after this.</summary>
    protected virtual void OnInputEnded(Exception? failure)
    {
    }

    /// <summary>Called after each element was pushed downstream.</summary>
    protected virtual void OnPushed(TOut element)
    {
    }

    protected void Enqueue(TOut element) => _queue.Enqueue(element);

    protected void ClearQueue() => _queue.Clear();

    /// <summary>Takes no more input; completes once the queued elements are sent.</summary>
    protected void Finish()
    {
        Finishing = true;
        Flush();
    }

    /// <summary>Sends what it can and asks for more input when <see cref="WantsInput"/>.</summary>
    protected void Flush()
    {
        if (_queue.Count > 0 && IsAvailable(Out))
        {
            var element = _queue.Dequeue();
            Push(Out, element);
            OnPushed(element);
        }

        if (Finishing)
        {
            if (_queue.Count == 0)
            {
                CompleteStage();
            }

            return;
        }

        if (!IsClosed(In) && !HasBeenPulled(In) && WantsInput)
        {
            Pull(In);
        }
    }
}
