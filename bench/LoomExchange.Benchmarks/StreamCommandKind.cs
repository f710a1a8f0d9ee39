namespace LoomExchange.Benchmarks;

/// <summary>What the generator meant a command to be (the engine only sees an <c>OrderCommand</c>).</summary>
internal enum StreamCommandKind
{
    /// <summary>GTC limit priced not to cross: it rests.</summary>
    PassiveLimit,

    /// <summary>GTC limit priced through the opposite best: it trades, any remainder rests.</summary>
    AggressiveLimit,

    /// <summary>IOC limit priced through the opposite best.</summary>
    IocLimit,

    /// <summary>Market order (IOC).</summary>
    Market,

    Cancel,

    /// <summary>Same price, smaller quantity: amended in place.</summary>
    AmendQuantityDown,

    /// <summary>New (non-crossing) price: the order moves to the back of its new level.</summary>
    AmendPrice,
}
