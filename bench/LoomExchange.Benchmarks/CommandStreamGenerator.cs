using LoomExchange.Engine;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Benchmarks;

/// <summary>
/// Generates a realistic command stream in the spirit of exchange-core's test generator. A "fair price"
/// random-walks; market makers rest passive orders around it at exponentially distributed depths; takers
/// cross the spread, leaning towards the fair price so the book follows it; owners cancel and amend resting
/// orders. Every command is fed to a simulated <see cref="OrderBook"/> while generating, and the resting
/// orders are tracked from its events, so cancels and amends always target orders that are really resting.
/// </summary>
/// <remarks>
/// Mix of the measured commands: 50% limit places (25% of them crossing GTC, the rest passive), 30% cancels,
/// 15% amends (half quantity down in place, half a new non-crossing price), 5% IOC limit or market orders.
/// The size of crossing orders adapts slowly so that the book stays near <see cref="GeneratorSettings.BookOrders"/>.
/// </remarks>
internal sealed class CommandStreamGenerator
{
    private const long TimestampStep = 100; // ns between commands: 10 M commands/s of simulated flow
    private const double AggressiveShareOfPlaces = 0.25;

    private readonly GeneratorSettings _settings;
    private readonly SplitMix64 _random;
    private readonly OrderBook _book = BenchInstrument.NewBook();
    private readonly OrderEventBuffer _events = new(1024);
    private readonly RestingOrderTracker _resting = new();
    private readonly StreamStats _stats = new();
    private long _fair = BenchInstrument.StartPrice;
    private long _timestamp = BenchInstrument.StartTimestamp;
    private long _clientOrderId;
    private double _takerSizeScale = 1.0;

    private CommandStreamGenerator(GeneratorSettings settings)
    {
        _settings = settings;
        _random = new SplitMix64(settings.Seed);
    }

    public static CommandStream Generate(GeneratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new CommandStreamGenerator(settings).Run();
    }

    private CommandStream Run()
    {
        var prefill = new OrderCommand[_settings.BookOrders];
        for (var i = 0; i < prefill.Length; i++)
        {
            var side = (i & 1) == 0 ? Side.Buy : Side.Sell;
            prefill[i] = Submit(OrderCommand.Limit(RandomAccount(), NextClientOrderId(), side, PassivePrice(side), PassiveQuantity(), NextTimestamp()));
        }

        _stats.RestingAtStart = _book.OrderCount;
        _stats.ResetOutcome();
        var commands = new OrderCommand[_settings.Commands];
        for (var i = 0; i < commands.Length; i++)
        {
            WalkFairPrice();
            var (kind, command) = NextCommand();
            _stats.Add(kind);
            commands[i] = Submit(command);
            AdaptTakerSize();
        }

        RecordEndState();
        return new CommandStream(prefill, commands, _stats, _book.ComputeStateHash());
    }

    private (StreamCommandKind Kind, OrderCommand Command) NextCommand()
    {
        var roll = _random.Next(100);
        if (_resting.Count == 0 || roll < 50)
        {
            return _random.Chance(AggressiveShareOfPlaces) ? AggressiveLimit() : PassiveLimit();
        }

        if (roll < 80)
        {
            var target = _resting[_random.Next(_resting.Count)];
            return (StreamCommandKind.Cancel, OrderCommand.Cancel(target.AccountId, target.OrderId, NextTimestamp(), NextClientOrderId()));
        }

        if (roll < 95)
        {
            return Amend(_resting[_random.Next(_resting.Count)]);
        }

        return _random.Chance(0.5) ? IocLimit() : Market();
    }

    private (StreamCommandKind, OrderCommand) PassiveLimit()
    {
        var side = _random.Chance(0.5) ? Side.Buy : Side.Sell;
        return (StreamCommandKind.PassiveLimit,
            OrderCommand.Limit(RandomAccount(), NextClientOrderId(), side, PassivePrice(side), PassiveQuantity(), NextTimestamp()));
    }

    private (StreamCommandKind, OrderCommand) AggressiveLimit()
    {
        var side = TakerSide();
        var price = CrossingPrice(side, _random.Next(4));
        return (StreamCommandKind.AggressiveLimit,
            OrderCommand.Limit(RandomAccount(), NextClientOrderId(), side, price, TakerQuantity(), NextTimestamp()));
    }

    private (StreamCommandKind, OrderCommand) IocLimit()
    {
        var side = TakerSide();
        var price = CrossingPrice(side, _random.Next(6));
        return (StreamCommandKind.IocLimit,
            OrderCommand.Limit(RandomAccount(), NextClientOrderId(), side, price, TakerQuantity(), NextTimestamp(), TimeInForce.Ioc));
    }

    private (StreamCommandKind, OrderCommand) Market()
    {
        var side = TakerSide();
        return (StreamCommandKind.Market, OrderCommand.Market(RandomAccount(), NextClientOrderId(), side, TakerQuantity(), NextTimestamp()));
    }

