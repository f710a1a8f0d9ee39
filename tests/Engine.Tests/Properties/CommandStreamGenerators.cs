using CsCheck;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests.Properties;

/// <summary>
/// Random command streams for one book. Prices stay within a few ticks of a centre so that the book crosses
/// often, a few accounts trade so that self-trade prevention triggers, and cancels and amends mostly target
/// orders that are resting at that point of the stream (found by running a book while the stream is built;
/// any book would do, the choice only has to be a plausible target), sometimes unknown ids or another
/// account's order.
/// </summary>
/// <remarks>
/// The generators produce <see cref="Step"/>s (plain random choices, which shrink well); <see cref="Materialize"/>
/// turns them into concrete <see cref="OrderCommand"/>s. The centre is 200 ticks, so a 150 bps band is three ticks.
/// </remarks>
public static class CommandStreamGenerators
{
    public const long StartTime = 1_000_000;
    public const int CentreTicks = 200;
    public const int Accounts = 3;

    /// <summary>Instrument rules with tick and lot sizes above one, quantity and notional limits, and sometimes a price band.</summary>
    public static readonly Gen<InstrumentSpec> Spec = Gen.Select(
        Gen.OneOf(2L, 5L),
        Gen.OneOf(3L, 10L),
        Gen.OneOf(0, 2),
        Gen.Bool,
        Gen.OneOf(0, 0, 150, 400),
        Gen.Bool,
        (tick, lot, quantityDecimals, notionalLimit, bandBps, bandFromStart) =>
        {
            var centre = CentreTicks * tick;
            var scale = quantityDecimals == 0 ? 1 : 100;
            return new InstrumentSpec
            {
                Symbol = "TEST-USD",
                PriceDecimals = 2,
                QuantityDecimals = quantityDecimals,
                TickSize = tick,
                LotSize = lot,
                MinQuantity = 2 * lot,
                MaxQuantity = 30 * lot,

                // 24 lots at the centre price: larger orders near the top of the range break it.
                MaxNotional = notionalLimit ? centre * 24 * lot / scale : 0,
                PriceBandBps = bandBps,
                ReferencePrice = bandFromStart ? centre : 0,
            };
        });

    /// <summary>Mostly an unlimited book; sometimes one that holds only a handful of resting orders (BookFull).</summary>
    public static readonly Gen<OrderBookOptions> Options = Gen.Frequency(
        (3, Gen.Const(new OrderBookOptions { InitialOrderCapacity = 4, InitialLevelCapacity = 2 })),
        (1, Gen.Int[1, 8].Select(max => new OrderBookOptions { InitialOrderCapacity = 4, InitialLevelCapacity = 2, MaxOrders = max })));

    public static readonly Gen<SelfTradePrevention> SelfTrade = Gen.Frequency(
        (4, Gen.Const(SelfTradePrevention.None)),
        (2, Gen.Const(SelfTradePrevention.CancelNewest)),
        (2, Gen.Const(SelfTradePrevention.CancelOldest)),
        (2, Gen.Const(SelfTradePrevention.CancelBoth)));

    /// <summary>Mostly small quantities (a few lots), sometimes up to above the maximum.</summary>
    public static readonly Gen<int> Lots = Gen.Frequency(
        (8, Gen.Int[1, 8]),
        (2, Gen.Int[9, 24]),
        (1, Gen.Int[25, 32]));

    /// <summary>Often the same timestamp as the previous command, usually a little later, sometimes much later.</summary>
    public static readonly Gen<int> TimeDelta = Gen.Frequency(
        (5, Gen.Const(0)),
        (4, Gen.Int[1, 3]),
        (1, Gen.Int[4, 30]));

    /// <summary>
    /// Streams of every profile: mostly short ones in a narrow price range (crossing all the time), some deep
    /// books over many levels, some dominated by good-till-date orders that expire, amend and cancel.
    /// </summary>
    public static readonly Gen<Scenario> Scenarios = Gen.Frequency(
        (5, ScenariosOf(StreamProfile.Narrow)),
        (2, ScenariosOf(StreamProfile.Deep)),
        (1, ScenariosOf(StreamProfile.ExpiryHeavy)));

