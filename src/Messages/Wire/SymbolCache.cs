using System.Collections.Concurrent;
using System.Text;

namespace LoomExchange.Messages.Wire;

/// <summary>
/// Interns decoded symbols so that a stream of orders for the same few instruments allocates no symbol strings.
/// Bounded: once full, new symbols are allocated as usual (a client sending random symbols cannot grow it).
/// Shared by every session, hence concurrent.
/// </summary>
internal static class SymbolCache
{
    private const int Capacity = 1024;
    private static readonly ConcurrentDictionary<string, string> Symbols = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Symbols.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _count;

    /// <summary>The symbol spelled by <paramref name="ascii"/>, already validated as printable ASCII of at most 32 bytes.</summary>
    public static string Get(ReadOnlySpan<byte> ascii)
    {
        if (ascii.IsEmpty)
        {
            return string.Empty;
        }

        Span<char> chars = stackalloc char[BinaryCodec.SymbolFieldSize];
        var length = Encoding.ASCII.GetChars(ascii, chars);
        var name = chars[..length];
        if (Lookup.TryGetValue(name, out var symbol))
        {
            return symbol;
        }

        symbol = new string(name);
        if (Volatile.Read(ref _count) < Capacity && Symbols.TryAdd(symbol, symbol))
        {
            Interlocked.Increment(ref _count);
        }

        return symbol;
    }
}
