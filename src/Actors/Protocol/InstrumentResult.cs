namespace LoomExchange.Actors.Protocol;

/// <summary>The outcome of <see cref="SetInstrument"/>: accepted, or the problems that made it invalid.</summary>
public sealed record InstrumentResult(string Symbol, bool Accepted, string Error) : IExchangeMessage;
