using System.Runtime.Serialization;
using System.Text;

namespace LoomExchange.Actors.Serialization;

/// <summary>Reads what <see cref="PayloadWriter"/> wrote; truncated or malformed input throws <see cref="SerializationException"/>.</summary>
internal ref struct PayloadReader
{
    /// <summary>Strings longer than this are refused: no legitimate symbol or reason comes close.</summary>
    private const int MaxStringBytes = 64 * 1024;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public PayloadReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool AtEnd => _position == _data.Length;

    public byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            throw new SerializationException($"payload truncated at byte {_position}");
        }

        return _data[_position++];
    }

    public bool ReadBool() => ReadByte() switch
    {
        0 => false,
        1 => true,
        var other => throw new SerializationException($"invalid boolean {other} at byte {_position - 1}"),
    };

    public ulong ReadVarULong()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new SerializationException($"varint too long at byte {_position}");
    }

    public long ReadVarLong()
    {
        var raw = ReadVarULong();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public int ReadCount(int max)
    {
        var count = ReadVarULong();
        if (count > (ulong)max || count > (ulong)(_data.Length - _position))
        {
            // Every element takes at least one byte: a count larger than the rest of the payload is corrupt.
            throw new SerializationException($"count {count} at byte {_position} exceeds what the payload can hold");
        }

        return (int)count;
    }

    public string ReadString()
    {
        var length = ReadCount(MaxStringBytes);
        var value = Encoding.UTF8.GetString(_data.Slice(_position, length));
        _position += length;
        return value;
    }

    public readonly void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw new SerializationException($"{_data.Length - _position} unexpected trailing bytes");
        }
    }
}
