using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Xunit.Abstractions;

namespace LoomExchange.Node.Tests;

/// <summary>
/// "Acknowledged means durable", checked on the real process: whatever the node answered before a SIGKILL
/// is there after a restart on the same data directory, and retries of answered commands are recognised.
/// </summary>
public sealed class CrashRecoverySpecs(ITestOutputHelper output)
{
    private const int Workers = 8;
    private const int OperationsPerWorker = 40;
    private const int AcknowledgementsBeforeKill = 150;
    private const long FirstRoundAccounts = 1_000;
    private const long SecondRoundAccounts = 2_000;
    private const string SnapshotOften = "--Loom:OrderBook:SnapshotEveryEvents=25";

    private static readonly Market[] Markets =
    [
        new("AAPL", Mid: 100m, Tick: 0.01m, Lot: 1m, PriceDecimals: 2, QuantityDecimals: 0),
        new("MSFT", Mid: 300m, Tick: 0.01m, Lot: 1m, PriceDecimals: 2, QuantityDecimals: 0),
        new("SOL-USD", Mid: 20m, Tick: 0.001m, Lot: 0.25m, PriceDecimals: 3, QuantityDecimals: 3),
    ];

    private enum CommandKind
    {
        Place,
        Cancel,
        Amend,
    }

    [Fact]
    public async Task Should_keep_every_acknowledged_order_and_trade_after_SIGKILL()
    {
        await using var node = await NodeProcess.StartAsync();
        try
        {
            // Round 1: a mixed load (resting and crossing limits, IOC, cancels, amends), every request answered;
            // then SIGKILL on a quiet node. The books must come back exactly as the acknowledgements describe them.
            var firstRound = new ConcurrentQueue<Acknowledged>();
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => TradeMixedAsync(node.Client, w, firstRound)));
            Describe("round 1", firstRound);

            var beforeKill = new Dictionary<string, (BookOrdersReply Orders, BookStatusReply Status)>();
            foreach (var market in Markets)
            {
                var expected = ExpectedBook.FromEvents(market.Symbol, EventsOf(firstRound, market.Symbol));
                var orders = await node.Client.GetOrdersAsync(market.Symbol);
                var status = await node.Client.GetStatusAsync(market.Symbol);
                Assert.Equal(expected.Orders, orders.Orders.Select(ExpectedOrder.Of).OrderBy(o => o.OrderId));
                Assert.Equal(expected.Sequence, status.Sequence);
                Assert.Equal(status.Sequence, status.JournaledSequence);
                beforeKill[market.Symbol] = (orders, status);
            }

            var firstRoundEvents = firstRound.SelectMany(a => a.Reply.Events).ToList();
            Assert.Contains(firstRoundEvents, e => e.Type == "Trade");
            Assert.Contains(firstRoundEvents, e => e.Type == "Cancelled");
            Assert.Contains(firstRoundEvents, e => e.Type == "Amended");

            // No snapshot yet (the default interval is far away): this recovery replays the journal alone.
            await node.KillAsync();
            await node.RestartAsync(SnapshotOften);
            foreach (var market in Markets)
            {
                var (orders, status) = beforeKill[market.Symbol];
                var recovered = await node.Client.GetStatusAsync(market.Symbol);
                Assert.Equal(orders.Orders, (await node.Client.GetOrdersAsync(market.Symbol)).Orders);
                Assert.Equal(status.Sequence, recovered.Sequence);
                Assert.Equal(status.StateHash, recovered.StateHash);
            }

            // Round 2: resting orders far from round 1's prices (so they never trade with them) and cancels of
            // them, from eight clients that keep sending; SIGKILL lands while requests are in flight. The books
            // snapshot often now, so the next recovery is a snapshot plus the journal after it.
            var secondRound = new InFlightLog(AcknowledgementsBeforeKill);
            var clients = Task.WhenAll(Enumerable.Range(0, Workers).Select(w => PlaceAndCancelUntilKilledAsync(node.Client, w, secondRound)));
            await Task.WhenAny(secondRound.Enough.Task, clients).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(clients.IsCompleted, $"round 2's clients stopped before the kill: {clients.Exception?.InnerException}");
            await node.KillAsync();
            await clients;
            Describe("round 2", secondRound.Acknowledged.Values);
            output.WriteLine($"round 2: {secondRound.Unacknowledged.Count()} requests sent without an answer when the node was killed");

