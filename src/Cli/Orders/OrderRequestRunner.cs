using System.CommandLine;
using LoomExchange.Cli.Instruments;
using LoomExchange.Cli.Output;
using LoomExchange.Client;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Cli.Orders;

/// <summary>Runs one order command: resolve the instrument, connect, send, print the answer (and the order's immediate follow-ups).</summary>
internal static class OrderRequestRunner
{
    // A crossing order's fills and an IOC remainder's cancel come in the same journal batch as its Accepted: right after it.
    private static readonly TimeSpan FollowUpWindow = TimeSpan.FromMilliseconds(300);

    public static async Task<int> RunAsync(ParseResult result, string symbol, Func<InstrumentSpec?, WireMessage> build, CancellationToken cancellationToken)
    {
        var error = result.InvocationConfiguration.Error;
        try
        {
            var spec = await ResolveSpecAsync(result, symbol, cancellationToken).ConfigureAwait(false);
            var request = build(spec);
            await using var client = await ConnectAsync(result, cancellationToken).ConfigureAwait(false);
            return await SendAndPrintAsync(result, client, request, spec, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (CliErrors.IsExpected(failure))
        {
            return await CliErrors.ReportAsync(failure, error).ConfigureAwait(false);
        }
    }

    /// <summary>Amend needs both price and quantity on the wire: a missing one is taken from the order's current state.</summary>
    public static async Task<int> RunAmendAsync(ParseResult result, string symbol, long orderId, string? price, string? quantity, CancellationToken cancellationToken)
    {
        var error = result.InvocationConfiguration.Error;
        try
        {
            if (price is null && quantity is null)
            {
                throw new UsageException("amend needs --price and/or --qty");
            }

            var spec = await ResolveSpecAsync(result, symbol, cancellationToken).ConfigureAwait(false);
            var newPrice = price is null ? 0 : UnitText.Price(price, spec);
            var newQuantity = quantity is null ? 0 : UnitText.Quantity(quantity, spec);
            var wireSymbol = spec?.Symbol ?? symbol;
            await using var client = await ConnectAsync(result, cancellationToken).ConfigureAwait(false);
            if (price is null || quantity is null)
            {
                var current = await client.RequestStatusAsync(wireSymbol, orderId, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (current.ExecType != ExecType.Status)
                {
                    await result.InvocationConfiguration.Output.WriteLineAsync(ReportPrinter.Format(current, spec, result.GetValue(OrderPalette.Json))).ConfigureAwait(false);
                    return ExitCodes.Rejected;
                }

                newPrice = price is null ? current.Price : newPrice;
                newQuantity = quantity is null ? current.LeavesQuantity : newQuantity;
            }

            var amend = new AmendOrder(result.GetValue(OrderPalette.ClientOrderId), wireSymbol, orderId, newPrice, newQuantity);
            return await SendAndPrintAsync(result, client, amend, spec, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (CliErrors.IsExpected(failure))
        {
            return await CliErrors.ReportAsync(failure, error).ConfigureAwait(false);
        }
    }

    private static async Task<int> SendAndPrintAsync(ParseResult result, LoomClient client, WireMessage request, InstrumentSpec? spec, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var json = result.GetValue(OrderPalette.Json);
        using var reports = client.SubscribeReports();
        var answer = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(ReportPrinter.Format(answer, spec, json)).ConfigureAwait(false);
        if (request is NewOrder && !IsFinal(answer))
        {
            await PrintFollowUpsAsync(reports, answer, spec, json, output, cancellationToken).ConfigureAwait(false);
        }

        return answer.ExecType == ExecType.Rejected ? ExitCodes.Rejected : ExitCodes.Ok;
    }

    private static async Task PrintFollowUpsAsync(ReportSubscription reports, ExecutionReport answer, InstrumentSpec? spec, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var passedAnswer = false;
        while (true)
        {
            using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            window.CancelAfter(FollowUpWindow);
            ExecutionReport next;
            try
            {
                next = await reports.Reader.ReadAsync(window.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (!passedAnswer)
            {
                passedAnswer = ReferenceEquals(next, answer);
                continue;
            }

            if (next.ClientOrderId == answer.ClientOrderId && next.OrderId == answer.OrderId)
            {
                await output.WriteLineAsync(ReportPrinter.Format(next, spec, json)).ConfigureAwait(false);
                if (IsFinal(next))
                {
                    return;
                }
            }
        }
    }

    private static bool IsFinal(ExecutionReport report) =>
        report.ExecType is ExecType.Rejected or ExecType.Fill or ExecType.Cancelled or ExecType.Expired;

    private static async Task<InstrumentSpec?> ResolveSpecAsync(ParseResult result, string symbol, CancellationToken cancellationToken)
    {
        if (result.GetValue(OrderPalette.Raw))
        {
            return null;
        }

        var http = result.GetRequiredValue(GlobalOptions.Http);
        InstrumentCatalog catalog;
        try
        {
            catalog = await InstrumentCatalog.FetchAsync(http, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidDataException)
        {
            throw new LoomConnectionException(
                $"cannot read instrument specs from {http}/api/instruments ({error.Message}); start the node, point --http at it, or give raw units with --raw", error);
        }

        return catalog.Get(symbol);
    }

    private static Task<LoomClient> ConnectAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var endpoints = GlobalOptions.Endpoints(result);
        return LoomClient.ConnectAsync(
            new LoomClientOptions
            {
                Endpoint = endpoints[0],
                FailoverEndpoints = [.. endpoints.Skip(1)],
                ApiKey = result.GetRequiredValue(GlobalOptions.ApiKey),
                Secret = result.GetRequiredValue(GlobalOptions.Secret),
                Reconnect = new ReconnectPolicy { MaxAttempts = 3 },
            },
            cancellationToken);
    }
}
