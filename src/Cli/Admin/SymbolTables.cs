using System.Text.Json;

namespace LoomExchange.Cli.Admin;

/// <summary>Human views of the exchange palette's answers.</summary>
internal static class SymbolTables
{
    public static string Symbols(JsonElement list)
    {
        var table = new Table("SYMBOL", "TICK", "LOT", "MIN", "MAX", "BAND%", "STATE", "SEQUENCE", "ORDERS");
        foreach (var s in list.EnumerateArray())
        {
            var state = s.TryGetProperty("halted", out var halted) && halted.ValueKind != JsonValueKind.Null ? (halted.GetBoolean() ? "HALTED" : "trading") : "no answer";
            var band = s.GetProperty("priceBandBps").GetInt32() / 100m;
            table.Add(
                AdminJson.Text(s, "symbol"),
                AdminJson.Text(s, "tickSize"),
                AdminJson.Text(s, "lotSize"),
                AdminJson.Text(s, "minQuantity"),
                AdminJson.Text(s, "maxQuantity"),
                band.ToString(System.Globalization.CultureInfo.InvariantCulture),
                state,
                AdminJson.Text(s, "sequence"),
                AdminJson.Text(s, "orders"));
        }

        return $"{table}{Environment.NewLine}{table.Count} symbol(s)";
    }

    public static string Depth(JsonElement depth)
    {
        var table = new Table("BID ORDERS", "BID QTY", "BID", "ASK", "ASK QTY", "ASK ORDERS");
        var bids = depth.GetProperty("bids").EnumerateArray().ToList();
        var asks = depth.GetProperty("asks").EnumerateArray().ToList();
        for (var i = 0; i < Math.Max(bids.Count, asks.Count); i++)
        {
            string[] bid = i < bids.Count ? [AdminJson.Text(bids[i], "orders"), AdminJson.Text(bids[i], "quantity"), AdminJson.Text(bids[i], "price")] : ["", "", ""];
            string[] ask = i < asks.Count ? [AdminJson.Text(asks[i], "price"), AdminJson.Text(asks[i], "quantity"), AdminJson.Text(asks[i], "orders")] : ["", "", ""];
            table.Add([.. bid, .. ask]);
        }

        var hash = depth.TryGetProperty("stateHash", out var h) ? $", state hash {h.GetRawText()}" : string.Empty;
        return $"{AdminJson.Text(depth, "symbol")} at sequence {AdminJson.Text(depth, "sequence")}, last trade {AdminJson.Text(depth, "lastTradePrice")}{hash}{Environment.NewLine}{table}";
    }

    public static string Sessions(JsonElement list)
    {
        var table = new Table("SESSION", "ACCOUNT", "API KEY", "REMOTE", "EDGE", "LOGON", "IN", "OUT", "REQUESTS", "REJECTS");
        foreach (var s in list.EnumerateArray())
        {
            var info = s.GetProperty("info");
            table.Add(
                AdminJson.Text(info, "sessionId"),
                AdminJson.Text(info, "accountId"),
                AdminJson.Text(info, "apiKey"),
                AdminJson.Text(info, "remoteAddress"),
                AdminJson.Text(info, "edge"),
                AdminJson.Text(info, "logonTime"),
                AdminJson.Text(s, "messagesIn"),
                AdminJson.Text(s, "messagesOut"),
                AdminJson.Text(s, "requests"),
                AdminJson.Text(s, "rejects"));
        }

        return $"{table}{Environment.NewLine}{table.Count} session(s)";
    }
}
