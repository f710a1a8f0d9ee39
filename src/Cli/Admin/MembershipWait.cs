using System.Text.Json;

namespace LoomExchange.Cli.Admin;

/// <summary>Waits for a leaving member's removal, as seen by the node --node points at.</summary>
internal static class MembershipWait
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Done when the member is no longer listed (or listed as Removed), or when the node stops answering: a node that left
    /// shuts itself down, so for the node itself that is the expected end.
    /// </summary>
    public static async Task UntilRemovedAsync(AdminClient client, string address, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                string show;
                try
                {
                    show = await client.GetAsync("admin/cluster/show", deadline.Token).ConfigureAwait(false);
                }
                catch (AdminFailure failure) when (failure.ExitCode == ExitCodes.ConnectionFailure)
                {
                    return;
                }

                using var view = JsonDocument.Parse(show);
                var member = view.RootElement.GetProperty("members").EnumerateArray().FirstOrDefault(m => m.GetProperty("address").GetString() == address);
                if (member.ValueKind == JsonValueKind.Undefined || member.GetProperty("status").GetString() == "Removed")
                {
                    return;
                }

                // Polling: the admin API offers no "removed" signal to a client that may be talking to the leaving node itself.
                await Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AdminFailure(ExitCodes.ConnectionFailure, $"{address} was not removed within {timeout}; it may still be handing off shards (see 'cluster show')");
        }
    }
}
