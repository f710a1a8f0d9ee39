using System.Buffers.Binary;
using System.Text;

namespace LoomExchange.Messages.Wire;

/// <summary>
/// Reads the fields of one frame in order. The caller has checked the frame's exact length, so reads stay in
/// bounds; a field with an invalid value records the first problem in <see cref="Error"/> instead of throwing.
/// </summary>
internal ref struct FrameReader
{
    private readonly ReadOnlySpan<byte> _frame;
    private int _position;

    public FrameReader(ReadOnlySpan<byte> frame, int start)
    {
        _frame = frame;
        _position = start;
    }

    /// <summary>The first invalid field met, or null.</summary>
    public string? Error { get; private set; }

    public byte U8()
    {
        var value = _frame[_position];
        _position += 1;
        return value;
    }

    public ushort U16()
    {
        var value = BinaryPrimitives.ReadUInt16LittleEndian(_frame[_position..]);
        _position += 2;
        return value;
    }

    public long I64()
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(_frame[_position..]);
        _position += 8;
        return value;
    }

    public bool Bool(string field)
    {
        var value = U8();
        if (value > 1)
        {
            Fail($"{field} is {value}; a boolean must be 0 or 1");
        }

        return value == 1;
    }

    /// <summary>A u32 held as an int: values above int.MaxValue are outside the field's range.</summary>
    public int NonNegativeInt32(string field)
    {
        var value = BinaryPrimitives.ReadUInt32LittleEndian(_frame[_position..]);
        _position += 4;
        if (value > int.MaxValue)
        {
            Fail($"{field} is {value}; at most {int.MaxValue} is allowed");
            return 0;
        }

        return (int)value;
    }

    public string Symbol() => Text(BinaryCodec.SymbolFieldSize, "symbol", intern: true);

    public string Text(int width, string field, bool intern = false)
    {
        var bytes = _frame.Slice(_position, width);
        _position += width;
        var length = FixedAscii.TextLength(bytes);
        if (length < 0)
        {
            Fail($"{field} must be printable ASCII (0x20-0x7E) padded with 0x00");
            return string.Empty;
        }

        if (intern)
        {
            return SymbolCache.Get(bytes[..length]);
        }

        return length == 0 ? string.Empty : Encoding.ASCII.GetString(bytes[..length]);
    }

    private void Fail(string error) => Error ??= error;
}
