using LoomExchange.Engine;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Benchmarks;

/// <summary>
/// A generated stream: the pre-fill that builds the starting book, then the commands to measure. Replayed
/// on a fresh book, it reproduces the simulated book exactly (<see cref="FinalStateHash"/>).
/// </summary>
internal sealed class CommandStream(OrderCommand[] prefill, OrderCommand[] commands, StreamStats stats, ulong finalStateHash)
{
    public OrderCommand[] Prefill { get; } = prefill;

    public OrderCommand[] Commands { get; } = commands;

    public StreamStats Stats { get; } = stats;

    /// <summary>State hash of the simulated book after the whole stream.</summary>
    public ulong FinalStateHash { get; } = finalStateHash;

    /// <summary>A fresh book with the pre-fill applied (the same starting book every time).</summary>
    public OrderBook NewPrefilledBook(OrderEventBuffer buffer, OrderBookOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var book = BenchInstrument.NewBook(options);
        foreach (ref readonly var command in Prefill.AsSpan())
        {
            buffer.Clear();
            book.Process(command, buffer);
        }

        buffer.Clear();
        return book;
    }
}
