using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LoomExchange.Node.Tests;

/// <summary>The admin API and loomctl's administration palettes against a real node process.</summary>
public sealed class AdminNodeSpecs
{
    [Fact]
    public async Task Should_show_the_cluster_and_its_shards_in_tables_and_json()
    {
        await using var admin = await AdminNode.StartAsync();
        await Place(admin, "BTC-USD", account: 1, clientOrderId: 1, "sell", "65000.50", "1");

        var show = await admin.JsonAsync("cluster", "show");
        var self = show.GetProperty("self").GetString();
        var member = Assert.Single(show.GetProperty("members").EnumerateArray());
        Assert.Equal(self, member.GetProperty("address").GetString());
        Assert.Equal("Up", member.GetProperty("status").GetString());
        Assert.True(member.GetProperty("reachable").GetBoolean());
        Assert.Equal("exchange", Assert.Single(member.GetProperty("roles").EnumerateArray()).GetString());
        Assert.Equal(1, show.GetProperty("count").GetInt32());

        var table = await admin.RunAsync("cluster", "show");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("ADDRESS", table.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 member(s)", table.StandardOutput, StringComparison.Ordinal);

        var status = await admin.JsonAsync("cluster", "status");
        Assert.True(status.GetProperty("isLeader").GetBoolean());
        Assert.Equal(self, (await admin.JsonAsync("cluster", "leader")).GetProperty("leader").GetString());
        Assert.Equal(0, (await admin.JsonAsync("cluster", "unreachable")).GetProperty("count").GetInt32());

        // The contract the chaos driver reads: every node's shards and their entity ids.
        var shards = await admin.JsonAsync("cluster-sharding", "shard-stats", "-r", "orderbook");
        Assert.Equal("orderbook", shards.GetProperty("region").GetString());
        var node = Assert.Single(shards.GetProperty("nodes").EnumerateArray());
        Assert.Equal(self, node.GetProperty("address").GetString());
        Assert.Contains(node.GetProperty("shards").EnumerateArray(), s => s.GetProperty("entities").EnumerateArray().Any(e => e.GetString() == "BTC-USD"));

        var alias = await admin.RunAsync("cluster", "sharding", "shard-stats", "-r", "orderbook");
        Assert.True(alias.ExitCode == 0, alias.ToString());
        Assert.Contains("BTC-USD", alias.StandardOutput, StringComparison.Ordinal);

        var stats = await admin.JsonAsync("cluster-sharding", "region-stats", "-r", "orderbook");
        Assert.True(stats.GetProperty("entities").GetInt32() >= 1);
        var regions = await admin.JsonAsync("cluster-sharding", "regions");
        Assert.Equal(self, regions.GetProperty("regions")[0].GetProperty("nodes")[0].GetString());

        var unknownRegion = await admin.RunAsync("cluster-sharding", "shard-stats", "-r", "nope");
        Assert.True(unknownRegion.ExitCode == 5, unknownRegion.ToString());
        Assert.Contains("unknown_region", unknownRegion.StandardError, StringComparison.Ordinal);

        // The tail starts with the current members, then streams until the client goes away.
        using var http = new HttpClient { BaseAddress = admin.Node.Client.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminNode.Token);
        using var tail = await http.GetAsync(new Uri("/admin/cluster/tail", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await tail.Content.ReadAsStreamAsync());
        using var first = JsonDocument.Parse((await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)))!);
        Assert.Equal(self, first.RootElement.GetProperty("address").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_wrong_or_missing_token_and_report_unknown_things_and_unreachable_nodes_with_their_exit_codes()
    {
        await using var admin = await AdminNode.StartAsync();

        var wrong = await Loomctl.RunAsync("--node", admin.Address, "--token", "not-the-token", "cluster", "show");
        Assert.True(wrong.ExitCode == 4, wrong.ToString());
        Assert.Contains("unauthorized", wrong.StandardError, StringComparison.Ordinal);

        using (var anonymous = await admin.Node.Client.GetAsync(new Uri("/admin/cluster/show", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Contains("\"error\":\"unauthorized\"", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var unknownSymbol = await admin.RunAsync("exchange", "book", "NOPE-USD");
        Assert.True(unknownSymbol.ExitCode == 5, unknownSymbol.ToString());
        Assert.Contains("unknown_symbol", unknownSymbol.StandardError, StringComparison.Ordinal);

        var unknownMember = await admin.RunAsync("cluster", "down", "akka.tcp://loom@127.0.0.1:1");
        Assert.True(unknownMember.ExitCode == 5, unknownMember.ToString());

        var badAddress = await admin.RunAsync("cluster", "join", "not-an-address");
        Assert.True(badAddress.ExitCode == 1, badAddress.ToString());

        var unknownSession = await admin.RunAsync("exchange", "kick", "424242");
        Assert.True(unknownSession.ExitCode == 5, unknownSession.ToString());

        var unreachable = await Loomctl.RunAsync("--node", $"127.0.0.1:{FreePort()}", "--token", AdminNode.Token, "cluster", "show");
        Assert.True(unreachable.ExitCode == 3, unreachable.ToString());
        Assert.Contains("cannot reach the admin API", unreachable.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_leave_the_admin_api_off_without_a_token_and_say_so()
    {
        await using var node = await NodeProcess.StartAsync();

        var show = await Loomctl.RunAsync("--node", node.Client.BaseAddress!.Authority, "--token", "anything", "cluster", "show");

        Assert.True(show.ExitCode == 3, show.ToString());
        Assert.Contains("has no admin API", show.StandardError, StringComparison.Ordinal);
        Assert.Contains("admin API off", node.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_list_halt_resume_and_inspect_symbols_and_books()
    {
        await using var admin = await AdminNode.StartAsync();
        var placed = await Place(admin, "ETH-USD", account: 7, clientOrderId: 1, "buy", "3000.25", "2");

        var symbols = await admin.JsonAsync("exchange", "symbols");
        var eth = symbols.EnumerateArray().Single(s => s.GetProperty("symbol").GetString() == "ETH-USD");
        Assert.False(eth.GetProperty("halted").GetBoolean());
        Assert.Equal(1, eth.GetProperty("orders").GetInt32());
        Assert.Equal(8, symbols.GetArrayLength());

        var book = await admin.JsonAsync("exchange", "book", "ETH-USD", "--depth", "5");
        var bid = Assert.Single(book.GetProperty("bids").EnumerateArray());
        Assert.Equal(3000.25m, OrderApi.Number(bid.GetProperty("price").GetString()!));

        var order = await admin.JsonAsync("exchange", "order", "ETH-USD", placed.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(7, order.GetProperty("accountId").GetInt64());
        var missing = await admin.RunAsync("exchange", "order", "ETH-USD", "999");
        Assert.True(missing.ExitCode == 5, missing.ToString());

        var halted = await admin.JsonAsync("exchange", "halt", "ETH-USD", "--reason", "spec halt");
        Assert.True(halted.GetProperty("halted").GetBoolean());
        var refused = await Place(admin, "ETH-USD", account: 7, clientOrderId: 2, "buy", "3000", "1");
        Assert.Equal("SymbolHalted", refused.RejectReason);
        Assert.Equal(20, refused.RejectCode);

        var resumed = await admin.RunAsync("exchange", "resume", "ETH-USD");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("trading", resumed.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("executed", (await Place(admin, "ETH-USD", account: 7, clientOrderId: 3, "buy", "3000", "1")).Status);

        var snapshot = await admin.JsonAsync("exchange", "snapshot", "ETH-USD");
        Assert.True(snapshot.GetProperty("saved").GetBoolean());
        Assert.True(snapshot.GetProperty("journalSequenceNr").GetInt64() > 0);

        var sessions = await admin.JsonAsync("exchange", "sessions");
        Assert.Equal(JsonValueKind.Array, sessions.ValueKind);

        var table = await admin.RunAsync("exchange", "symbols");
        Assert.Contains("8 symbol(s)", table.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_list_a_new_symbol_and_change_its_rules_at_run_time()
    {
        await using var admin = await AdminNode.StartAsync();

        var added = await admin.JsonAsync("exchange", "symbol", "add", "ADA-USD", "--price-decimals", "4", "--quantity-decimals", "1", "--tick", "0.0001", "--lot", "0.1");
        Assert.Equal("0.0001", added.GetProperty("tickSize").GetString());
        Assert.Equal("executed", (await Place(admin, "ADA-USD", account: 3, clientOrderId: 1, "buy", "0.4512", "10")).Status);

        var again = await admin.RunAsync("exchange", "symbol", "add", "ADA-USD", "--tick", "0.0001");
        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("already_listed", again.StandardError, StringComparison.Ordinal);

        var updated = await admin.JsonAsync("exchange", "symbol", "update", "ADA-USD", "--tick", "0.0010");
        Assert.Equal("0.0010", updated.GetProperty("tickSize").GetString());
        var offTick = await Place(admin, "ADA-USD", account: 3, clientOrderId: 2, "buy", "0.4512", "10");
        Assert.Equal("TickSizeViolation", offTick.RejectReason);

        var symbols = await admin.JsonAsync("exchange", "symbols");
        Assert.Contains(symbols.EnumerateArray(), s => s.GetProperty("symbol").GetString() == "ADA-USD");
    }

    [Fact]
    public async Task Should_replay_a_book_as_of_a_past_sequence_or_time_without_touching_the_live_book()
    {
        await using var admin = await AdminNode.StartAsync();
        await Place(admin, "SOL-USD", account: 1, clientOrderId: 1, "sell", "150.000", "5");
        await Place(admin, "SOL-USD", account: 2, clientOrderId: 1, "buy", "149.500", "3");
        await Place(admin, "SOL-USD", account: 3, clientOrderId: 1, "buy", "150.000", "2");
        var past = await admin.Node.Client.GetStatusAsync("SOL-USD");
        var pastDepth = await admin.Node.Client.GetDepthAsync("SOL-USD", 10);

        // The cut by time lies between the events above and those below (the book stamps events from its clock).
        var pastTime = DateTimeOffset.UtcNow;
        await WaitForClockToPassTime(pastTime);
        await Place(admin, "SOL-USD", account: 4, clientOrderId: 1, "sell", "149.000", "4");
        await Place(admin, "SOL-USD", account: 5, clientOrderId: 1, "buy", "148.000", "1");
        var live = await admin.Node.Client.GetStatusAsync("SOL-USD");
        Assert.NotEqual(past.StateHash, live.StateHash);

        var bySequence = await admin.JsonAsync("exchange", "replay", "SOL-USD", "--at", past.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AssertBookAsOf(past, pastDepth, bySequence);

        var byTime = await admin.JsonAsync("exchange", "replay", "SOL-USD", "--at", pastTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        AssertBookAsOf(past, pastDepth, byTime);

        var now = await admin.Node.Client.GetStatusAsync("SOL-USD");
        Assert.Equal(live.Sequence, now.Sequence);
        Assert.Equal(live.StateHash, now.StateHash);

        var badPoint = await admin.RunAsync("exchange", "replay", "SOL-USD", "--at", "yesterday-ish");
        Assert.True(badPoint.ExitCode == 1, badPoint.ToString());
    }

    [Fact]
    public async Task Should_cancel_an_accounts_orders_everywhere_block_it_until_lifted_and_leave_others_trading()
    {
        await using var admin = await AdminNode.StartAsync();
        await Place(admin, "BTC-USD", account: 66, clientOrderId: 1, "buy", "60000", "1");
        await Place(admin, "BTC-USD", account: 66, clientOrderId: 2, "buy", "60001", "1");
        await Place(admin, "ETH-USD", account: 66, clientOrderId: 3, "sell", "3500", "1");
        await Place(admin, "BTC-USD", account: 67, clientOrderId: 1, "buy", "59000", "1");

        var killed = await admin.JsonAsync("exchange", "kill-switch", "66");
        Assert.True(killed.GetProperty("blocked").GetBoolean());
        Assert.Equal(2, killed.GetProperty("cancelled").GetProperty("BTC-USD").GetInt64());
        Assert.Equal(1, killed.GetProperty("cancelled").GetProperty("ETH-USD").GetInt64());
        Assert.DoesNotContain((await admin.Node.Client.GetOrdersAsync("BTC-USD")).Orders, o => o.AccountId == 66);
        Assert.Contains((await admin.Node.Client.GetOrdersAsync("BTC-USD")).Orders, o => o.AccountId == 67);

        var refused = await Place(admin, "GOLD", account: 66, clientOrderId: 4, "buy", "2000", "1");
        Assert.Equal("AccountBlocked", refused.RejectReason);
        Assert.Equal(27, refused.RejectCode);
        Assert.Equal("executed", (await Place(admin, "GOLD", account: 67, clientOrderId: 2, "buy", "2000", "1")).Status);
        Assert.Equal(66, Assert.Single((await admin.JsonAsync("exchange", "kill-switch")).GetProperty("accounts").EnumerateArray()).GetInt64());

        var lifted = await admin.RunAsync("exchange", "kill-switch", "66", "--lift");
        Assert.True(lifted.ExitCode == 0, lifted.ToString());
        Assert.Equal("executed", (await Place(admin, "GOLD", account: 66, clientOrderId: 5, "buy", "2000", "1")).Status);
        Assert.Empty((await admin.JsonAsync("exchange", "kill-switch")).GetProperty("accounts").EnumerateArray());
    }

    private static void AssertBookAsOf(BookStatusReply past, DepthReply pastDepth, JsonElement replay)
    {
        Assert.Equal(past.Sequence, replay.GetProperty("sequence").GetInt64());
        Assert.Equal(past.StateHash, replay.GetProperty("stateHash").GetUInt64());
        Assert.Equal(past.OrderCount, replay.GetProperty("orders").GetInt32());
        Assert.Equal(
            pastDepth.Bids.Select(l => (OrderApi.Number(l.Price), OrderApi.Number(l.Quantity))),
            replay.GetProperty("bids").EnumerateArray().Select(l => (OrderApi.Number(l.GetProperty("price").GetString()!), OrderApi.Number(l.GetProperty("quantity").GetString()!))));
        Assert.Equal(
            pastDepth.Asks.Select(l => (OrderApi.Number(l.Price), OrderApi.Number(l.Quantity))),
            replay.GetProperty("asks").EnumerateArray().Select(l => (OrderApi.Number(l.GetProperty("price").GetString()!), OrderApi.Number(l.GetProperty("quantity").GetString()!))));
    }

    /// <summary>The wall clock moves on past a point (a few ms at most), so that events before and after it get different stamps.</summary>
    private static async Task WaitForClockToPassTime(DateTimeOffset point)
    {
        while (DateTimeOffset.UtcNow <= point.AddMilliseconds(2))
        {
            await Task.Yield();
        }
    }

    private static async Task<OrderReply> Place(AdminNode admin, string symbol, long account, long clientOrderId, string side, string price, string quantity)
    {
        using var response = await admin.Node.Client.PlaceAsync(new PlaceOrder(symbol, account, clientOrderId, side, price, quantity));
        return await response.ReadAsync<OrderReply>();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
