using System.Runtime.Serialization;
using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.Serialization;

/// <summary>Dispatch from message type to its layout, and back from manifest.</summary>
internal static class MessageCodec
{
    public static void Write(PayloadWriter w, object message)
    {
        switch (message)
        {
            case BookBatch batch:
                BookCodec.WriteBatch(w, batch);
                break;
            case BookSnapshotState snapshot:
                BookCodec.WriteSnapshot(w, snapshot);
                break;
            case InstrumentChanged changed:
                BookCodec.WriteSpec(w, changed.Spec);
                break;
            case TradingStatusChanged status:
                w.WriteBool(status.Halted);
                w.WriteString(status.Reason);
                break;
            case BookCommand command:
                w.WriteString(command.Symbol);
                w.WriteVarLong(command.CorrelationId);
                OrderCodec.WriteCommand(w, command.Command);
                break;
            case BookCommandResult result:
                w.WriteString(result.Symbol);
                w.WriteVarLong(result.CorrelationId);
                w.WriteByte((byte)result.Status);
                w.WriteVarLong(result.OrderId);
                w.WriteVarULong((ulong)result.RejectReason);
                OrderCodec.WriteEvents(w, result.Events);
                break;
            case AccountEvents accountEvents:
                w.WriteString(accountEvents.Symbol);
                OrderCodec.WriteEvents(w, accountEvents.Events);
                break;
            case GetBookDepth query:
                w.WriteString(query.Symbol);
                w.WriteVarLong(query.Depth);
                break;
            case BookDepth depth:
                w.WriteString(depth.Symbol);
                w.WriteVarLong(depth.Sequence);
                w.WriteVarLong(depth.LastTradePrice);
                BookCodec.WriteLevels(w, depth.Bids);
                BookCodec.WriteLevels(w, depth.Asks);
                break;
            case GetBookStatus query:
                w.WriteString(query.Symbol);
                break;
            case BookStatus status:
                w.WriteString(status.Symbol);
                w.WriteBool(status.Listed);
                w.WriteBool(status.Halted);
                w.WriteVarLong(status.Sequence);
                w.WriteVarLong(status.JournaledSequence);
                w.WriteVarLong(status.OrderCount);
                w.WriteVarULong(status.StateHash);
                w.WriteVarLong(status.DedupEntries);
                w.WriteVarLong(status.RecoveryMicros);
                break;
            case SetInstrument set:
                BookCodec.WriteSpec(w, set.Spec);
                break;
            case InstrumentResult result:
                w.WriteString(result.Symbol);
                w.WriteBool(result.Accepted);
                w.WriteString(result.Error);
                break;
            case SetTradingHalt halt:
                w.WriteString(halt.Symbol);
                w.WriteBool(halt.Halted);
                w.WriteString(halt.Reason);
                break;
            case StopBook:
                break;
            case GetBookOrders query:
                w.WriteString(query.Symbol);
                w.WriteVarLong(query.MaxOrders);
                break;
            case BookOrders orders:
                w.WriteString(orders.Symbol);
                w.WriteVarLong(orders.Sequence);
                BookCodec.WriteOrders(w, orders.Orders);
                break;
            case GetOrderStatus query:
                w.WriteString(query.Symbol);
                w.WriteVarLong(query.AccountId);
                w.WriteVarLong(query.OrderId);
                w.WriteVarLong(query.CorrelationId);
                break;
            case OrderStatusResult status:
                w.WriteString(status.Symbol);
                w.WriteVarLong(status.CorrelationId);
                BookCodec.WriteOrders(w, status.Order is { } order ? [order] : []);
                break;
            case SnapshotBook snapshot:
                w.WriteString(snapshot.Symbol);
                break;
            case BookSnapshotTaken taken:
                w.WriteString(taken.Symbol);
                w.WriteBool(taken.Saved);
                w.WriteVarLong(taken.JournalSequenceNr);
                w.WriteVarLong(taken.BookSequence);
                w.WriteString(taken.Error);
                break;
            case InstrumentListing listing:
                BookCodec.WriteSpec(w, listing.Spec);
                break;
            default:
                throw new SerializationException($"no layout for {message.GetType().FullName}");
        }
    }

