using LoomExchange.Messages.Orders;

namespace LoomExchange.Cli.Bench;

/// <summary>
/// Reject reasons that mean the request never reached a book's journal: the gateway refused it (rate limit, no logon,
/// no answer in time) or the book turned it away before matching (unknown symbol, halt, kill switch). A bench counts
/// these apart from durable acknowledgements: a node that refuses fast must not look like a node that journals fast.
/// </summary>
internal static class RefusalReasons
{
    public static bool IsRefusal(RejectReason reason) => reason is
        RejectReason.RateLimited or
        RejectReason.NotLoggedOn or
        RejectReason.ServiceUnavailable or
        RejectReason.UnknownSymbol or
        RejectReason.SymbolHalted or
        RejectReason.AccountBlocked;
}
