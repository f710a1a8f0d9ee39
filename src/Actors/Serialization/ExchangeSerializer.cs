using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;
using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Actors.Protocol;

namespace LoomExchange.Actors.Serialization;

/// <summary>
/// The one serializer for everything persisted or sent between nodes (<see cref="IExchangeMessage"/>).
/// Explicit short manifests, and a format version byte first in every payload, so that a layout change is a
/// new version read side by side with the old one, never a silent reinterpretation of journaled bytes.
/// </summary>
public sealed class ExchangeSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer id stored with every journal row; never change it.</summary>
    public const int SerializerId = 7401;

    public const byte FormatVersion = 1;

    public ExchangeSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    public override int Identifier => SerializerId;

    public override string Manifest(object o) => o switch
    {
        BookBatch => Manifests.BookBatch,
        BookSnapshotState => Manifests.BookSnapshot,
        InstrumentChanged => Manifests.InstrumentChanged,
        TradingStatusChanged => Manifests.TradingStatusChanged,
        BookCommand => Manifests.BookCommand,
        BookCommandResult => Manifests.BookCommandResult,
        GetBookDepth => Manifests.GetBookDepth,
        BookDepth => Manifests.BookDepth,
        GetBookStatus => Manifests.GetBookStatus,
        BookStatus => Manifests.BookStatus,
        SetInstrument => Manifests.SetInstrument,
        InstrumentResult => Manifests.InstrumentResult,
        SetTradingHalt => Manifests.SetTradingHalt,
        StopBook => Manifests.StopBook,
        GetBookOrders => Manifests.GetBookOrders,
        BookOrders => Manifests.BookOrders,
        GetOrderStatus => Manifests.GetOrderStatus,
        OrderStatusResult => Manifests.OrderStatusResult,
        AccountEvents => Manifests.AccountEvents,
        SnapshotBook => Manifests.SnapshotBook,
        BookSnapshotTaken => Manifests.BookSnapshotTaken,
        InstrumentListing => Manifests.InstrumentListing,
        _ => throw new SerializationException($"{nameof(ExchangeSerializer)} has no manifest for {o.GetType().FullName}"),
    };

    public override byte[] ToBinary(object obj)
    {
        using var writer = new PayloadWriter();
        writer.WriteByte(FormatVersion);
        MessageCodec.Write(writer, obj);
        return writer.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var reader = new PayloadReader(bytes);
        var version = reader.ReadByte();
        if (version != FormatVersion)
        {
            throw new SerializationException($"{manifest}: format version {version} is not supported (this build reads {FormatVersion})");
        }

        var message = MessageCodec.Read(ref reader, manifest);
        reader.ExpectEnd();
        return message;
    }
}
