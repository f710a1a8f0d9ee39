using LoomExchange.Messages.Configuration;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Node.Configuration;

/// <summary>One listed instrument as written in configuration, with prices and quantities as decimal text.</summary>
public sealed class InstrumentSettings
{
    public string Symbol { get; set; } = string.Empty;

    public int PriceDecimals { get; set; } = 2;

    public int QuantityDecimals { get; set; }

    public string TickSize { get; set; } = "0.01";

    public string LotSize { get; set; } = "1";

    public string MinQuantity { get; set; } = "0";

    public string MaxQuantity { get; set; } = "0";

    /// <summary>Largest price × quantity of one order, in quote currency; "0" = no limit.</summary>
    public string MaxNotional { get; set; } = "0";

    /// <summary>Limit prices may differ from the reference by at most this percentage; 0 = no band.</summary>
    public decimal PriceBandPercent { get; set; }

    public string ReferencePrice { get; set; } = "0";

    /// <summary>Converts to the engine's fixed-point spec; a value that does not fit the decimals is an error naming the key.</summary>
    public InstrumentSpec ToSpec()
    {
        long Price(string text, string key) => Parse(text, PriceDecimals, key);
        long Quantity(string text, string key) => Parse(text, QuantityDecimals, key);

        var lot = Quantity(LotSize, nameof(LotSize));
        var min = Quantity(MinQuantity, nameof(MinQuantity));
        var max = Quantity(MaxQuantity, nameof(MaxQuantity));
        return new InstrumentSpec
        {
            Symbol = Symbol,
            PriceDecimals = PriceDecimals,
            QuantityDecimals = QuantityDecimals,
            TickSize = Price(TickSize, nameof(TickSize)),
            LotSize = lot,
            MinQuantity = min == 0 ? lot : min,
            MaxQuantity = max == 0 ? InstrumentSpec.MaxValue : max,
            MaxNotional = Price(MaxNotional, nameof(MaxNotional)),
            PriceBandBps = (int)(PriceBandPercent * 100),
            ReferencePrice = Price(ReferencePrice, nameof(ReferencePrice)),
        };
    }

    private long Parse(string text, int decimals, string key) =>
        FixedPoint.TryParse(text, decimals, out var value) && value >= 0
            ? value
            : throw new InvalidConfigurationException(
                $"Loom:Instruments {Symbol}: {key} '{text}' is not a non-negative number with at most {decimals} decimals");
}