    public static Gen<Step> Steps(StreamProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var timeInForce = Gen.Frequency(
            (10, Gen.Const(TimeInForce.Gtc)),
            (3, Gen.Const(TimeInForce.Ioc)),
            (3, Gen.Const(TimeInForce.Fok)),
            (profile.GtdWeight, Gen.Const(TimeInForce.Gtd)));
        var kind = Gen.Frequency(
            (profile.PlaceWeight, Gen.Const(StepKind.Limit)),
            (6, Gen.Const(StepKind.Market)),
            (profile.CancelWeight, Gen.Const(StepKind.Cancel)),
            (14, Gen.Const(StepKind.Amend)),
            (2, Gen.Const(StepKind.MassCancel)),
            (4, Gen.Const(StepKind.AdvanceTime)),
            (5, Gen.Const(StepKind.Invalid)));
        return Gen.Select(
            kind,
            Gen.Int[1, Accounts],
            Gen.OneOf(Side.Buy, Side.Sell),
            Gen.Int[-profile.PriceSpread, profile.PriceSpread],
            Lots,
            timeInForce,
            SelfTrade,
            Gen.Int[0, 9],
            TimeDelta,
            Gen.Int[1, profile.MaxLifetime],
            Gen.Int[0, 1000],
            Gen.Int[0, 99],
            Gen.Int[0, 99],
            (kind, account, side, priceTicks, lots, tif, stp, flag, delta, lifetime, pick, variant, passive) => new Step(
                kind, account, side, priceTicks, lots, tif, stp, PostOnly: flag < 2, delta, lifetime, pick, variant, Passive: passive < profile.PassivePercent));
    }

    /// <summary>A spec, book options and a stream of the profile's commands, with a split point.</summary>
    public static Gen<Scenario> ScenariosOf(StreamProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Gen.Select(
            Spec,
            Options,
            Steps(profile).Array[0, profile.MaxCommands],
            Gen.Int[0, 100],
            (spec, options, steps, splitPercent) =>
            {
                var commands = Materialize(spec, options, steps);
                return new Scenario(spec, options, commands, commands.Count * splitPercent / 100);
            });
    }

    /// <summary>Turns random choices into concrete commands, resolving cancel and amend targets against a book run alongside.</summary>
    public static IReadOnlyList<OrderCommand> Materialize(InstrumentSpec spec, OrderBookOptions options, IReadOnlyList<Step> steps)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(steps);
        var book = new OrderBook(spec, options);
        var events = new OrderEventBuffer();
        var commands = new List<OrderCommand>(steps.Count);
        var now = StartTime;
        var clientOrderId = 0L;
        foreach (var step in steps)
        {
            now += step.TimeDelta;
            var context = new StepContext(spec, book, now, ++clientOrderId);
            var command = step.Kind switch
            {
                StepKind.Limit => context.Limit(step),
                StepKind.Market => context.Market(step),
                StepKind.Cancel => context.Cancel(step),
                StepKind.Amend => context.Amend(step),
                StepKind.MassCancel => OrderCommand.MassCancel(step.Account, now, clientOrderId),
                StepKind.AdvanceTime => OrderCommand.AdvanceTime(now += 1 + (step.Lifetime % 40)),
                _ => context.Invalid(step),
            };
            commands.Add(command);
            try
            {
                events.Clear();
                book.Process(command, events);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The book broke: end the stream here, so that the property runs into the same failure.
                break;
            }
        }