            await node.RestartAsync(SnapshotOften);
            var acknowledged = firstRound.Concat(secondRound.Acknowledged.Values).ToList();
            foreach (var market in Markets)
            {
                var status = await node.Client.GetStatusAsync(market.Symbol);
                var orders = (await node.Client.GetOrdersAsync(market.Symbol)).Orders;
                var acknowledgedSequence = EventsOf(acknowledged, market.Symbol).Select(e => e.Sequence).DefaultIfEmpty(0).Max();
                Assert.True(status.Sequence >= acknowledgedSequence, $"{market.Symbol}: recovered at sequence {status.Sequence}, below the acknowledged {acknowledgedSequence}");
                Assert.Equal(beforeKill[market.Symbol].Orders.Orders, orders.Where(o => o.AccountId < SecondRoundAccounts));
                AssertSecondRoundOrders(market, secondRound, orders.Where(o => o.AccountId >= SecondRoundAccounts).ToList());
            }

            // Every answered command, sent again with its account and client order id, is recognised as a retry.
            await ForEachAsync(acknowledged, async ack =>
            {
                using var response = await ack.Command.SendAsync(node.Client);
                var retry = await response.ReadAsync<OrderReply>();
                Assert.True(
                    retry.Status == "duplicate" && retry.OrderId == ack.Reply.OrderId && retry.RejectReason == ack.Reply.RejectReason && retry.Events.Count == 0,
                    $"retry of {ack.Command} answered {retry}, first answer {ack.Reply}");
            });

