using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Book;

/// <summary>
/// An order resting in the book, stored by value in <see cref="OrderStore"/>'s pool and linked into its
/// price level's FIFO queue by slot indices, so that cancel is O(1) and nothing is allocated per order.
/// </summary>
internal struct RestingOrder
{
    public long OrderId;
    public long AccountId;
    public long ClientOrderId;
    public long Price;
    public long Leaves;
    public long ExpireAt;
    public Side Side;
    public TimeInForce TimeInForce;
    public SelfTradePrevention SelfTradePrevention;
    public bool PostOnly;

    /// <summary>Slot of the price level the order is queued in.</summary>
    public int Level;

    /// <summary>Previous order slot in the level's queue (towards the head), or -1.</summary>
    public int Prev;

    /// <summary>Next order slot in the level's queue (towards the tail), or -1; links the free list when unused.</summary>
    public int Next;
}
