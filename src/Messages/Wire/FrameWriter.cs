using System.Buffers.Binary;

namespace LoomExchange.Messages.Wire;

/// <summary>Writes the fields of one frame in order, little-endian. The caller has checked that the frame fits.</summary>
internal ref struct FrameWriter
{
    private readonly Span<byte> _frame;
    private int _position;

    public FrameWriter(Span<byte> frame)
    {
        _frame = frame;
    }

    public readonly int Position => _position;

    public void U8(byte value)
    {
        _frame[_position] = value;
        _position += 1;
    }

    public void Bool(bool value) => U8(value ? (byte)1 : (byte)0);

    public void U16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_frame[_position..], value);
        _position += 2;
    }

    public void U32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_frame[_position..], value);
        _position += 4;
    }

    public void I64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_frame[_position..], value);
        _position += 8;
    }

    /// <summary>A count that the record holds as an int but the wire as u32: negative values break the layout.</summary>
    public void NonNegative(int value, string field)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, field);
        U32((uint)value);
    }

    public void Identifier(string value, int width, string field)
    {
        FixedAscii.WriteIdentifier(value, _frame.Slice(_position, width), field);
        _position += width;
    }

    public void FreeText(string? value, int width)
    {
        FixedAscii.WriteFreeText(value, _frame.Slice(_position, width));
        _position += width;
    }
}
