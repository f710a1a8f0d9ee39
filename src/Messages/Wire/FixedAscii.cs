namespace LoomExchange.Messages.Wire;

/// <summary>
/// Text fields of the protocol: printable ASCII (0x20-0x7E), right-padded with 0x00 to a fixed width in binary.
/// Identifiers (symbol, API key, secret) must fit exactly; free text is made to fit (truncated, '?' for anything else).
/// </summary>
internal static class FixedAscii
{
    private const char Replacement = '?';

    public static bool IsPrintable(char c) => c is >= ' ' and <= '~';

    /// <summary>Throws unless <paramref name="value"/> is printable ASCII of at most <paramref name="width"/> characters.</summary>
    /// <remarks>The message never repeats the value: it may be a secret.</remarks>
    public static void RequireIdentifier(string value, int width, string field)
    {
        ArgumentNullException.ThrowIfNull(value, field);
        if (value.Length > width)
        {
            throw new ArgumentException($"{field} is {value.Length} characters long; the protocol allows at most {width}", field);
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (!IsPrintable(value[i]))
            {
                throw new ArgumentException(
                    $"{field} holds U+{(int)value[i]:X4} at position {i}; only printable ASCII (0x20-0x7E) is allowed", field);
            }
        }
    }

    /// <summary>Writes an identifier checked by <see cref="RequireIdentifier"/>, padding the field with 0x00.</summary>
    public static void WriteIdentifier(string value, Span<byte> field, string name)
    {
        RequireIdentifier(value, field.Length, name);
        for (var i = 0; i < value.Length; i++)
        {
            field[i] = (byte)value[i];
        }

        field[value.Length..].Clear();
    }

    /// <summary>Writes free text, truncated to the field and with '?' for every character that is not printable ASCII.</summary>
    public static void WriteFreeText(string? value, Span<byte> field)
    {
        var length = value is null ? 0 : Math.Min(value.Length, field.Length);
        for (var i = 0; i < length; i++)
        {
            var c = value![i];
            field[i] = IsPrintable(c) ? (byte)c : (byte)Replacement;
        }

        field[length..].Clear();
    }

    /// <summary>Free text as <see cref="WriteFreeText"/> would write it, for the JSON form.</summary>
    public static string SanitizeFreeText(string? value, int width)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var length = Math.Min(value.Length, width);
        var clean = length == value.Length;
        for (var i = 0; i < length && clean; i++)
        {
            clean = IsPrintable(value[i]);
        }

        if (clean)
        {
            return value;
        }

        return string.Create(length, value, static (chars, source) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = IsPrintable(source[i]) ? source[i] : Replacement;
            }
        });
    }

    /// <summary>Whether <paramref name="value"/> is printable ASCII of at most <paramref name="width"/> characters.</summary>
    public static bool IsValid(string value, int width)
    {
        if (value.Length > width)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (!IsPrintable(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The length of the text in a binary field, or -1 if the field holds anything but printable ASCII followed
    /// only by 0x00 padding.
    /// </summary>
    public static int TextLength(ReadOnlySpan<byte> field)
    {
        var length = field.IndexOf((byte)0);
        if (length < 0)
        {
            length = field.Length;
        }
        else if (field[length..].IndexOfAnyExcept((byte)0) >= 0)
        {
            return -1;
        }

        return field[..length].IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0 ? -1 : length;
    }
}
