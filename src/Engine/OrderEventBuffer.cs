using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine;

/// <summary>
/// The caller-owned buffer the book writes its events into. It grows when a command produces more events
/// than it holds (a sweep of many levels), then keeps its size, so steady state allocates nothing.
/// Several commands may append to one buffer: that is how a write batch collects its events.
/// </summary>
public sealed class OrderEventBuffer
{
    private OrderEvent[] _events;
    private int _count;

    public OrderEventBuffer(int initialCapacity = 256) => _events = new OrderEvent[Math.Max(16, initialCapacity)];

    public int Count => _count;

    public ReadOnlySpan<OrderEvent> Events => _events.AsSpan(0, _count);

    public ref readonly OrderEvent this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return ref _events[index];
        }
    }

    public void Add(in OrderEvent orderEvent)
    {
        if (_count == _events.Length)
        {
            Array.Resize(ref _events, _events.Length * 2);
        }

        _events[_count++] = orderEvent;
    }

    public void Clear() => _count = 0;

    /// <summary>A copy of the events (allocates: for tests and tools, not the hot path).</summary>
    public OrderEvent[] ToArray() => Events.ToArray();
}
