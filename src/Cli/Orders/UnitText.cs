using System.Globalization;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Cli.Orders;

/// <summary>
/// Turns the user's decimal text (50000.25) into the instrument's fixed-point units, or takes raw units as given
/// (<c>--raw</c>). Never through floating point.
/// </summary>
internal static class UnitText
{
    public static long Price(string text, InstrumentSpec? spec) => Parse(text, spec?.PriceDecimals, "price", spec?.Symbol);

    public static long Quantity(string text, InstrumentSpec? spec) => Parse(text, spec?.QuantityDecimals, "quantity", spec?.Symbol);

    public static string FormatPrice(long units, InstrumentSpec? spec) => spec?.FormatPrice(units) ?? units.ToString(CultureInfo.InvariantCulture);

    public static string FormatQuantity(long units, InstrumentSpec? spec) => spec?.FormatQuantity(units) ?? units.ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="decimals"/> null means raw units: the text must be a whole number.</summary>
    private static long Parse(string text, int? decimals, string what, string? symbol)
    {
        if (decimals is not { } places)
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var raw) && raw > 0
                ? raw
                : throw new UsageException($"{what} '{text}' is not a positive whole number of {what} units (--raw takes units, e.g. 5000025 for 50000.25 at 2 decimals)");
        }

        if (!FixedPoint.TryParse(text, places, out var units))
        {
            throw new UsageException($"{what} '{text}' is not a decimal number with at most {places} decimals for {symbol}");
        }

        return units > 0 ? units : throw new UsageException($"{what} '{text}' must be positive");
    }
}
