using System.Threading.Channels;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Client;

/// <summary>
/// Every execution report the client receives from the moment of subscribing (nothing is replayed), buffered
/// without bound until read. Dispose to stop receiving.
/// </summary>
public sealed class ReportSubscription : IDisposable
{
    private readonly Channel<ExecutionReport> _channel = Channel.CreateUnbounded<ExecutionReport>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly ReportSubscribers _owner;

    internal ReportSubscription(ReportSubscribers owner)
    {
        _owner = owner;
    }

    public ChannelReader<ExecutionReport> Reader => _channel.Reader;

    public void Dispose()
    {
        _owner.Remove(this);
        _channel.Writer.TryComplete();
    }

    internal void Publish(ExecutionReport report) => _channel.Writer.TryWrite(report);

    internal void Complete(Exception? error) => _channel.Writer.TryComplete(error);
}

/// <summary>The current subscriptions, copied on change so that publishing takes no lock.</summary>
internal sealed class ReportSubscribers
{
    private readonly Lock _gate = new();
    private ReportSubscription[] _subscriptions = [];
    private bool _completed;

    public ReportSubscription Add()
    {
        var subscription = new ReportSubscription(this);
        lock (_gate)
        {
            if (_completed)
            {
                subscription.Complete(null);
                return subscription;
            }

            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    public void Remove(ReportSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = Array.FindAll(_subscriptions, s => s != subscription);
        }
    }

    public void Publish(ExecutionReport report)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Publish(report);
        }
    }

    public void CompleteAll(Exception? error)
    {
        ReportSubscription[] subscriptions;
        lock (_gate)
        {
            _completed = true;
            subscriptions = _subscriptions;
            _subscriptions = [];
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Complete(error);
        }
    }
}
