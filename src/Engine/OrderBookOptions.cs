namespace LoomExchange.Engine;

/// <summary>Sizing of one order book. Pools start at the initial sizes and double when full.</summary>
public sealed record OrderBookOptions
{
    public static readonly OrderBookOptions Default = new();

    public int InitialOrderCapacity { get; init; } = 1024;

    public int InitialLevelCapacity { get; init; } = 1024;

    /// <summary>Resting orders the book holds at most; an order that could rest beyond it is rejected (BookFull).</summary>
    public int MaxOrders { get; init; } = 1_000_000;
}
