using System.Globalization;

namespace LoomExchange.Admin.Sharding;

/// <summary>Shard ids are numbers in text: order 2 before 17, and anything else after them, by text.</summary>
internal sealed class ShardIdOrder : IComparer<string>
{
    public static readonly ShardIdOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var xNumber = long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var a);
        var yNumber = long.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var b);
        return (xNumber, yNumber) switch
        {
            (true, true) => a.CompareTo(b),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(x, y),
        };
    }
}
