using System.Globalization;

namespace LoomExchange.Messages.Instruments;

/// <summary>Conversions between fixed-point integers and their decimal text, without floating point.</summary>
public static class FixedPoint
{
    /// <summary>Formats <paramref name="value"/> with <paramref name="decimals"/> implied decimal places.</summary>
    public static string Format(long value, int decimals)
    {
        if (decimals == 0)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var negative = value < 0;
        var magnitude = negative ? -(Int128)value : value;
        var scale = Int128.One;
        for (var i = 0; i < decimals; i++)
        {
            scale *= 10;
        }

        var whole = magnitude / scale;
        var fraction = magnitude % scale;
        var text = string.Create(CultureInfo.InvariantCulture, $"{whole}.{fraction.ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0')}");
        return negative ? "-" + text : text;
    }

    /// <summary>
    /// Parses decimal text such as "65000.5" into units of 10^-decimals. Fails (returns false) on more
    /// fractional digits than the scale allows, on overflow and on anything that is not a plain number.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, int decimals, out long value)
    {
        value = 0;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        var negative = text[0] == '-';
        if (negative || text[0] == '+')
        {
            text = text[1..];
        }

        // A negative value may reach one further than a positive one: long.MinValue has no positive twin.
        var limit = negative ? -(Int128)long.MinValue : long.MaxValue;

        Int128 accumulator = 0;
        var fractionDigits = -1;
        var digits = 0;
        foreach (var c in text)
        {
            if (c == '.' && fractionDigits < 0)
            {
                fractionDigits = 0;
                continue;
            }

            if (c is < '0' or > '9')
            {
                return false;
            }

            if (fractionDigits >= 0 && ++fractionDigits > decimals)
            {
                return false;
            }

            accumulator = (accumulator * 10) + (c - '0');
            digits++;
            if (accumulator > limit)
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        for (var i = Math.Max(fractionDigits, 0); i < decimals; i++)
        {
            accumulator *= 10;
            if (accumulator > limit)
            {
                return false;
            }
        }

        value = (long)(negative ? -accumulator : accumulator);
        return true;
    }
}