    public static object Read(ref PayloadReader r, string manifest) => manifest switch
    {
        Manifests.BookBatch => BookCodec.ReadBatch(ref r),
        Manifests.BookSnapshot => BookCodec.ReadSnapshot(ref r, deltaDedup: true),
        Manifests.BookSnapshotPlain => BookCodec.ReadSnapshot(ref r, deltaDedup: false),
        Manifests.InstrumentChanged => new InstrumentChanged(BookCodec.ReadSpec(ref r)),
        Manifests.TradingStatusChanged => new TradingStatusChanged(r.ReadBool(), r.ReadString()),
        Manifests.BookCommand => new BookCommand(r.ReadString(), default, r.ReadVarLong()) { Command = OrderCodec.ReadCommand(ref r) },
        Manifests.BookCommandResult => new BookCommandResult(
            r.ReadString(), r.ReadVarLong(), (CommandStatus)r.ReadByte(), r.ReadVarLong(), (RejectReason)r.ReadVarULong(), OrderCodec.ReadEvents(ref r)),
        Manifests.GetBookDepth => new GetBookDepth(r.ReadString(), (int)r.ReadVarLong()),
        Manifests.BookDepth => new BookDepth(r.ReadString(), r.ReadVarLong(), r.ReadVarLong(), BookCodec.ReadLevels(ref r), BookCodec.ReadLevels(ref r)),
        Manifests.GetBookStatus => new GetBookStatus(r.ReadString()),
        Manifests.BookStatus => new BookStatus(
            r.ReadString(), r.ReadBool(), r.ReadBool(), r.ReadVarLong(), r.ReadVarLong(), (int)r.ReadVarLong(), r.ReadVarULong(), (int)r.ReadVarLong(), r.ReadVarLong()),
        Manifests.SetInstrument => new SetInstrument(BookCodec.ReadSpec(ref r)),
        Manifests.InstrumentResult => new InstrumentResult(r.ReadString(), r.ReadBool(), r.ReadString()),
        Manifests.SetTradingHalt => new SetTradingHalt(r.ReadString(), r.ReadBool(), r.ReadString()),
        Manifests.StopBook => StopBook.Instance,
        Manifests.GetBookOrders => new GetBookOrders(r.ReadString(), (int)r.ReadVarLong()),
        Manifests.BookOrders => new BookOrders(r.ReadString(), r.ReadVarLong(), BookCodec.ReadOrders(ref r)),
        Manifests.GetOrderStatus => new GetOrderStatus(r.ReadString(), r.ReadVarLong(), r.ReadVarLong(), r.ReadVarLong()),
        Manifests.OrderStatusResult => ReadOrderStatus(ref r),
        Manifests.AccountEvents => new AccountEvents(r.ReadString(), OrderCodec.ReadEvents(ref r)),
        Manifests.SnapshotBook => new SnapshotBook(r.ReadString()),
        Manifests.BookSnapshotTaken => new BookSnapshotTaken(r.ReadString(), r.ReadBool(), r.ReadVarLong(), r.ReadVarLong(), r.ReadString()),
        Manifests.InstrumentListing => new InstrumentListing(BookCodec.ReadSpec(ref r)),
        _ => throw new SerializationException($"unknown manifest '{manifest}'"),
    };

    private static OrderStatusResult ReadOrderStatus(ref PayloadReader r)
    {
        var symbol = r.ReadString();
        var correlationId = r.ReadVarLong();
        var orders = BookCodec.ReadOrders(ref r);
        return orders.Length switch
        {
            0 => new OrderStatusResult(symbol, correlationId, null),
            1 => new OrderStatusResult(symbol, correlationId, orders[0]),
            _ => throw new SerializationException($"order status of {symbol} carries {orders.Length} orders"),
        };
    }
}
