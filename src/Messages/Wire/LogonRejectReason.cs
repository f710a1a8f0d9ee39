namespace LoomExchange.Messages.Wire;

/// <summary>Why a <see cref="Logon"/> was refused. Stable numbers: clients act on them.</summary>
public enum LogonRejectReason : byte
{
    InvalidCredentials = 1,
    AddressBlocked = 2,
    TooManySessions = 3,
    InvalidHeartbeatInterval = 4,
    GatewayUnavailable = 5,
}
