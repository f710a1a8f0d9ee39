namespace LoomExchange.Actors.Protocol;

/// <summary>How a book disposed of a command. Numeric values are part of the wire format.</summary>
public enum CommandStatus : byte
{
    /// <summary>Executed; its events are journaled.</summary>
    Executed = 1,

    /// <summary>Refused; <c>RejectReason</c> says why. A reject by the engine is journaled, one by the entity (unknown or halted symbol) is not.</summary>
    Rejected = 2,

    /// <summary>A retry of a command already executed (same account and client order id): the original outcome, nothing new done.</summary>
    Duplicate = 3,
}
