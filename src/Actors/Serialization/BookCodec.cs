using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Engine;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.Serialization;

/// <summary>Binary layout of instruments, book snapshots, journal rows and their parts.</summary>
internal static class BookCodec
{
    public static void WriteSpec(PayloadWriter w, InstrumentSpec spec)
    {
        w.WriteString(spec.Symbol);
        w.WriteVarLong(spec.PriceDecimals);
        w.WriteVarLong(spec.QuantityDecimals);
        w.WriteVarLong(spec.TickSize);
        w.WriteVarLong(spec.LotSize);
        w.WriteVarLong(spec.MinQuantity);
        w.WriteVarLong(spec.MaxQuantity);
        w.WriteVarLong(spec.MaxNotional);
        w.WriteVarLong(spec.PriceBandBps);
        w.WriteVarLong(spec.ReferencePrice);
    }

    public static InstrumentSpec ReadSpec(ref PayloadReader r) => new()
    {
        Symbol = r.ReadString(),
        PriceDecimals = (int)r.ReadVarLong(),
        QuantityDecimals = (int)r.ReadVarLong(),
        TickSize = r.ReadVarLong(),
        LotSize = r.ReadVarLong(),
        MinQuantity = r.ReadVarLong(),
        MaxQuantity = r.ReadVarLong(),
        MaxNotional = r.ReadVarLong(),
        PriceBandBps = (int)r.ReadVarLong(),
        ReferencePrice = r.ReadVarLong(),
    };

    public static void WriteBatch(PayloadWriter w, BookBatch batch)
    {
        w.WriteVarULong((ulong)batch.Commands.Count);
        foreach (var c in batch.Commands)
        {
            w.WriteVarLong(c.AccountId);
            w.WriteVarLong(c.ClientOrderId);
            w.WriteByte((byte)c.Type);
            w.WriteVarLong(c.OrderId);
            w.WriteVarULong((ulong)c.RejectReason);
            w.WriteVarULong((ulong)c.EventCount);
        }

        OrderCodec.WriteEvents(w, batch.Events);
    }

    public static BookBatch ReadBatch(ref PayloadReader r)
    {
        var commands = new CommandOutcome[r.ReadCount(int.MaxValue)];
        for (var i = 0; i < commands.Length; i++)
        {
            commands[i] = new CommandOutcome(
                r.ReadVarLong(),
                r.ReadVarLong(),
                (CommandType)r.ReadByte(),
                r.ReadVarLong(),
                (RejectReason)r.ReadVarULong(),
                (int)r.ReadVarULong());
        }

        return new BookBatch(commands, OrderCodec.ReadEvents(ref r));
    }

    public static void WriteSnapshot(PayloadWriter w, BookSnapshotState state)
    {
        w.WriteBool(state.Spec is not null);
        if (state.Spec is not null)
        {
            WriteSpec(w, state.Spec);
        }

        w.WriteBool(state.Halted);
        var book = state.Book;
        w.WriteString(book.Symbol);
        w.WriteVarLong(book.Sequence);
        w.WriteVarLong(book.NextOrderId);
        w.WriteVarLong(book.NextTradeId);
        w.WriteVarLong(book.LastTradePrice);
        WriteOrders(w, book.Orders);

        // Each entry as its differences from the one before: consecutive entries share accounts and have nearby order
        // ids, sequences and (per client) client order ids, so most fields take one byte instead of three to five.
        w.WriteVarULong((ulong)state.Dedup.Count);
        var previous = default(DedupEntry);
        foreach (var d in state.Dedup)
        {
            w.WriteVarLong(unchecked(d.AccountId - previous.AccountId));
            w.WriteVarLong(unchecked(d.ClientOrderId - previous.ClientOrderId));
            w.WriteByte((byte)d.Type);
            w.WriteVarLong(unchecked(d.OrderId - previous.OrderId));
            w.WriteVarULong((ulong)d.RejectReason);
            w.WriteVarLong(unchecked(d.Sequence - previous.Sequence));
            previous = d;
        }
    }

