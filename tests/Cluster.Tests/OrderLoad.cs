using System.Collections.Concurrent;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Cluster.Tests;

/// <summary>
/// Clients placing resting orders through every live node while a spec breaks the cluster. Like the client library,
/// a client that gets no answer, or a retryable reject, tries again through another node with the same client order id,
/// until the order is answered for good. Every answer is kept for the spec's verdict.
/// </summary>
internal sealed class OrderLoad
{
    /// <summary>A command sent to a book on a node that just died is lost with it: the client asks again this soon.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);
    private readonly TestCluster _cluster;
    private readonly long _accountId;
    private readonly int _clients;
    private readonly ConcurrentQueue<LoadAnswer> _answers = new();
    private readonly ConcurrentDictionary<long, ClientOrder> _unanswered = new();
    private long _nextClientOrderId;
    private long _drainUntilTicks = long.MaxValue;

    public OrderLoad(TestCluster cluster, long accountId, int clients)
    {
        _cluster = cluster;
        _accountId = accountId;
        _clients = clients;
    }

    public IReadOnlyCollection<LoadAnswer> Answers => _answers;

    /// <summary>Orders that never got a final answer (only timeouts): they may or may not be in a book.</summary>
    public IReadOnlyCollection<ClientOrder> Unanswered => [.. _unanswered.Values];

    public int FinalAnswerCount => _answers.Count(a => !IsRetryable(a.Answer));

    /// <summary>Runs until <paramref name="stop"/>; the order each client has in hand is still taken to a final answer (bounded by <paramref name="drain"/>).</summary>
    public async Task RunAsync(CancellationToken stop, TimeSpan drain)
    {
        using var registration = stop.Register(() => Interlocked.Exchange(ref _drainUntilTicks, DateTime.UtcNow.Add(drain).Ticks));
        await Task.WhenAll(Enumerable.Range(0, _clients).Select(client => Task.Run(() => ClientAsync(client, stop)))).ConfigureAwait(false);
    }

    /// <summary>Waits until at least <paramref name="count"/> more orders are finally answered than now.</summary>
    public Task AwaitProgressAsync(int count, TimeSpan within)
    {
        var target = FinalAnswerCount + count;
        return Eventually.HoldsAsync($"{count} more orders answered", within, () => FinalAnswerCount >= target);
    }

    public static bool IsRetryable(FeederAnswer answer) =>
        answer.Result.Status == Actors.Protocol.CommandStatus.Rejected && answer.Result.RejectReason == RejectReason.ServiceUnavailable;

    private async Task ClientAsync(int client, CancellationToken stop)
    {
        var attempt = client;
        while (!stop.IsCancellationRequested)
        {
            var clientOrderId = Interlocked.Increment(ref _nextClientOrderId);
            var symbol = _cluster.Symbols[(int)(clientOrderId % _cluster.Symbols.Count)];
            var order = ClientOrder.RestingBuy(symbol, _accountId, clientOrderId);
            _unanswered[clientOrderId] = order;
            while (DateTime.UtcNow.Ticks < Interlocked.Read(ref _drainUntilTicks))
            {
                var live = _cluster.Live;
                if (live.Count == 0)
                {
                    return;
                }

                var via = live[attempt++ % live.Count];
                var answer = await _cluster.SendAsync(via, order, AttemptTimeout).ConfigureAwait(false);
                if (answer is null)
                {
                    continue;
                }

                _answers.Enqueue(new LoadAnswer(order, answer));
                if (!IsRetryable(answer))
                {
                    _unanswered.TryRemove(clientOrderId, out _);
                    break;
                }
            }
        }
    }
}
