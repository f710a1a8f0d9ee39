using LoomExchange.Messages.Instruments;

namespace LoomExchange.Actors.Protocol;

/// <summary>A symbol's rules as replicated to every node's instrument registry (the value of the cluster-wide listing map).</summary>
public sealed record InstrumentListing(InstrumentSpec Spec) : IExchangeMessage;
