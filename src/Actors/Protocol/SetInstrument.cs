using LoomExchange.Messages.Instruments;

namespace LoomExchange.Actors.Protocol;

/// <summary>Lists a symbol or changes its trading rules; journaled by the book. Answered with <see cref="InstrumentResult"/>.</summary>
public sealed record SetInstrument(InstrumentSpec Spec) : IBookMessage
{
    public string Symbol => Spec.Symbol;
}