        return commands;
    }

    private readonly record struct StepContext(InstrumentSpec Spec, OrderBook Book, long Now, long ClientOrderId)
    {
        private long Centre => CentreTicks * Spec.TickSize;

        public OrderCommand Limit(Step step)
        {
            var gtd = step.TimeInForce == TimeInForce.Gtd;
            var restable = gtd || step.TimeInForce == TimeInForce.Gtc;

            // A passive order is priced on its own side of the centre, so that deep books build up.
            var ticks = !step.Passive ? step.PriceTicks : step.Side == Side.Buy ? -Math.Abs(step.PriceTicks) : Math.Abs(step.PriceTicks);
            return OrderCommand.Limit(
                step.Account,
                ClientOrderId,
                step.Side,
                Centre + (ticks * Spec.TickSize),
                step.Lots * Spec.LotSize,
                Now,
                step.TimeInForce,
                postOnly: restable && step.PostOnly,
                step.SelfTradePrevention,
                expireAt: gtd ? Now + step.Lifetime : 0);
        }

        public OrderCommand Market(Step step) => OrderCommand.Market(
            step.Account,
            ClientOrderId,
            step.Side,
            step.Lots * Spec.LotSize,
            Now,
            step.Variant < 70 ? TimeInForce.Ioc : TimeInForce.Fok,
            step.SelfTradePrevention);

        public OrderCommand Cancel(Step step)
        {
            var (orderId, accountId) = Target(step);
            return OrderCommand.Cancel(accountId, orderId, Now, ClientOrderId);
        }

        public OrderCommand Amend(Step step)
        {
            var resting = Book.Export().Orders;
            if (resting.Count == 0 || step.Variant >= 90)
            {
                var (targetId, targetAccount) = Target(step);
                return OrderCommand.Amend(targetAccount, targetId, Centre + (step.PriceTicks * Spec.TickSize), step.Lots * Spec.LotSize, Now, ClientOrderId);
            }

            var order = resting[step.Pick % resting.Count];
            var lot = Spec.LotSize;
            var (price, quantity) = (step.Variant % 10) switch
            {
                // Same price, less: in place, priority kept (never below one lot).
                0 or 1 => (order.Price, Math.Max(lot, order.LeavesQuantity - (step.Lots * lot))),

                // Same price, more: to the back of the level.
                2 => (order.Price, order.LeavesQuantity + (step.Lots * lot)),

                // New price, often crossing.
                3 or 4 or 5 => (Centre + (step.PriceTicks * Spec.TickSize), step.Lots * lot),
                6 => (Centre + (step.PriceTicks * Spec.TickSize), order.LeavesQuantity),

                // No change at all.
                7 => (order.Price, order.LeavesQuantity),

                // Invalid: off tick, off lot, zero, above the maximum.
                _ => (step.Pick % 4) switch
                {
                    0 => (order.Price + 1, order.LeavesQuantity),
                    1 => (order.Price, order.LeavesQuantity + 1),
                    2 => (order.Price, 0L),
                    _ => (order.Price, Spec.MaxQuantity + lot),
                },
            };

            // Now and then someone else's order, which must be indistinguishable from an unknown one.
            var owner = step.Pick % 13 == 0 ? (order.AccountId % Accounts) + 1 : order.AccountId;
            return OrderCommand.Amend(owner, order.OrderId, price, quantity, Now, ClientOrderId);
        }

        public OrderCommand Invalid(Step step)
        {
            var valid = Limit(step with { TimeInForce = TimeInForce.Gtc, PostOnly = false });
            var maxValue = InstrumentSpec.MaxValue;
            return (step.Variant % 25) switch
            {
                0 => valid with { Price = valid.Price + 1 },
                1 => valid with { Quantity = valid.Quantity + 1 },
                2 => valid with { Quantity = 0 },
                3 => valid with { Quantity = -Spec.LotSize },
                4 => valid with { Price = 0 },
                5 => valid with { Price = -Spec.TickSize },
                6 => valid with { Side = step.Pick % 2 == 0 ? 0 : (Side)3 },
                7 => valid with { OrderType = step.Pick % 2 == 0 ? 0 : (OrderType)3 },
                8 => valid with { TimeInForce = step.Pick % 2 == 0 ? 0 : (TimeInForce)5 },
                9 => valid with { SelfTradePrevention = (SelfTradePrevention)(4 + (step.Pick % 3)) },
                10 => valid with { TimeInForce = TimeInForce.Ioc, PostOnly = true },
                11 => valid with { TimeInForce = TimeInForce.Fok, PostOnly = true },
                12 => valid with { OrderType = OrderType.Market, TimeInForce = TimeInForce.Gtc },
                13 => valid with { OrderType = OrderType.Market, TimeInForce = TimeInForce.Gtd, ExpireAt = Now + 5 },
                14 => valid with { OrderType = OrderType.Market, TimeInForce = TimeInForce.Ioc, PostOnly = true },
                15 => valid with { TimeInForce = TimeInForce.Gtd, ExpireAt = 0 },
                16 => valid with { TimeInForce = TimeInForce.Gtd, ExpireAt = Now },
                17 => valid with { TimeInForce = TimeInForce.Gtd, ExpireAt = Now - 1 - step.Lifetime },
                18 => valid with { Quantity = Spec.MaxQuantity + Spec.LotSize },
                19 => valid with { Quantity = Spec.LotSize },
                20 => valid with { Quantity = maxValue + Spec.LotSize },
                21 => valid with { Price = maxValue + Spec.TickSize },
                22 => valid with { Type = step.Pick % 2 == 0 ? 0 : (CommandType)(6 + (step.Pick % 200)) },
                23 => valid with { Price = Centre + ((step.PriceTicks < 0 ? -60 : 60) * Spec.TickSize) },
                _ => valid with { Price = Centre + (4 * Spec.TickSize), Quantity = Spec.MaxQuantity },
            };
        }

        /// <summary>A cancel or amend target: usually a resting order with its owner, sometimes a wrong account or an unknown id.</summary>
        private (long OrderId, long AccountId) Target(Step step)
        {
            var resting = Book.Export().Orders;
            var roll = step.Variant % 10;
            if (resting.Count > 0 && roll < 7)
            {
                var order = resting[step.Pick % resting.Count];
                return (order.OrderId, order.AccountId);
            }

            if (resting.Count > 0 && roll == 7)
            {
                var order = resting[step.Pick % resting.Count];
                return (order.OrderId, (order.AccountId % Accounts) + 1);
            }

            var nextOrderId = Book.Export().NextOrderId;
            return roll switch
            {
                // An id that was issued at some point (probably filled or cancelled by now).
                8 => (1 + (step.Pick % nextOrderId), step.Account),

                // Never issued, or no id at all.
                _ => (step.Pick % 3 == 0 ? 0 : nextOrderId + (step.Pick % 5), step.Account),
            };
        }
    }
}

