using System.CommandLine;
using System.Text.Json;

namespace LoomExchange.Cli.Admin;

/// <summary>
/// <c>loomctl exchange …</c>: symbols and their rules, halt and resume, book depth, one order, snapshots, point-in-time
/// replay, sessions and kick, and the per-account kill switch.
/// </summary>
internal static class ExchangePalette
{
    private static Option<bool> Json => AdminGlobals.Json;

    public static Command Create()
    {
        var exchange = new Command("exchange", "Exchange administration: symbols, halt/resume, books, orders, snapshots, replay, sessions, kill switch") { Json };
        var symbols = new Command("symbols", "Listed symbols, their rules and their books' state");
        symbols.SetAction((result, token) => AdminRunner.RunAsync(result, Json, (c, t) => c.GetAsync("admin/exchange/symbols", t), SymbolTables.Symbols, token));
        exchange.Add(symbols);
        exchange.Add(SymbolCommands.Create(Json));
        exchange.Add(Halt("halt", "Halt trading in a symbol (orders and amends are rejected with SymbolHalted; cancels still work)"));
        exchange.Add(Halt("resume", "Resume trading in a halted symbol"));
        exchange.Add(Book());
        exchange.Add(Order());
        exchange.Add(BookHistoryCommands.Snapshot(Json));
        exchange.Add(BookHistoryCommands.Replay(Json));
        exchange.Add(Sessions());
        exchange.Add(Kick());
        exchange.Add(KillSwitchCommand.Create(Json));
        return exchange;
    }

    internal static Argument<string> SymbolArgument() => new("symbol") { Description = "Instrument symbol, e.g. BTC-USD" };

    internal static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static Command Halt(string name, string description)
    {
        var symbol = SymbolArgument();
        var reason = new Option<string?>("--reason") { Description = "Why (journaled with the change)" };
        var command = new Command(name, description) { symbol, reason };
        command.SetAction((result, token) => AdminRunner.RunAsync(
            result,
            Json,
            (c, t) => c.PostAsync($"admin/exchange/symbols/{Escape(result.GetRequiredValue(symbol))}/{name}", new { reason = result.GetValue(reason) }, t),
            s => $"{AdminJson.Text(s, "symbol")}: {(s.GetProperty("halted").GetBoolean() ? "halted" : "trading")} (sequence {AdminJson.Text(s, "sequence")}, {AdminJson.Text(s, "orders")} resting orders)",
            token));
        return command;
    }

    private static Command Book()
    {
        var symbol = SymbolArgument();
        var depth = new Option<int>("--depth", "-d") { Description = "Price levels per side (default 10)", DefaultValueFactory = _ => 10 };
        var command = new Command("book", "A book's aggregated depth, best levels first") { symbol, depth };
        command.SetAction((result, token) => AdminRunner.RunAsync(
            result, Json, (c, t) => c.GetAsync($"admin/exchange/books/{Escape(result.GetRequiredValue(symbol))}?depth={result.GetValue(depth)}", t), SymbolTables.Depth, token));
        return command;
    }

    private static Command Order()
    {
        var symbol = SymbolArgument();
        var orderId = new Argument<long>("orderId") { Description = "The exchange's order id" };
        var command = new Command("order", "One resting order of any account") { symbol, orderId };
        command.SetAction((result, token) => AdminRunner.RunAsync(
            result,
            Json,
            (c, t) => c.GetAsync($"admin/exchange/books/{Escape(result.GetRequiredValue(symbol))}/orders/{result.GetValue(orderId)}", t),
            o => $"order {AdminJson.Text(o, "orderId")} account {AdminJson.Text(o, "accountId")} (client order id {AdminJson.Text(o, "clientOrderId")}): " +
                 $"{AdminJson.Text(o, "side")} {AdminJson.Text(o, "leavesQuantity")} @ {AdminJson.Text(o, "price")} {AdminJson.Text(o, "timeInForce")}",
            token));
        return command;
    }

    private static Command Sessions()
    {
        var command = new Command("sessions", "Live client sessions on the node --node points at");
        command.SetAction((result, token) => AdminRunner.RunAsync(result, Json, (c, t) => c.GetAsync("admin/exchange/sessions", t), SymbolTables.Sessions, token));
        return command;
    }

    private static Command Kick()
    {
        var session = new Argument<long>("session") { Description = "Session id (from 'exchange sessions')" };
        var reason = new Option<string?>("--reason") { Description = "Text of the Logout the session gets" };
        var command = new Command("kick", "End a session: Logout(SessionEnded), then close") { session, reason };
        command.SetAction((result, token) => AdminRunner.RunAsync(
            result,
            Json,
            (c, t) => c.PostAsync($"admin/exchange/sessions/{result.GetValue(session)}/kick", new { reason = result.GetValue(reason) }, t),
            k => $"session {AdminJson.Text(k, "sessionId")} ended",
            token));
        return command;
    }
}
