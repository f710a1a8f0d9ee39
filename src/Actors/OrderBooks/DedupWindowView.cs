using System.Collections;
using LoomExchange.Actors.OrderBooks.Journal;

namespace LoomExchange.Actors.OrderBooks;

/// <summary>
/// A retry window's entries as of one moment, oldest first, read from the window's own chunks (which are never
/// written again where this reads): what a snapshot carries instead of a copy.
/// </summary>
internal sealed class DedupWindowView : IReadOnlyList<DedupEntry>
{
    private readonly DedupEntry[][] _chunks;
    private readonly int _firstIndex;

    public DedupWindowView(DedupEntry[][] chunks, int firstIndex, int count)
    {
        _chunks = chunks;
        _firstIndex = firstIndex;
        Count = count;
    }

    public int Count { get; }

    public DedupEntry this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var offset = _firstIndex + index;
            foreach (var chunk in _chunks)
            {
                if (offset < chunk.Length)
                {
                    return chunk[offset];
                }

                offset -= chunk.Length;
            }

            throw new InvalidOperationException("the window's chunks hold fewer entries than its count");
        }
    }

    public IEnumerator<DedupEntry> GetEnumerator()
    {
        var remaining = Count;
        var start = _firstIndex;
        foreach (var chunk in _chunks)
        {
            for (var i = start; i < chunk.Length && remaining > 0; i++, remaining--)
            {
                yield return chunk[i];
            }

            start = 0;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
