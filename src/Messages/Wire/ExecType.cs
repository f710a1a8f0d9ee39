namespace LoomExchange.Messages.Wire;

/// <summary>What an <see cref="ExecutionReport"/> reports. The numbers are part of the protocol.</summary>
public enum ExecType : byte
{
    Accepted = 1,
    Rejected = 2,
    PartialFill = 3,
    Fill = 4,
    Cancelled = 5,
    Amended = 6,
    Expired = 7,

    /// <summary>The answer to an <see cref="OrderStatusRequest"/>: the order as it rests now.</summary>
    Status = 8,

    /// <summary>The end of a <see cref="MassCancel"/>: <see cref="ExecutionReport.Quantity"/> carries how many orders it cancelled.</summary>
    MassCancelDone = 9,
}
