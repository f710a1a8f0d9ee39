using Akka.Actor;
using LoomExchange.Actors.Protocol;

namespace LoomExchange.Cluster.Tests;

/// <summary>
/// What the load's answers and the books say afterwards: every acknowledged order is in its book exactly once, no client
/// order id was acknowledged as two different orders, and no symbol was ever served by two nodes at once.
/// </summary>
internal static class LoadVerdict
{
    /// <summary>Acknowledged = executed, or a duplicate answer pointing at the original: both promise the order exists.</summary>
    public static bool IsAcknowledged(FeederAnswer answer) => answer.Result.Status is CommandStatus.Executed or CommandStatus.Duplicate;

    /// <summary>Each client order id acknowledged with one order id only.</summary>
    public static Dictionary<long, long> AcknowledgedOnce(OrderLoad load)
    {
        var orderIds = new Dictionary<long, long>();
        foreach (var (order, answer) in load.Answers.Where(a => IsAcknowledged(a.Answer)).Select(a => (a.Order, a.Answer)))
        {
            if (orderIds.TryGetValue(order.ClientOrderId, out var first))
            {
                Assert.True(first == answer.Result.OrderId, $"client order {order.ClientOrderId} acknowledged as order {first} and as order {answer.Result.OrderId}");
            }
            else
            {
                orderIds[order.ClientOrderId] = answer.Result.OrderId;
            }
        }

        var otherAnswers = load.Answers.Where(a => !IsAcknowledged(a.Answer) && !OrderLoad.IsRetryable(a.Answer)).ToList();
        Assert.True(otherAnswers.Count == 0, "unexpected rejects: " + string.Join(", ", otherAnswers.Take(5).Select(a => $"{a.Order.ClientOrderId}: {a.Answer.Result.RejectReason}")));
        return orderIds;
    }

    /// <summary>Reads every book through <paramref name="via"/> and checks the acknowledged orders are all there, once.</summary>
    public static async Task BooksHoldEveryAcknowledgedOrderAsync(TestCluster cluster, ClusterNode via, OrderLoad load, long accountId)
    {
        var acknowledged = AcknowledgedOnce(load);
        var unanswered = load.Unanswered.Select(o => o.ClientOrderId).ToHashSet();
        var inBooks = new Dictionary<long, long>();
        foreach (var symbol in cluster.Symbols)
        {
            var book = await TestCluster.OrdersAsync(via, symbol, TimeSpan.FromSeconds(30));
            Assert.True(book is not null, $"book {symbol} did not answer through {via}");
            foreach (var order in book.Orders.Where(o => o.AccountId == accountId))
            {
                Assert.True(inBooks.TryAdd(order.ClientOrderId, order.OrderId), $"client order {order.ClientOrderId} rests twice (orders {inBooks.GetValueOrDefault(order.ClientOrderId)} and {order.OrderId})");
            }
        }

        var lost = acknowledged.Where(a => !inBooks.TryGetValue(a.Key, out var orderId) || orderId != a.Value).Select(a => a.Key).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged orders missing from the books, e.g. client order ids {string.Join(", ", lost.Take(10))}");
        var unexplained = inBooks.Keys.Where(id => !acknowledged.ContainsKey(id) && !unanswered.Contains(id)).ToList();
        Assert.True(unexplained.Count == 0, $"orders in the books that were neither acknowledged nor left unanswered: {string.Join(", ", unexplained.Take(10))}");
    }

    /// <summary>
    /// For each symbol, the acknowledgements each node gave span a time interval; no two nodes' intervals may overlap
    /// (a symbol moves from one node to another, it is never served by both).
    /// </summary>
    public static void NoSymbolServedByTwoNodesAtOnce(OrderLoad load)
    {
        foreach (var bySymbol in load.Answers.Where(a => IsAcknowledged(a.Answer)).GroupBy(a => a.Order.Symbol))
        {
            var spans = bySymbol
                .GroupBy(a => a.Answer.Host)
                .Select(g => (Host: g.Key, From: g.Min(a => a.Answer.ReceivedAtTicks), To: g.Max(a => a.Answer.ReceivedAtTicks)))
                .OrderBy(s => s.From)
                .ToList();
            for (var i = 1; i < spans.Count; i++)
            {
                Assert.True(
                    spans[i].From > spans[i - 1].To,
                    $"{bySymbol.Key} was served by {spans[i - 1].Host} until {Time(spans[i - 1].To)} and by {spans[i].Host} from {Time(spans[i].From)}");
            }
        }
    }

    /// <summary>How long after <paramref name="sinceTicks"/> the last of <paramref name="symbols"/> was first acknowledged by a node other than <paramref name="gone"/>.</summary>
    public static TimeSpan ServedAgainAfter(OrderLoad load, IEnumerable<string> symbols, long sinceTicks, Address gone) =>
        TimeSpan.FromTicks(symbols.Max(symbol => load.Answers
            .Where(a => a.Order.Symbol == symbol && IsAcknowledged(a.Answer) && a.Answer.ReceivedAtTicks > sinceTicks && a.Answer.Host != gone)
            .Min(a => a.Answer.ReceivedAtTicks)) - sinceTicks);

    /// <summary>The node whose book answered most recently for each symbol.</summary>
    public static Dictionary<string, Address> CurrentHosts(OrderLoad load) => load.Answers
        .Where(a => IsAcknowledged(a.Answer))
        .GroupBy(a => a.Order.Symbol)
        .ToDictionary(g => g.Key, g => g.MaxBy(a => a.Answer.ReceivedAtTicks)!.Answer.Host);

    private static string Time(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
}
