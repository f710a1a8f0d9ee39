using System.Diagnostics.Tracing;
using System.Globalization;

namespace LoomExchange.Benchmarks.Books;

/// <summary>
/// <c>--gc-trace</c>: listens to the runtime's GC events during the measured part of a run, so a latency tail can be
/// set against each collection's generation, reason and pause, and the allocation ticks (one per ~100 KB allocated)
/// name the types that make the collections happen.
/// </summary>
internal sealed class GcEventTrace : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Lock _lock = new();
    private readonly List<string> _collections = [];
    private readonly Dictionary<string, long> _allocatedByType = [];
    private DateTime _suspendedAt;
    private string _current = string.Empty;
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    public void Print(TextWriter output)
    {
        lock (_lock)
        {
            output.WriteLine($"gc trace: {_collections.Count} collections (generation, reason, pause ms)");
            foreach (var line in _collections)
            {
                output.WriteLine("  " + line);
            }

            var total = _allocatedByType.Values.Sum();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gc trace: ~{total / 1_048_576.0:F0} MB allocated (sampled), top types:"));
            foreach (var (type, bytes) in _allocatedByType.OrderByDescending(kv => kv.Value).Take(25))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes / 1_048_576.0,8:F1} MB  {type}"));
            }
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.Payload is null)
        {
            return;
        }

        lock (_lock)
        {
            switch (eventData.EventName)
            {
                case "GCSuspendEEBegin_V1":
                    _suspendedAt = eventData.TimeStamp;
                    break;
                case "GCStart_V2":
                    _current = $"gen{Get(eventData, "Depth")} {Reason(Get(eventData, "Reason"))}";
                    break;
                case "GCRestartEEEnd_V1" when _current.Length > 0:
                    _collections.Add(string.Create(CultureInfo.InvariantCulture, $"{eventData.TimeStamp:HH:mm:ss.fff} {_current} {(eventData.TimeStamp - _suspendedAt).TotalMilliseconds:F2}"));
                    _current = string.Empty;
                    break;
                case "GCAllocationTick_V4":
                    var type = Get(eventData, "TypeName") ?? "?";
                    var kind = Convert.ToInt32(Get(eventData, "AllocationKind"), CultureInfo.InvariantCulture) == 1 ? " (LOH)" : string.Empty;
                    var amount = Convert.ToInt64(Get(eventData, "AllocationAmount64") ?? Get(eventData, "AllocationAmount"), CultureInfo.InvariantCulture);
                    var key = type + kind;
                    _allocatedByType[key] = _allocatedByType.GetValueOrDefault(key) + amount;
                    break;
                default:
                    break;
            }
        }
    }

    private static object? Get(EventWrittenEventArgs e, string name)
    {
        var index = e.PayloadNames?.IndexOf(name) ?? -1;
        return index >= 0 ? e.Payload![index] : null;
    }

    private static string Reason(object? reason) => Convert.ToInt32(reason, CultureInfo.InvariantCulture) switch
    {
        0 => "alloc-small",
        1 => "induced",
        2 => "low-memory",
        4 => "alloc-large",
        5 => "oos-soh",
        6 => "oos-loh",
        7 => "induced-not-forced",
        8 => "internal",
        var other => $"reason-{other}",
    };
}
