using LoomExchange.Actors.Protocol;

namespace LoomExchange.Actors.OrderBooks.Journal;

/// <summary>Journaled: trading in the book was halted or resumed.</summary>
public sealed record TradingStatusChanged(bool Halted, string Reason) : IExchangeMessage;
