namespace LoomExchange.Actors.Serialization;

/// <summary>The manifest of every serialized type. Stored in the journal: never rename or reuse one.</summary>
internal static class Manifests
{
    public const string BookBatch = "bb";
    /// <summary>The first snapshot layout: retry-window entries as plain varints. Read only (older journals).</summary>
    public const string BookSnapshotPlain = "bs";

    /// <summary>The snapshot layout written now: retry-window entries as differences from the entry before (decision 25).</summary>
    public const string BookSnapshot = "bs2";
    public const string InstrumentChanged = "ic";
    public const string TradingStatusChanged = "tc";
    public const string BookCommand = "cmd";
    public const string BookCommandResult = "res";
    public const string GetBookDepth = "gd";
    public const string BookDepth = "dp";
    public const string GetBookStatus = "gs";
    public const string BookStatus = "st";
    public const string SetInstrument = "si";
    public const string InstrumentResult = "ir";
    public const string SetTradingHalt = "th";
    public const string StopBook = "stop";
    public const string GetBookOrders = "go";
    public const string BookOrders = "bo";
    public const string GetOrderStatus = "gos";
    public const string OrderStatusResult = "osr";
    public const string AccountEvents = "ae";
    public const string SnapshotBook = "snb";
    public const string BookSnapshotTaken = "snt";
    public const string InstrumentListing = "il";
}