    private (StreamCommandKind, OrderCommand) Amend(TrackedOrder target)
    {
        if (target.Leaves > 1 && _random.Chance(0.5))
        {
            var smaller = 1 + _random.Next((int)Math.Min(target.Leaves - 1, int.MaxValue));
            return (StreamCommandKind.AmendQuantityDown,
                OrderCommand.Amend(target.AccountId, target.OrderId, target.Price, smaller, NextTimestamp(), NextClientOrderId()));
        }

        var price = PassivePrice(target.Side);
        if (price == target.Price)
        {
            // Step one tick away from the spread: still passive, and a real change.
            price += target.Side == Side.Buy ? -1 : 1;
        }

        return (StreamCommandKind.AmendPrice,
            OrderCommand.Amend(target.AccountId, target.OrderId, Math.Max(price, 1), target.Leaves, NextTimestamp(), NextClientOrderId()));
    }

    private OrderCommand Submit(OrderCommand command)
    {
        _events.Clear();
        _book.Process(command, _events);
        foreach (ref readonly var e in _events.Events)
        {
            _resting.Apply(e);
            switch (e.Type)
            {
                case EventType.Trade:
                    _stats.Trades++;
                    break;
                case EventType.Rejected:
                    _stats.Rejects++;
                    break;
                case EventType.Cancelled:
                    _stats.Cancelled++;
                    break;
                default:
                    break;
            }
        }

        _stats.Events += _events.Count;
        if (_resting.Count != _book.OrderCount)
        {
            throw new InvalidOperationException($"generator lost track of the book: {_resting.Count} tracked, {_book.OrderCount} resting");
        }

        return command;
    }

    /// <summary>The fair price moves one tick a quarter of the time.</summary>
    private void WalkFairPrice()
    {
        var roll = _random.Next(8);
        if (roll == 0)
        {
            _fair++;
        }
        else if (roll == 1)
        {
            _fair--;
        }

        _fair = Math.Clamp(_fair, BenchInstrument.StartPrice / 2, BenchInstrument.StartPrice * 2);
    }

    /// <summary>Takers lean towards the fair price: when the book lags it, more of them lift the side it should move through.</summary>
    private Side TakerSide()
    {
        var lean = 0.0;
        if (_book.TryGetBest(Side.Buy, out var bid) && _book.TryGetBest(Side.Sell, out var ask))
        {
            var bookMid = (bid.Price + ask.Price) / 2.0;
            lean = Math.Clamp((_fair - bookMid) / 10.0, -0.4, 0.4);
        }

        return _random.Chance(0.5 + lean) ? Side.Buy : Side.Sell;
    }

    /// <summary>Through the opposite best by <paramref name="ticks"/> (or at the fair price when that side is empty).</summary>
    private long CrossingPrice(Side side, int ticks)
    {
        var opposite = side == Side.Buy ? Side.Sell : Side.Buy;
        if (!_book.TryGetBest(opposite, out var best))
        {
            return _fair;
        }

        return side == Side.Buy ? best.Price + ticks : Math.Max(1, best.Price - ticks);
    }

    /// <summary>Below (buy) or above (sell) the fair price at an exponential depth, and never through the opposite best.</summary>
    private long PassivePrice(Side side)
    {
        var depth = 1 + (long)Math.Min(_settings.MaxDepthTicks, -_settings.MeanDepthTicks * Math.Log(1.0 - _random.NextDouble()));
        if (side == Side.Buy)
        {
            var price = _fair - depth;
            if (_book.TryGetBest(Side.Sell, out var ask))
            {
                price = Math.Min(price, ask.Price - 1);
            }

            return Math.Max(price, 1);
        }

        var sellPrice = _fair + depth;
        if (_book.TryGetBest(Side.Buy, out var bid))
        {
            sellPrice = Math.Max(sellPrice, bid.Price + 1);
        }

        return sellPrice;
    }

    /// <summary>1 to 100, one order in twenty ten times larger.</summary>
    private long PassiveQuantity()
    {
        var quantity = 1 + _random.Next(100);
        return _random.Chance(0.05) ? quantity * 10 : quantity;
    }

    private long TakerQuantity() => Math.Max(1, (long)((1 + _random.Next(100)) * _takerSizeScale));

    /// <summary>Integral control of the book size: takers grow while the book is above target and shrink below it.</summary>
    private void AdaptTakerSize()
    {
        var resting = _book.OrderCount;
        _takerSizeScale = resting > _settings.BookOrders
            ? Math.Min(_takerSizeScale * 1.001, 50)
            : Math.Max(_takerSizeScale / 1.001, 0.05);
        _stats.RestingMin = Math.Min(_stats.RestingMin, resting);
        _stats.RestingMax = Math.Max(_stats.RestingMax, resting);
    }

    private void RecordEndState()
    {
        _stats.RestingAtEnd = _book.OrderCount;
        var depth = new PriceLevelView[Math.Max(1, _book.OrderCount)];
        _stats.BidLevelsAtEnd = _book.GetDepth(Side.Buy, depth);
        _stats.AskLevelsAtEnd = _book.GetDepth(Side.Sell, depth);
        _stats.BestBidAtEnd = _book.TryGetBest(Side.Buy, out var bid) ? bid.Price : 0;
        _stats.BestAskAtEnd = _book.TryGetBest(Side.Sell, out var ask) ? ask.Price : 0;
        _stats.FairPriceAtEnd = _fair;
    }

    private long RandomAccount() => 1 + _random.Next(_settings.Accounts);

    private long NextClientOrderId() => ++_clientOrderId;

    private long NextTimestamp() => _timestamp += TimestampStep;
}
