using CsCheck;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests.Properties;

/// <summary>
/// The generated streams must reach every outcome and every tricky situation of the engine, otherwise the
/// properties pass vacuously. Classifies what happens over a fixed-seed sample of streams.
/// </summary>
public sealed class CommandStreamGeneratorSpecs
{
    private const int Streams = 120;

    private static readonly RejectReason[] BookRejects =
    [
        RejectReason.InvalidSide, RejectReason.InvalidOrderType, RejectReason.InvalidTimeInForce, RejectReason.InvalidPrice,
        RejectReason.InvalidQuantity, RejectReason.TickSizeViolation, RejectReason.LotSizeViolation, RejectReason.QuantityBelowMinimum,
        RejectReason.QuantityAboveMaximum, RejectReason.NotionalAboveMaximum, RejectReason.PriceOutsideBand, RejectReason.PostOnlyWouldCross,
        RejectReason.PostOnlyNotAllowed, RejectReason.ExpireTimeInPast, RejectReason.MissingExpireTime, RejectReason.UnknownOrder,
        RejectReason.AmendNoChange, RejectReason.InvalidSelfTradePrevention, RejectReason.InvalidCommand, RejectReason.BookFull,
    ];

    private static readonly string[] Situations =
    [
        "trade: Limit Gtc", "trade: Limit Gtd", "trade: Limit Ioc", "trade: Limit Fok", "trade: Market Ioc", "trade: Market Fok",
        "trade: several prices in one command", "trade: self trade allowed (None)",
        "self-trade prevention: CancelNewest", "self-trade prevention: CancelOldest", "self-trade prevention: CancelBoth",
        "self-trade prevention: on amend",
        "fill or kill: filled", "fill or kill: killed", "fill or kill: filled past own orders (CancelOldest)",
        "amend: in place", "amend: quantity up", "amend: new price", "amend: trades", "amend: filled completely",
        "amend: reject on post-only crossing",
        "cancel: another account's order", "cancel: unknown id",
        "expiry: several in one command", "expiry: same expiry time", "expiry: on a rejected command",
        "mass cancel: both sides", "book: more than 16 levels on a side", "book: more than 24 resting orders",
        "time: equal timestamps",
    ];

    [Fact]
    public void Should_generate_streams_that_reach_every_outcome_of_the_engine()
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < Streams; i++)
        {
            var scenario = CommandStreamGenerators.Scenarios.Generate(new PCG(7, (ulong)i), null, out _);
            Classify(scenario, seen);
        }

        var expected = Enum.GetValues<EventType>().Select(t => $"event: {t}")
            .Concat(BookRejects.Select(r => $"reject: {r}"))
            .Concat(Enum.GetValues<CancelReason>().Where(r => r != CancelReason.None).Select(r => $"cancel: {r}"))
            .Concat(Situations);
        var missing = expected.Where(situation => !seen.Contains(situation)).ToList();
        Assert.True(missing.Count == 0, $"never generated: {string.Join(", ", missing)}");
    }

    private static void Classify(Scenario scenario, HashSet<string> seen)
    {
        var book = scenario.NewBook();
        var buffer = new OrderEventBuffer();
        var depth = new PriceLevelView[64];
        var previousTime = long.MinValue;
        foreach (var command in scenario.Commands)
        {
            var before = command.Type is CommandType.Cancel or CommandType.Amend
                ? book.Export().Orders.ToDictionary(o => o.OrderId)
                : [];
            buffer.Clear();
            book.Process(command, buffer);
            var events = buffer.ToArray();
            void See(bool condition, string situation)
            {
                if (condition)
                {
                    seen.Add(situation);
                }
            }

            foreach (var e in events)
            {
                seen.Add($"event: {e.Type}");
                See(e.Type == EventType.Rejected, $"reject: {e.RejectReason}");
                See(e.Type == EventType.Cancelled, $"cancel: {e.CancelReason}");
                See(e.Type == EventType.Trade, $"trade: {e.OrderType} {e.TimeInForce}");
                See(e.Type == EventType.Trade && e.AccountId == e.MakerAccountId, "trade: self trade allowed (None)");
            }

            var trades = events.Where(e => e.Type == EventType.Trade).ToList();
            var selfTradeCancels = events.Count(e => e.Type == EventType.Cancelled && e.CancelReason == CancelReason.SelfTradePrevention);
            var expired = events.Where(e => e.Type == EventType.Expired).ToList();
            See(trades.Select(t => t.Price).Distinct().Count() > 1, "trade: several prices in one command");
            See(command.Type == CommandType.Place && selfTradeCancels > 0, $"self-trade prevention: {command.SelfTradePrevention}");
            See(command.Type == CommandType.Amend && selfTradeCancels > 0, "self-trade prevention: on amend");
            See(expired.Count > 1, "expiry: several in one command");
            See(expired.Select(e => e.ExpireAt).Distinct().Count() < expired.Count, "expiry: same expiry time");
            See(expired.Count > 0 && events.Any(e => e.Type == EventType.Rejected), "expiry: on a rejected command");
            See(command.Timestamp == previousTime, "time: equal timestamps");
            previousTime = command.Timestamp;

            var fok = events.FirstOrDefault(e => e.Type == EventType.Accepted && e.TimeInForce == TimeInForce.Fok);
            if (fok.Type == EventType.Accepted)
            {
                var filled = trades.Sum(t => t.Quantity) == fok.Quantity;
                See(filled, "fill or kill: filled");
                See(!filled, "fill or kill: killed");
                See(filled && selfTradeCancels > 0, "fill or kill: filled past own orders (CancelOldest)");
            }

            if (command.Type == CommandType.Amend && events.Any(e => e.Type == EventType.Amended) && before.TryGetValue(command.OrderId, out var target))
            {
                See(command.Price == target.Price && command.Quantity < target.LeavesQuantity, "amend: in place");
                See(command.Price == target.Price && command.Quantity > target.LeavesQuantity, "amend: quantity up");
                See(command.Price != target.Price, "amend: new price");
                See(trades.Count > 0, "amend: trades");
                See(trades.Count > 0 && trades[^1].LeavesQuantity == 0, "amend: filled completely");
            }

            var rejected = events.FirstOrDefault(e => e.Type == EventType.Rejected);
            See(command.Type == CommandType.Amend && rejected.RejectReason == RejectReason.PostOnlyWouldCross, "amend: reject on post-only crossing");
            if (command.Type == CommandType.Cancel && rejected.RejectReason == RejectReason.UnknownOrder)
            {
                See(before.ContainsKey(command.OrderId), "cancel: another account's order");
                See(!before.ContainsKey(command.OrderId), "cancel: unknown id");
            }

            var massCancelled = events.Where(e => e.CancelReason == CancelReason.MassCancel).Select(e => e.Side).Distinct().Count();
            See(massCancelled == 2, "mass cancel: both sides");
            See(book.GetDepth(Side.Buy, depth) > 16 || book.GetDepth(Side.Sell, depth) > 16, "book: more than 16 levels on a side");
            See(book.OrderCount > 24, "book: more than 24 resting orders");
        }
    }
}
