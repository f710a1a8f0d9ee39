namespace LoomExchange.Gateway.Pipeline;

/// <summary>
/// What flows from the session stage through the L1 and L3 stages to the routing stage: requests to route,
/// messages to send as they are, and the session's start and end. Stages pass on what is not theirs.
/// </summary>
internal abstract class SessionElement;
