namespace LoomExchange.Messages.Orders;

/// <summary>
/// Why a command was refused. These codes are a public contract that clients act on:
/// values are never renumbered or reused; new reasons take new numbers.
/// </summary>
public enum RejectReason : ushort
{
    None = 0,
    UnknownSymbol = 1,
    InvalidSide = 2,
    InvalidOrderType = 3,
    InvalidTimeInForce = 4,
    InvalidPrice = 5,
    InvalidQuantity = 6,
    TickSizeViolation = 7,
    LotSizeViolation = 8,
    QuantityBelowMinimum = 9,
    QuantityAboveMaximum = 10,
    NotionalAboveMaximum = 11,
    PriceOutsideBand = 12,
    PostOnlyWouldCross = 13,
    PostOnlyNotAllowed = 14,
    ExpireTimeInPast = 15,
    MissingExpireTime = 16,
    UnknownOrder = 17,
    AmendNoChange = 18,
    InvalidSelfTradePrevention = 19,
    SymbolHalted = 20,
    DuplicateClientOrderId = 21,
    InvalidCommand = 22,
    BookFull = 23,

    /// <summary>The session or its address sent more messages than its rate limit allows (gateway, L1).</summary>
    RateLimited = 24,

    /// <summary>The connection has not logged on; orders need a logged-on session (gateway, L1).</summary>
    NotLoggedOn = 25,

    /// <summary>The exchange could not reach the book in time; the order may or may not exist. Retry with the same client order id.</summary>
    ServiceUnavailable = 26,

    /// <summary>The account's kill switch is on (operator, <c>loomctl exchange kill-switch</c>): no new orders or amends until it is lifted; cancels still work.</summary>
    AccountBlocked = 27,
}
