namespace LoomExchange.Client.Transport;

/// <summary>Bytes received and not yet decoded: read into <see cref="FreeSpace"/>, decode from <see cref="Data"/>.</summary>
internal sealed class FrameReadBuffer(int initialSize)
{
    private byte[] _buffer = new byte[initialSize];
    private int _start;
    private int _end;

    public ReadOnlyMemory<byte> Data => _buffer.AsMemory(_start, _end - _start);

    public Memory<byte> FreeSpace => _buffer.AsMemory(_end);

    public void Advance(int count) => _end += count;

    public void Consume(int count)
    {
        _start += count;
        if (_start == _end)
        {
            _start = _end = 0;
        }
    }

    /// <summary>Makes the buffer able to hold one frame of <paramref name="frameSize"/> bytes.</summary>
    public void EnsureCapacity(int frameSize)
    {
        if (_buffer.Length < frameSize)
        {
            var larger = new byte[Math.Max(frameSize, _buffer.Length * 2)];
            Data.Span.CopyTo(larger);
            _end -= _start;
            _start = 0;
            _buffer = larger;
        }
    }

    /// <summary>Moves the undecoded tail to the front when the free space runs low.</summary>
    public void MakeRoom()
    {
        if (_buffer.Length - _end < _buffer.Length / 4 && _start > 0)
        {
            Data.Span.CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
    }
}
