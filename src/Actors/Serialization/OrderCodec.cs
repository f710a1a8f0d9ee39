using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.Serialization;

/// <summary>
/// Binary layout of order commands and events. Each value starts with its type byte and a bit mask of the
/// fields that are not zero; only those follow, as varints, in mask-bit order. Events in a list carry their
/// sequence and timestamp as deltas from the previous event (1 and 0 for most), so a typical event is ~15 bytes.
/// Mask bits are append-only: a new field takes a new bit and old payloads stay readable.
/// </summary>
internal static class OrderCodec
{
    public static void WriteEvents(PayloadWriter writer, IReadOnlyList<OrderEvent> events)
    {
        writer.WriteVarULong((ulong)events.Count);
        long previousSequence = 0, previousTimestamp = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            writer.WriteByte((byte)e.Type);
            writer.WriteVarLong(e.Sequence - previousSequence);
            writer.WriteVarLong(e.Timestamp - previousTimestamp);
            previousSequence = e.Sequence;
            previousTimestamp = e.Timestamp;
            WriteEventFields(writer, e);
        }
    }

    public static OrderEvent[] ReadEvents(ref PayloadReader reader)
    {
        var events = new OrderEvent[reader.ReadCount(int.MaxValue)];
        long sequence = 0, timestamp = 0;
        for (var i = 0; i < events.Length; i++)
        {
            var type = (EventType)reader.ReadByte();
            sequence += reader.ReadVarLong();
            timestamp += reader.ReadVarLong();
            events[i] = ReadEventFields(ref reader, type, sequence, timestamp);
        }

        return events;
    }

    public static void WriteCommand(PayloadWriter writer, in OrderCommand c)
    {
        writer.WriteByte((byte)c.Type);
        ulong mask = 0;
        Span<long> values = stackalloc long[12];
        var n = 0;
        Add(ref mask, values, ref n, 0, c.Timestamp);
        Add(ref mask, values, ref n, 1, c.AccountId);
        Add(ref mask, values, ref n, 2, c.ClientOrderId);
        Add(ref mask, values, ref n, 3, c.OrderId);
        Add(ref mask, values, ref n, 4, (byte)c.Side);
        Add(ref mask, values, ref n, 5, (byte)c.OrderType);
        Add(ref mask, values, ref n, 6, (byte)c.TimeInForce);
        Add(ref mask, values, ref n, 7, (byte)c.SelfTradePrevention);
        Add(ref mask, values, ref n, 8, c.PostOnly ? 1 : 0);
        Add(ref mask, values, ref n, 9, c.Price);
        Add(ref mask, values, ref n, 10, c.Quantity);
        Add(ref mask, values, ref n, 11, c.ExpireAt);
        WriteMasked(writer, mask, values[..n]);
    }

    public static OrderCommand ReadCommand(ref PayloadReader reader)
    {
        var type = (CommandType)reader.ReadByte();
        Span<long> v = stackalloc long[12];
        ReadMasked(ref reader, v);
        return new OrderCommand
        {
            Type = type,
            Timestamp = v[0],
            AccountId = v[1],
            ClientOrderId = v[2],
            OrderId = v[3],
            Side = (Side)v[4],
            OrderType = (OrderType)v[5],
            TimeInForce = (TimeInForce)v[6],
            SelfTradePrevention = (SelfTradePrevention)v[7],
            PostOnly = v[8] != 0,
            Price = v[9],
            Quantity = v[10],
            ExpireAt = v[11],
        };
    }

    private static void WriteEventFields(PayloadWriter writer, in OrderEvent e)
    {
        ulong mask = 0;
        Span<long> values = stackalloc long[EventFieldCount];
        var n = 0;
        Add(ref mask, values, ref n, 0, e.OrderId);
        Add(ref mask, values, ref n, 1, e.AccountId);
        Add(ref mask, values, ref n, 2, e.ClientOrderId);
        Add(ref mask, values, ref n, 3, (byte)e.Side);
        Add(ref mask, values, ref n, 4, (byte)e.OrderType);
        Add(ref mask, values, ref n, 5, (byte)e.TimeInForce);
        Add(ref mask, values, ref n, 6, (byte)e.SelfTradePrevention);
        Add(ref mask, values, ref n, 7, e.PostOnly ? 1 : 0);
        Add(ref mask, values, ref n, 8, e.Price);
        Add(ref mask, values, ref n, 9, e.Quantity);
        Add(ref mask, values, ref n, 10, e.LeavesQuantity);
        Add(ref mask, values, ref n, 11, e.ExpireAt);
        Add(ref mask, values, ref n, 12, e.TradeId);
        Add(ref mask, values, ref n, 13, e.MakerOrderId);
        Add(ref mask, values, ref n, 14, e.MakerAccountId);
        Add(ref mask, values, ref n, 15, e.MakerClientOrderId);
        Add(ref mask, values, ref n, 16, e.MakerLeavesQuantity);
        Add(ref mask, values, ref n, 17, (byte)e.RejectedCommand);
        Add(ref mask, values, ref n, 18, (ushort)e.RejectReason);
        Add(ref mask, values, ref n, 19, (byte)e.CancelReason);
        WriteMasked(writer, mask, values[..n]);
    }

    private static OrderEvent ReadEventFields(ref PayloadReader reader, EventType type, long sequence, long timestamp)
    {
        Span<long> v = stackalloc long[EventFieldCount];
        ReadMasked(ref reader, v);
        return new OrderEvent
        {
            Type = type,
            Sequence = sequence,
            Timestamp = timestamp,
            OrderId = v[0],
            AccountId = v[1],
            ClientOrderId = v[2],
            Side = (Side)v[3],
            OrderType = (OrderType)v[4],
            TimeInForce = (TimeInForce)v[5],
            SelfTradePrevention = (SelfTradePrevention)v[6],
            PostOnly = v[7] != 0,
            Price = v[8],
            Quantity = v[9],
            LeavesQuantity = v[10],
            ExpireAt = v[11],
            TradeId = v[12],
            MakerOrderId = v[13],
            MakerAccountId = v[14],
            MakerClientOrderId = v[15],
            MakerLeavesQuantity = v[16],
            RejectedCommand = (CommandType)v[17],
            RejectReason = (RejectReason)v[18],
            CancelReason = (CancelReason)v[19],
        };
    }

    private const int EventFieldCount = 20;

    private static void Add(ref ulong mask, Span<long> values, ref int count, int bit, long value)
    {
        if (value != 0)
        {
            mask |= 1UL << bit;
            values[count++] = value;
        }
    }

    private static void WriteMasked(PayloadWriter writer, ulong mask, ReadOnlySpan<long> values)
    {
        writer.WriteVarULong(mask);
        foreach (var value in values)
        {
            writer.WriteVarLong(value);
        }
    }

    /// <summary>Fills <paramref name="values"/> from a mask; bits beyond the known fields mean a newer writer and are refused.</summary>
    private static void ReadMasked(ref PayloadReader reader, scoped Span<long> values)
    {
        var mask = reader.ReadVarULong();
        if (mask >> values.Length != 0)
        {
            throw new System.Runtime.Serialization.SerializationException($"field mask 0x{mask:x} names fields this version does not know");
        }

        for (var bit = 0; bit < values.Length; bit++)
        {
            values[bit] = (mask & (1UL << bit)) != 0 ? reader.ReadVarLong() : 0;
        }
    }
}
