namespace LoomExchange.Actors.Protocol;

/// <summary>
/// Marks every message that is persisted or may cross a process boundary. The one binding of this
/// interface to <c>ExchangeSerializer</c> covers them all; strict serialization turns a type that lacks a
/// manifest into an error instead of a silent fallback to JSON.
/// </summary>
public interface IExchangeMessage;
