namespace LoomExchange.Messages.Wire;

/// <summary>
/// The names and numbers of one protocol enum for the JSON form: written by name, read by name (any case) or number.
/// Numbers are accepted within the enum's wire width without a range check, as in binary.
/// </summary>
internal sealed class JsonEnumTable
{
    private readonly string[] _names;
    private readonly long[] _values;

    private JsonEnumTable(string[] names, long[] values, long maxNumber)
    {
        _names = names;
        _values = values;
        MaxNumber = maxNumber;
    }

    /// <summary>The largest number the wire field holds (255 for u8 enums, 65535 for u16).</summary>
    public long MaxNumber { get; }

    public static JsonEnumTable For<TEnum>(long maxNumber)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var names = new string[values.Length];
        var numbers = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            names[i] = values[i].ToString();
            numbers[i] = Convert.ToInt64(values[i], System.Globalization.CultureInfo.InvariantCulture);
        }

        return new JsonEnumTable(names, numbers, maxNumber);
    }

    /// <summary>The name of <paramref name="value"/>, or null for a number the enum does not name.</summary>
    public string? NameOf(long value)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] == value)
            {
                return _names[i];
            }
        }

        return null;
    }

    /// <summary>Matches an unescaped UTF-8 name without allocating a string for it.</summary>
    public bool TryParse(ReadOnlySpan<byte> utf8Name, out long value)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(utf8Name, _names[i]))
            {
                value = _values[i];
                return true;
            }
        }

        value = 0;
        return false;
    }

    public bool TryParse(string name, out long value)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                value = _values[i];
                return true;
            }
        }

        value = 0;
        return false;
    }
}
