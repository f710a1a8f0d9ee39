namespace LoomExchange.Messages.Instruments;

/// <summary>
/// The trading rules of one symbol. Prices are integers in units of 10^-<see cref="PriceDecimals"/> of the
/// quote currency and quantities integers in units of 10^-<see cref="QuantityDecimals"/> of the base asset:
/// BTC-USD with PriceDecimals 2 stores 65,000.50 as 6,500,050.
/// </summary>
public sealed record InstrumentSpec
{
    /// <summary>The largest price or quantity accepted, so that every product of the two fits in 128 bits with room.</summary>
    public const long MaxValue = 1_000_000_000_000_000_000; // 1e18

    public required string Symbol { get; init; }

    public int PriceDecimals { get; init; } = 2;

    public int QuantityDecimals { get; init; }

    /// <summary>Prices must be a multiple of this, in price units.</summary>
    public long TickSize { get; init; } = 1;

    /// <summary>Quantities must be a multiple of this, in quantity units.</summary>
    public long LotSize { get; init; } = 1;

    public long MinQuantity { get; init; } = 1;

    public long MaxQuantity { get; init; } = MaxValue;

    /// <summary>Largest price × quantity of one order, in price units (0 = no limit).</summary>
    public long MaxNotional { get; init; }

    /// <summary>A limit price may differ from the reference price by at most this many basis points (0 = no band).</summary>
    public int PriceBandBps { get; init; }

    /// <summary>Reference price for the band before the first trade (0 = no band until a trade sets one).</summary>
    public long ReferencePrice { get; init; }

    /// <summary>Checks that the spec itself is usable; returns the problems found, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Symbol) || Symbol.Length > 32)
        {
            problems.Add("symbol must be 1 to 32 characters");
        }

        if (PriceDecimals is < 0 or > 12)
        {
            problems.Add($"price decimals {PriceDecimals} must be between 0 and 12");
        }

        if (QuantityDecimals is < 0 or > 12)
        {
            problems.Add($"quantity decimals {QuantityDecimals} must be between 0 and 12");
        }

        if (TickSize is <= 0 or > MaxValue)
        {
            problems.Add($"tick size {TickSize} must be between 1 and {MaxValue}");
        }

        if (LotSize is <= 0 or > MaxValue)
        {
            problems.Add($"lot size {LotSize} must be between 1 and {MaxValue}");
        }

        if (MinQuantity <= 0 || MaxQuantity > MaxValue || MinQuantity > MaxQuantity)
        {
            problems.Add($"quantity limits {MinQuantity}..{MaxQuantity} must satisfy 0 < min <= max <= {MaxValue}");
        }

        if (MaxNotional < 0)
        {
            problems.Add($"max notional {MaxNotional} must not be negative");
        }

        if (PriceBandBps is < 0 or > 1_000_000)
        {
            problems.Add($"price band {PriceBandBps} bps must be between 0 and 1,000,000");
        }

        if (ReferencePrice is < 0 or > MaxValue)
        {
            problems.Add($"reference price {ReferencePrice} must be between 0 and {MaxValue}");
        }

        return problems;
    }

    /// <summary>Price units as a decimal string, e.g. 6500050 -> "65000.50" (for messages, not arithmetic).</summary>
    public string FormatPrice(long price) => FixedPoint.Format(price, PriceDecimals);

    /// <summary>Quantity units as a decimal string.</summary>
    public string FormatQuantity(long quantity) => FixedPoint.Format(quantity, QuantityDecimals);
}
