namespace LoomExchange.Cluster.Tests;

/// <summary>Waits for a condition over state the spec does not get events for (cluster membership seen by several systems).</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(string what, TimeSpan within, Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(within);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!condition())
        {
            try
            {
                await timer.WaitForNextTickAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"not true within {within}: {what}");
            }
        }
    }
}
