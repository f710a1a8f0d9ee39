using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Actors.OrderBooks.Journal;

/// <summary>Journaled: the book's trading rules were set (a listing or a change), so they survive restarts and moves.</summary>
public sealed record InstrumentChanged(InstrumentSpec Spec) : IExchangeMessage;
