namespace LoomExchange.Engine.Book;

/// <summary>All resting orders at one price on one side: a FIFO queue (head = oldest) with its totals.</summary>
internal struct PriceLevel
{
    public long Price;
    public long Quantity;
    public int OrderCount;

    /// <summary>Oldest order slot, or -1.</summary>
    public int Head;

    /// <summary>Newest order slot, or -1.</summary>
    public int Tail;

    /// <summary>Links the level pool's free list while the level is unused.</summary>
    public int NextFree;
}