    /// <summary>Reads a snapshot; <paramref name="deltaDedup"/> false reads the first layout, whose entries were not differences.</summary>
    public static BookSnapshotState ReadSnapshot(ref PayloadReader r, bool deltaDedup)
    {
        var spec = r.ReadBool() ? ReadSpec(ref r) : null;
        var halted = r.ReadBool();
        var symbol = r.ReadString();
        var sequence = r.ReadVarLong();
        var nextOrderId = r.ReadVarLong();
        var nextTradeId = r.ReadVarLong();
        var lastTradePrice = r.ReadVarLong();
        var orders = ReadOrders(ref r);
        var dedup = new DedupEntry[r.ReadCount(int.MaxValue)];
        var previous = default(DedupEntry);
        for (var i = 0; i < dedup.Length; i++)
        {
            var entry = new DedupEntry(r.ReadVarLong(), r.ReadVarLong(), (CommandType)r.ReadByte(), r.ReadVarLong(), (RejectReason)r.ReadVarULong(), r.ReadVarLong());
            if (deltaDedup)
            {
                entry = new DedupEntry(
                    unchecked(previous.AccountId + entry.AccountId),
                    unchecked(previous.ClientOrderId + entry.ClientOrderId),
                    entry.Type,
                    unchecked(previous.OrderId + entry.OrderId),
                    entry.RejectReason,
                    unchecked(previous.Sequence + entry.Sequence));
            }

            dedup[i] = entry;
            previous = entry;
        }

        var book = new BookSnapshot
        {
            Symbol = symbol,
            Sequence = sequence,
            NextOrderId = nextOrderId,
            NextTradeId = nextTradeId,
            LastTradePrice = lastTradePrice,
            Orders = orders,
        };
        return new BookSnapshotState(spec, halted, book, dedup);
    }

    public static void WriteOrders(PayloadWriter w, IReadOnlyList<BookOrder> orders)
    {
        w.WriteVarULong((ulong)orders.Count);
        foreach (var o in orders)
        {
            w.WriteVarLong(o.OrderId);
            w.WriteVarLong(o.AccountId);
            w.WriteVarLong(o.ClientOrderId);
            w.WriteByte((byte)o.Side);
            w.WriteByte((byte)o.TimeInForce);
            w.WriteByte((byte)o.SelfTradePrevention);
            w.WriteBool(o.PostOnly);
            w.WriteVarLong(o.Price);
            w.WriteVarLong(o.LeavesQuantity);
            w.WriteVarLong(o.ExpireAt);
        }
    }

    public static BookOrder[] ReadOrders(ref PayloadReader r)
    {
        var orders = new BookOrder[r.ReadCount(int.MaxValue)];
        for (var i = 0; i < orders.Length; i++)
        {
            orders[i] = new BookOrder(
                r.ReadVarLong(),
                r.ReadVarLong(),
                r.ReadVarLong(),
                (Side)r.ReadByte(),
                (TimeInForce)r.ReadByte(),
                (SelfTradePrevention)r.ReadByte(),
                r.ReadBool(),
                r.ReadVarLong(),
                r.ReadVarLong(),
                r.ReadVarLong());
        }

        return orders;
    }

    public static void WriteLevels(PayloadWriter w, IReadOnlyList<PriceLevelView> levels)
    {
        w.WriteVarULong((ulong)levels.Count);
        foreach (var level in levels)
        {
            w.WriteVarLong(level.Price);
            w.WriteVarLong(level.Quantity);
            w.WriteVarLong(level.OrderCount);
        }
    }

    public static PriceLevelView[] ReadLevels(ref PayloadReader r)
    {
        var levels = new PriceLevelView[r.ReadCount(int.MaxValue)];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = new PriceLevelView(r.ReadVarLong(), r.ReadVarLong(), (int)r.ReadVarLong());
        }

        return levels;
    }
}
