using System.CommandLine;

namespace LoomExchange.Cli.Admin;

/// <summary><c>exchange snapshot SYMBOL</c> and <c>exchange replay SYMBOL --at SEQUENCE|TIMESTAMP</c>.</summary>
internal static class BookHistoryCommands
{
    public static Command Snapshot(Option<bool> json)
    {
        var symbol = ExchangePalette.SymbolArgument();
        var command = new Command("snapshot", "Make the book snapshot now (at its journaled state); prints the snapshot's sequence number") { symbol };
        command.SetAction((result, token) => AdminRunner.RunAsync(
            result,
            json,
            (c, t) => c.PostAsync($"admin/exchange/books/{ExchangePalette.Escape(result.GetRequiredValue(symbol))}/snapshot", null, t),
            s => $"{AdminJson.Text(s, "symbol")}: snapshot saved at journal sequence {AdminJson.Text(s, "journalSequenceNr")} (book sequence {AdminJson.Text(s, "bookSequence")})",
            token));
        return command;
    }

    public static Command Replay(Option<bool> json)
    {
        var symbol = ExchangePalette.SymbolArgument();
        var at = new Option<string>("--at")
        {
            Description = "A book sequence number (digits) or a timestamp (ISO 8601, e.g. 2026-01-31T12:00:00Z): the book as of that event",
            Required = true,
        };
        var depth = new Option<int>("--depth", "-d") { Description = "Price levels per side (default 10)", DefaultValueFactory = _ => 10 };
        var command = new Command("replay", "Rebuild the book as of a past point from the journal (read-only; the live book is not touched)") { symbol, at, depth };
        command.SetAction((result, token) => AdminRunner.RunAsync(
            result,
            json,
            (c, t) => c.GetAsync(
                $"admin/exchange/books/{ExchangePalette.Escape(result.GetRequiredValue(symbol))}/replay?at={Uri.EscapeDataString(result.GetRequiredValue(at))}&depth={result.GetValue(depth)}", t),
            r => $"replayed {AdminJson.Text(r, "eventsApplied")} event(s); {AdminJson.Text(r, "orders")} resting order(s), halted {AdminJson.Text(r, "halted")}" +
                 $"{Environment.NewLine}{SymbolTables.Depth(r)}",
            token));
        return command;
    }
}