            // Unanswered places, retried as a client must: each order exists exactly once afterwards.
            var unanswered = secondRound.Unacknowledged.Where(c => c.Kind == CommandKind.Place).ToList();
            await ForEachAsync(unanswered, async command =>
            {
                using var response = await command.SendAsync(node.Client);
                var retry = await response.ReadAsync<OrderReply>();
                Assert.True(retry.Status is "executed" or "duplicate", $"retry of {command} answered {retry}");
            });
            var cancelled = secondRound.Sent.Where(c => c.Kind == CommandKind.Cancel).Select(c => (c.Symbol, c.TargetOrderId)).ToHashSet();
            foreach (var market in Markets)
            {
                var orders = (await node.Client.GetOrdersAsync(market.Symbol)).Orders;
                foreach (var place in secondRound.Sent.Where(c => c.Kind == CommandKind.Place && c.Symbol == market.Symbol))
                {
                    var orderId = secondRound.Acknowledged.TryGetValue(place.Key, out var ack) ? ack.Reply.OrderId : 0;
                    if (!cancelled.Contains((market.Symbol, orderId)))
                    {
                        Assert.Single(orders, o => o.AccountId == place.Account && o.ClientOrderId == place.ClientOrderId);
                    }
                }
            }
        }
        catch (Exception) when (Dump(node))
        {
            throw;
        }
    }

    /// <summary>
    /// Round 2's orders after the crash: an acknowledged order is there unchanged unless a cancel of it was
    /// acknowledged (then it is gone) or was in flight (then either); any other order is one whose place was in flight.
    /// </summary>
    private static void AssertSecondRoundOrders(Market market, InFlightLog log, List<RestingOrderView> orders)
    {
        var placed = log.Acknowledged.Values
            .Where(a => a.Command.Kind == CommandKind.Place && a.Command.Symbol == market.Symbol && a.Reply.Status == "executed")
            .ToDictionary(a => a.Reply.OrderId, a => a.Command);
        var cancels = log.Sent.Where(c => c.Kind == CommandKind.Cancel && c.Symbol == market.Symbol).ToList();
        var cancelledForSure = cancels
            .Where(c => log.Acknowledged.TryGetValue(c.Key, out var ack) && ack.Reply.Status == "executed")
            .Select(c => c.TargetOrderId)
            .ToHashSet();
        var cancelInFlight = cancels.Where(c => !log.Acknowledged.ContainsKey(c.Key)).Select(c => c.TargetOrderId).ToHashSet();
        var byId = orders.ToDictionary(o => o.OrderId);

        foreach (var (orderId, place) in placed)
        {
            if (cancelledForSure.Contains(orderId))
            {
                Assert.False(byId.ContainsKey(orderId), $"{market.Symbol}: order {orderId} is back although its cancel was acknowledged");
            }
            else if (byId.TryGetValue(orderId, out var order))
            {
                AssertIsOrderOf(place, order);
            }
            else
            {
                Assert.True(cancelInFlight.Contains(orderId), $"{market.Symbol}: acknowledged order {orderId} ({place}) is missing after the crash");
            }
        }

        foreach (var order in orders.Where(o => !placed.ContainsKey(o.OrderId)))
        {
            Assert.True(
                log.TrySent(order.AccountId, order.ClientOrderId, out var sent) && sent.Kind == CommandKind.Place && !log.Acknowledged.ContainsKey(sent.Key),
                $"{market.Symbol}: order {order} is neither acknowledged nor a place in flight at the crash");
            AssertIsOrderOf(sent, order);
        }
    }

    private static void AssertIsOrderOf(Command place, RestingOrderView order)
    {
        var expected = (place.Account, place.ClientOrderId, OrderApi.Number(place.Place!.Price), OrderApi.Number(place.Place.Quantity));
        Assert.Equal(expected, (order.AccountId, order.ClientOrderId, OrderApi.Number(order.Price), OrderApi.Number(order.LeavesQuantity)));
    }

    /// <summary>One client of round 1: places passive and crossing limits (some IOC), cancels and amends its own orders.</summary>
    private static async Task TradeMixedAsync(HttpClient client, int worker, ConcurrentQueue<Acknowledged> log)
    {
        var random = new Random(worker);
        var account = FirstRoundAccounts + worker;
        var clientOrderId = 0L;
        var open = new List<OpenOrder>();
        for (var i = 0; i < OperationsPerWorker; i++)
        {
            var market = Markets[random.Next(Markets.Length)];
            var roll = random.Next(100);
            var mine = open.Where(o => o.Market == market).ToList();
            Command command;
            OpenOrder? stillOpen = null;
            if (roll < 15 && mine.Count > 0)
            {
                var target = mine[random.Next(mine.Count)];
                open.Remove(target);
                command = new Command(CommandKind.Cancel, market.Symbol, account, ++clientOrderId, target.OrderId, null, null);
            }
            else if (roll < 30 && mine.Count > 0)
            {
                var target = mine[random.Next(mine.Count)];
                open.Remove(target);
                var priceRoll = random.Next(100);
                var price = priceRoll < 50 ? target.Price : market.Price(target.Side, crossing: priceRoll >= 85, random);
                var amend = new AmendOrder(account, ++clientOrderId, market.Format(price, market.PriceDecimals), market.Quantity(random));
                command = new Command(CommandKind.Amend, market.Symbol, account, clientOrderId, target.OrderId, null, amend);
                stillOpen = target with { Price = price };
            }
            else
            {
                var side = random.Next(2) == 0 ? "buy" : "sell";
                var crossing = roll >= 65;
                var price = market.Price(side, crossing, random);
                var tif = crossing && random.Next(3) == 0 ? "ioc" : null;
                var place = new PlaceOrder(market.Symbol, account, ++clientOrderId, side, market.Format(price, market.PriceDecimals), market.Quantity(random), TimeInForce: tif);
                command = new Command(CommandKind.Place, market.Symbol, account, clientOrderId, 0, place, null);
                stillOpen = tif is null ? new OpenOrder(market, 0, side, price) : null;
            }

            using var response = await command.SendAsync(client);
            var reply = await response.ReadAsync<OrderReply>();
            Assert.True(reply.Status is "executed" or "rejected", $"{command} answered {reply}");
            log.Enqueue(new Acknowledged(command, reply));
            if (stillOpen is not null && reply.Status == "executed")
            {
                // May have traded away meanwhile: a later cancel or amend of it is then rejected (UnknownOrder), also a case worth having.
                open.Add(stillOpen with { OrderId = reply.OrderId });
            }
        }
    }

    /// <summary>One client of round 2: far passive places and cancels of its own, until the node dies under it.</summary>
    private static async Task PlaceAndCancelUntilKilledAsync(HttpClient client, int worker, InFlightLog log)
    {
        var random = new Random(100 + worker);
        var account = SecondRoundAccounts + worker;
        var clientOrderId = 0L;
        var open = new List<OpenOrder>();
        while (true)
        {
            var market = Markets[random.Next(Markets.Length)];
            var mine = open.Where(o => o.Market == market).ToList();
            Command command;
            if (random.Next(4) == 0 && mine.Count > 0)
            {
                var target = mine[random.Next(mine.Count)];
                open.Remove(target);
                command = new Command(CommandKind.Cancel, market.Symbol, account, ++clientOrderId, target.OrderId, null, null);
            }
            else
            {
                var side = random.Next(2) == 0 ? "buy" : "sell";
                var price = market.FarPrice(side, random);
                var place = new PlaceOrder(market.Symbol, account, ++clientOrderId, side, market.Format(price, market.PriceDecimals), market.Quantity(random));
                command = new Command(CommandKind.Place, market.Symbol, account, clientOrderId, 0, place, null);
            }

            log.Send(command);
            OrderReply reply;
            try
            {
                using var response = await command.SendAsync(client);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    // e.g. 504: the outcome is unknown, as for a request cut by the kill.
                    return;
                }

                reply = await response.ReadAsync<OrderReply>();
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                // The node was killed under this request: its outcome is unknown.
                return;
            }

            Assert.True(reply.Status == "executed", $"{command} answered {reply}");
            log.Acknowledge(command, reply);
            if (command.Kind == CommandKind.Place)
            {
                open.Add(new OpenOrder(market, reply.OrderId, command.Place!.Side, 0));
            }
        }
    }

    private static IEnumerable<EventView> EventsOf(IEnumerable<Acknowledged> acknowledged, string symbol) =>
        acknowledged.Where(a => a.Command.Symbol == symbol).SelectMany(a => a.Reply.Events);

    private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> action) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (item, _) => await action(item));

    private void Describe(string round, IEnumerable<Acknowledged> acknowledged)
    {
        var list = acknowledged.ToList();
        var events = list.SelectMany(a => a.Reply.Events).GroupBy(e => e.Type).Select(g => $"{g.Key} {g.Count()}");
        output.WriteLine(
            $"{round}: {list.Count} acknowledged ({list.Count(a => a.Reply.Status == "rejected")} rejected); events: {string.Join(", ", events)}");
    }

    private bool Dump(NodeProcess node)
    {
        output.WriteLine("node output (last lines):");
        output.WriteLine(node.Output);
        return false;
    }

    /// <summary>A symbol of appsettings.json with a mid price; every price stays within its band around any trade price.</summary>
    private sealed record Market(string Symbol, decimal Mid, decimal Tick, decimal Lot, int PriceDecimals, int QuantityDecimals)
    {
        /// <summary>Within 1.5% of the mid: below it for a passive buy, above it for a crossing one (and the reverse for sells).</summary>
        public decimal Price(string side, bool crossing, Random random)
        {
            var offset = Ticks(Mid * random.Next(1, 151) / 10_000m);
            var up = (side == "buy") == crossing;
            return up ? Mid + offset : Mid - offset;
        }

        /// <summary>5-6% away from the mid on the passive side: never crosses anything round 1 leaves.</summary>
        public decimal FarPrice(string side, Random random)
        {
            var offset = Ticks(Mid * random.Next(500, 601) / 10_000m);
            return side == "buy" ? Mid - offset : Mid + offset;
        }

        public string Quantity(Random random) => Format(Lot * random.Next(1, 51), QuantityDecimals);

        public string Format(decimal value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        private decimal Ticks(decimal amount) => Math.Max(1, Math.Round(amount / Tick)) * Tick;
    }

    private sealed record OpenOrder(Market Market, long OrderId, string Side, decimal Price);

    private sealed record Command(CommandKind Kind, string Symbol, long Account, long ClientOrderId, long TargetOrderId, PlaceOrder? Place, AmendOrder? Amend)
    {
        public (long Account, long ClientOrderId) Key => (Account, ClientOrderId);

        public Task<HttpResponseMessage> SendAsync(HttpClient client) => Kind switch
        {
            CommandKind.Place => client.PlaceAsync(Place!),
            CommandKind.Cancel => client.CancelAsync(Symbol, TargetOrderId, Account, ClientOrderId),
            _ => client.AmendAsync(Symbol, TargetOrderId, Amend!),
        };
    }

    private sealed record Acknowledged(Command Command, OrderReply Reply);

    /// <summary>What round 2 sent and which of it was answered; completes <see cref="Enough"/> after a number of answers.</summary>
    private sealed class InFlightLog(int enough)
    {
        private readonly ConcurrentDictionary<(long Account, long ClientOrderId), Command> _sent = new();
        private readonly ConcurrentDictionary<(long Account, long ClientOrderId), Acknowledged> _acknowledged = new();
        private int _answers;

        public TaskCompletionSource Enough { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyDictionary<(long Account, long ClientOrderId), Acknowledged> Acknowledged => _acknowledged;

        public IEnumerable<Command> Sent => _sent.Values;

        public IEnumerable<Command> Unacknowledged => _sent.Values.Where(c => !_acknowledged.ContainsKey(c.Key));

        public void Send(Command command) => _sent[command.Key] = command;

        public bool TrySent(long account, long clientOrderId, out Command command) => _sent.TryGetValue((account, clientOrderId), out command!);

        public void Acknowledge(Command command, OrderReply reply)
        {
            _acknowledged[command.Key] = new Acknowledged(command, reply);
            if (Interlocked.Increment(ref _answers) == enough)
            {
                Enough.TrySetResult();
            }
        }
    }
}
