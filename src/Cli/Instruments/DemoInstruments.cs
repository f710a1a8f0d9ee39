using LoomExchange.Messages.Instruments;

namespace LoomExchange.Cli.Instruments;

/// <summary>
/// The node's eight demo instruments as shipped in src/Node/appsettings.json, with a typical mid price each: the
/// load generator's fallback when the node's HTTP API is not reachable.
/// </summary>
internal static class DemoInstruments
{
    public static IReadOnlyList<InstrumentSpec> All { get; } =
    [
        Spec("BTC-USD", 2, 6, "0.01", "0.000001", "0.000001", "1000"),
        Spec("ETH-USD", 2, 5, "0.01", "0.00001", "0.00001", "10000"),
        Spec("SOL-USD", 3, 3, "0.001", "0.001", "0.001", "1000000"),
        Spec("XRP-USD", 4, 1, "0.0001", "0.1", "0.1", "10000000"),
        Spec("EUR-USD", 5, 0, "0.00001", "1000", "1000", "100000000"),
        Spec("AAPL", 2, 0, "0.01", "1", "1", "1000000"),
        Spec("MSFT", 2, 0, "0.01", "1", "1", "1000000"),
        Spec("GOLD", 1, 0, "0.1", "1", "1", "10000"),
    ];

    /// <summary>A plausible mid price as decimal text, for symbols the node gives no reference price for.</summary>
    public static string TypicalMid(string symbol) => symbol.ToUpperInvariant() switch
    {
        "BTC-USD" => "65000",
        "ETH-USD" => "3500",
        "SOL-USD" => "150",
        "XRP-USD" => "0.6",
        "EUR-USD" => "1.08",
        "AAPL" => "190",
        "MSFT" => "420",
        "GOLD" => "2300",
        _ => "100",
    };

    private static InstrumentSpec Spec(string symbol, int priceDecimals, int quantityDecimals, string tick, string lot, string min, string max) => new()
    {
        Symbol = symbol,
        PriceDecimals = priceDecimals,
        QuantityDecimals = quantityDecimals,
        TickSize = Units(tick, priceDecimals),
        LotSize = Units(lot, quantityDecimals),
        MinQuantity = Units(min, quantityDecimals),
        MaxQuantity = Units(max, quantityDecimals),
    };

    private static long Units(string text, int decimals) =>
        FixedPoint.TryParse(text, decimals, out var value) ? value : throw new InvalidOperationException($"bad demo value {text}");
}