/// <summary>
/// The shape of a stream: how wide its prices range (ticks either side of the centre), how long GTD orders
/// live, how many commands, the weights of limit orders, GTD among them, and cancels (out of about 100), and
/// the percentage of limit orders priced passively (bids below the centre, asks above).
/// </summary>
public sealed record StreamProfile(int PriceSpread, int MaxLifetime, int MaxCommands, int PlaceWeight, int GtdWeight, int CancelWeight, int PassivePercent)
{
    public static readonly StreamProfile Narrow = new(PriceSpread: 4, MaxLifetime: 30, MaxCommands: 120, PlaceWeight: 34, GtdWeight: 5, CancelWeight: 12, PassivePercent: 0);
    public static readonly StreamProfile Deep = new(PriceSpread: 40, MaxLifetime: 300, MaxCommands: 250, PlaceWeight: 80, GtdWeight: 5, CancelWeight: 4, PassivePercent: 85);
    public static readonly StreamProfile ExpiryHeavy = new(PriceSpread: 6, MaxLifetime: 1000, MaxCommands: 400, PlaceWeight: 80, GtdWeight: 100, CancelWeight: 20, PassivePercent: 85);
}

public enum StepKind
{
    Limit,
    Market,
    Cancel,
    Amend,
    MassCancel,
    AdvanceTime,
    Invalid,
}

/// <summary>The random choices behind one command; which fields matter depends on <see cref="Kind"/>.</summary>
public readonly record struct Step(
    StepKind Kind,
    int Account,
    Side Side,
    int PriceTicks,
    int Lots,
    TimeInForce TimeInForce,
    SelfTradePrevention SelfTradePrevention,
    bool PostOnly,
    int TimeDelta,
    int Lifetime,
    int Pick,
    int Variant,
    bool Passive);
