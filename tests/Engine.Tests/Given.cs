using LoomExchange.Messages.Instruments;

namespace LoomExchange.Engine.Tests;

/// <summary>The shared vocabulary of the specifications: accounts, a fixed clock and instrument specs.</summary>
internal static class Given
{
    /// <summary>The fixed time every specification starts at (nanoseconds since the Unix epoch).</summary>
    public const long T0 = 1_700_000_000_000_000_000;

    public const long Alice = 1;
    public const long Bob = 2;
    public const long Carol = 3;

    /// <summary>Prices with 2 decimals (100_00 = 100.00), whole quantities, no limits beyond the defaults.</summary>
    public static InstrumentSpec Spec(string symbol = "BTC-USD") => new() { Symbol = symbol, PriceDecimals = 2 };

    /// <summary>
    /// Every limit set, for the rule checks: tick 5, lot 10, quantity 20..1000, notional at most 50,000.00,
    /// band 10% (1,000 bps) around the reference price 100.00.
    /// </summary>
    public static InstrumentSpec StrictSpec() => new()
    {
        Symbol = "ETH-USD",
        PriceDecimals = 2,
        QuantityDecimals = 0,
        TickSize = 5,
        LotSize = 10,
        MinQuantity = 20,
        MaxQuantity = 1_000,
        MaxNotional = 50_000_00,
        PriceBandBps = 1_000,
        ReferencePrice = 100_00,
    };

    public static BookFixture Book(InstrumentSpec? spec = null, OrderBookOptions? options = null) => new(spec ?? Spec(), options);
}
