using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LoomExchange.Benchmarks.Chaos;

/// <summary>
/// The <c>chaos</c> verb: a Lighthouse and three nodes on PostgreSQL, <c>loomctl bench</c> load over every gateway
/// (each connection failing over to the others), a SIGKILL of a random node hosting books every interval and its
/// restart, then the verification of <see cref="ChaosVerifier"/>. Progress goes to stderr; the last stdout line is
/// <see cref="ChaosResult.SummaryLine"/>. Exit code 0 only when every promise held.
/// </summary>
internal sealed class ChaosRun(ChaosOptions options, ChaosBuild build, string workDir)
{
    // Longer than sharding's handoff timeout (60 s): a shard caught in a rebalance when its node died waits that long.
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromSeconds(90);
    private readonly TextWriter _progress = Console.Error;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Random _random = new(options.Seed);
    private List<string> _symbols = [];
    private string? _restartFailure;

    /// <summary>Load a kill must still have after it, so that a slow failover is measured rather than cut off.</summary>
    private const double MinimumObservationSeconds = 20;

    /// <summary>Seconds added to the load per kill for restarts that outlast the spacing.</summary>
    private const double RestartSlackSeconds = 3;

    public static async Task<int> RunAsync(ChaosOptions options, string[] args)
    {
        var build = ChaosBuild.Locate(options);
        var workDir = Directory.CreateTempSubdirectory("loom-chaos-").FullName;
        Console.WriteLine($"command: dotnet run -c Release --project bench/LoomExchange.Benchmarks -- {string.Join(' ', args.Select(a => a.StartsWith("Host=", StringComparison.Ordinal) ? "<connection>" : a))}");
        MachineInfo.Print(Console.Out);
        Console.WriteLine($"work dir: {workDir} (node, Lighthouse and loomctl logs, answers)");
        var result = await new ChaosRun(options, build, workDir).RunAsync().ConfigureAwait(false);
        foreach (var problem in result.Problems.Take(20))
        {
            Console.WriteLine($"problem: {problem}");
        }

        foreach (var book in result.Books)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"book {book.Symbol}: {book.Rows} journal rows, replay sequence {book.ReplaySequence} hash {book.ReplayHash:x16}, live sequence {book.LiveSequence} hash {book.LiveHash:x16}: {(book.Matches ? "equal" : "DIFFERENT")}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"failover (every book of the killed node acknowledging again) p50 {result.FailoverP50Seconds:0.000} s, max {result.FailoverMaxSeconds:0.000} s; first of its books p50 {result.FirstBookP50Seconds:0.000} s, max {result.FirstBookMaxSeconds:0.000} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requests {result.Requests}: acknowledged {result.Acked}, outcome unknown {result.OutcomeUnknown} (ServiceUnavailable or no answer: {result.Unanswered}); lost {result.LostAcknowledged} acks + {result.LostTrades} trades; duplicated {result.DuplicateCommands} commands + {result.DuplicateEvents} events + {result.DuplicateTrades} trades + {result.DifferentAnswers} different answers; hashes {(result.HashesMatch ? "equal" : "NOT equal")}"));
        Console.WriteLine($"failure detector and resolver on healthy members: {result.Suspicions}");
        if (options.JsonFile is { } file)
        {
            await File.WriteAllTextAsync(file, result.ToJson()).ConfigureAwait(false);
        }

        Console.WriteLine(result.SummaryLine());
        if (result.Passed && !options.Keep)
        {
            Directory.Delete(workDir, recursive: true);
        }
        else
        {
            Console.WriteLine($"kept {workDir}");
        }

        return result.Passed ? 0 : 1;
    }

    private async Task<ChaosResult> RunAsync()
    {
        await using var cluster = new ChaosCluster(build, options, workDir);
        await cluster.StartAsync(_progress).ConfigureAwait(false);
        var settings = await DescribeSettingsAsync().ConfigureAwait(false);
        await Note($"settings: {string.Join(' ', settings.Select(s => $"{s.Key}={s.Value}"))}").ConfigureAwait(false);
        await WarmBooksAsync(cluster).ConfigureAwait(false);

        var answersFile = Path.Combine(workDir, "answers.csv");
        // Each kill waits for the previous restart, which under load takes a few seconds longer than the spacing now
        // and then: the slack keeps the last kills inside the load instead of after it.
        var duration = options.LeadInSeconds + (options.Kills * (options.SpacingSeconds + RestartSlackSeconds)) + options.TailSeconds;
        await using var bench = StartBench(cluster, answersFile, duration);
        var loadStart = _clock.Elapsed;
        var kills = new List<KillRecord>();
        Task restarting = Task.CompletedTask;
        for (var round = 1; round <= options.Kills; round++)
        {
            await WaitUntil(loadStart + TimeSpan.FromSeconds(options.LeadInSeconds + ((round - 1) * options.SpacingSeconds))).ConfigureAwait(false);
            await restarting.ConfigureAwait(false);
            if (_restartFailure is not null)
            {
                await Note($"no more kills: {_restartFailure}").ConfigureAwait(false);
                break;
            }

            var loadLeft = (loadStart + TimeSpan.FromSeconds(duration) - _clock.Elapsed).TotalSeconds;
            if (loadLeft < MinimumObservationSeconds)
            {
                await Note(string.Create(CultureInfo.InvariantCulture, $"no more kills: the load ends in {loadLeft:0} s, too soon to see a failover (kill {round} of {options.Kills})")).ConfigureAwait(false);
                break;
            }

            if (bench.HasExited)
            {
                await Note($"loomctl bench ended (exit code {bench.ExitCode}) before kill {round}; see {workDir}/loomctl.log").ConfigureAwait(false);
                break;
            }

            var (victim, symbols, source) = await ChooseVictimAsync(cluster).ConfigureAwait(false);
            var (pid, address) = (victim.Process!.Id, victim.Address);
            var record = new KillRecord
            {
                Round = round,
                Node = victim.Name,
                Pid = pid,
                Address = address,
                KilledAtUs = await cluster.KillAsync(victim).ConfigureAwait(false),
                Symbols = symbols,
                SymbolsSource = source,
            };
            kills.Add(record);
            await Note($"kill {round}/{options.Kills}: SIGKILL {victim.Name} (pid {record.Pid}, {address}) hosting {(symbols is null ? "unknown books" : string.Join(",", symbols))} (from {source})").ConfigureAwait(false);
            restarting = RestartAsync(cluster, victim, record);
        }

        await restarting.ConfigureAwait(false);
        await Note("kills done; waiting for loomctl bench to finish its run and drain").ConfigureAwait(false);
        using (var benchDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(duration + 120)))
        {
            await bench.WaitForExitAsync(benchDeadline.Token).ConfigureAwait(false);
        }

        await Note($"loomctl bench exited with code {bench.ExitCode}; verifying").ConfigureAwait(false);
        var answers = ChaosAnswer.ReadAll(answersFile);
        var (live, journal) = await ReadSettledStateAsync(cluster, _symbols.Union(answers.Select(a => a.Symbol)).Distinct(StringComparer.Ordinal).ToList()).ConfigureAwait(false);
        var verification = ChaosVerifier.Verify(answers, journal, live);
        var allSymbols = journal.Keys.Union(answers.Select(a => a.Symbol)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var measured = kills.Select(k => k.WithFailover(answers, allSymbols)).ToList();
        foreach (var kill in measured)
        {
            await Note(string.Create(CultureInfo.InvariantCulture, $"kill {kill.Round} ({kill.Node}): books serving again after {kill.FailoverSeconds?.ToString("0.000", CultureInfo.InvariantCulture) ?? "never"} s (first {kill.FirstBookSeconds?.ToString("0.000", CultureInfo.InvariantCulture) ?? "none"} s): {string.Join(", ", kill.FirstAckSeconds.Select(p => $"{p.Key} {p.Value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-"}"))}")).ConfigureAwait(false);
        }

        var result = ChaosResult.From(verification, measured, options.Kills, settings);
        return result with
        {
            Suspicions = ClusterSuspicions.Read(workDir, kills.Select(k => (k.Address, k.KilledAtUs))),
            Problems = _restartFailure is null ? result.Problems : [_restartFailure, .. result.Problems],
        };
    }

    private ChildProcess StartBench(ChaosCluster cluster, string answersFile, double durationSeconds)
    {
        var arguments = new List<string> { "bench" };
        foreach (var node in cluster.Nodes)
        {
            arguments.AddRange(["--endpoint", node.Gateway]);
        }

        arguments.AddRange([
            "--http", cluster.Nodes[0].Http.ToString().TrimEnd('/'),
            "--connections", options.Connections.ToString(CultureInfo.InvariantCulture),
            "--rate", options.Rate.ToString(CultureInfo.InvariantCulture),
            "--duration", string.Create(CultureInfo.InvariantCulture, $"{durationSeconds:0}s"),
            "--warmup", "0",
            "--answers", answersFile,
            "--json", Path.Combine(workDir, "bench.json"),
        ]);
        return ChildProcess.Start(build.LoomctlDll, arguments, Path.Combine(workDir, "loomctl.log"), onLine: line =>
        {
            if (line.StartsWith('[') || line.StartsWith("bench ", StringComparison.Ordinal) || line.StartsWith("warning", StringComparison.Ordinal))
            {
                _progress.WriteLine($"{Stamp()} loomctl: {line}");
            }
        });
    }

    /// <summary>
    /// A running node hosting at least one book, at random. Who hosts what comes from the admin API's shard statistics,
    /// or, on a node without that API, from the books' recovery lines in the nodes' logs.
    /// </summary>
    private async Task<(NodeSlot Victim, List<string>? Symbols, string Source)> ChooseVictimAsync(ChaosCluster cluster)
    {
        var running = cluster.Nodes.Where(n => n.IsRunning).ToList();
        Dictionary<string, List<string>>? hosted = null;
        foreach (var node in running.OrderBy(_ => _random.Next()))
        {
            hosted = await ShardStats.FetchAsync(cluster.Http, node.Http, cluster.AdminToken).ConfigureAwait(false);
            if (hosted is not null)
            {
                break;
            }
        }

        var source = "admin shard-stats";
        if (hosted is null)
        {
            hosted = LogOwnership.Read(running);
            source = "node logs";
        }

        var candidates = running.Where(n => hosted.TryGetValue(n.Address, out var s) && s.Count > 0).ToList();
        if (candidates.Count == 0)
        {
            return (running[_random.Next(running.Count)], null, "unknown");
        }

        var victim = candidates[_random.Next(candidates.Count)];
        return (victim, hosted[victim.Address], source);
    }

    private async Task RestartAsync(ChaosCluster cluster, NodeSlot node, KillRecord record)
    {
        await Task.Delay(TimeSpan.FromSeconds(options.RestartDelaySeconds)).ConfigureAwait(false);
        try
        {
            await cluster.StartNodeAsync(node, _progress).ConfigureAwait(false);
            record.RestartedReadySeconds = (UnixMicrosNow() - record.KilledAtUs) / 1e6;
        }
        catch (TimeoutException e)
        {
            // The cluster this node should join may be gone (healthy members downed): report it with the rest, not as a crash.
            _restartFailure = $"{node.Name} restarted after kill {record.Round} but never became ready ({e.Message}); see its log and ClusterSuspicions";
            await Note(_restartFailure).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Asks every listed book for its status until each answers, so that the first kill meets books that have started
    /// (remember-entities, recovery) rather than a cluster still warming up, which would count in the failover time.
    /// </summary>
    private async Task WarmBooksAsync(ChaosCluster cluster)
    {
        var node = cluster.Nodes[0];
        using var response = await cluster.Http.GetAsync(new Uri(node.Http, "/api/instruments")).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        var symbols = _symbols = json.RootElement.EnumerateArray().Select(i => i.GetProperty("symbol").GetString()!).ToList();
        var watch = Stopwatch.StartNew();
        foreach (var symbol in symbols)
        {
            while (await StatusAsync(cluster.Http, node, symbol).ConfigureAwait(false) is null)
            {
                if (watch.Elapsed > SettleDeadline)
                {
                    throw new TimeoutException($"{symbol}: the book did not answer its status within {SettleDeadline.TotalSeconds:0} s of the cluster starting; see {workDir}");
                }

                // The entity answers once it has started and recovered; nothing else signals it.
                await Task.Delay(200).ConfigureAwait(false);
            }
        }

        await Note(string.Create(CultureInfo.InvariantCulture, $"{symbols.Count} books answering after {watch.Elapsed.TotalSeconds:0.0} s: {string.Join(",", symbols)}")).ConfigureAwait(false);
    }

    /// <summary>
    /// The live books and the journal, read when they agree on being at rest. Asking a book for its status can start it
    /// (a shard that had no home yet), and it then executes the commands the shard regions buffered for it while it had
    /// none (the gateway answered those ServiceUnavailable long ago): so the books settle first, the journal is read
    /// after, and the books are asked once more to make sure nothing moved in between.
    /// </summary>
    private async Task<(Dictionary<string, LiveBook> Live, IReadOnlyDictionary<string, JournaledBook> Journal)> ReadSettledStateAsync(ChaosCluster cluster, List<string> symbols)
    {
        for (var attempt = 1; ; attempt++)
        {
            var live = await ReadLiveBooksAsync(cluster, symbols).ConfigureAwait(false);
            var journal = await JournalReader.ReadAsync(options.Connection!).ConfigureAwait(false);
            var again = await ReadLiveBooksAsync(cluster, symbols).ConfigureAwait(false);
            if ((again.Count == live.Count && again.All(b => live.TryGetValue(b.Key, out var before) && before == b.Value)) || attempt == 3)
            {
                return (live, journal);
            }

            await Note("books moved while the journal was read; reading again").ConfigureAwait(false);
        }
    }

    /// <summary>Every book's live state once its journal has caught up and its sequence holds still.</summary>
    private async Task<Dictionary<string, LiveBook>> ReadLiveBooksAsync(ChaosCluster cluster, IEnumerable<string> symbols)
    {
        var live = new Dictionary<string, LiveBook>(StringComparer.Ordinal);

        // A run that lost its cluster has no live books to compare; the journal is still verified.
        if (cluster.Nodes.FirstOrDefault(n => n.IsRunning) is not { } node)
        {
            return live;
        }

        foreach (var symbol in symbols)
        {
            var deadline = Stopwatch.StartNew();
            LiveBook? previous = null;
            while (true)
            {
                var book = await StatusAsync(cluster.Http, node, symbol).ConfigureAwait(false);
                if (book is not null && book.Sequence == book.JournaledSequence && book == previous)
                {
                    live[symbol] = book;
                    break;
                }

                previous = book;

                if (deadline.Elapsed > SettleDeadline)
                {
                    await Note($"{symbol}: no settled status from {node.Name} within {SettleDeadline.TotalSeconds:0} s").ConfigureAwait(false);
                    break;
                }

                // The entity answers once it has recovered; nothing else signals it.
                await Task.Delay(200).ConfigureAwait(false);
            }
        }

        return live;
    }

    private static async Task<LiveBook?> StatusAsync(HttpClient http, NodeSlot node, string symbol)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(node.Http, $"/api/books/{Uri.EscapeDataString(symbol)}/status")).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            var root = json.RootElement;
            return new LiveBook(symbol, root.GetProperty("sequence").GetInt64(), root.GetProperty("journaledSequence").GetInt64(), root.GetProperty("stateHash").GetUInt64());
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The failover-relevant settings: the code defaults of Loom:Cluster:FailureDetector and SplitBrain, the node's
    /// appsettings.json Loom:Cluster section (which overrides them when it names them) and the --node-arg overrides.
    /// </summary>
    private Task<Dictionary<string, string>> DescribeSettingsAsync()
    {
        var detector = new LoomExchange.Clustering.FailureDetectorSettings();
        var splitBrain = new LoomExchange.Clustering.SplitBrainSettings();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kills"] = options.Kills.ToString(CultureInfo.InvariantCulture),
            ["interval_s"] = options.SpacingSeconds.ToString(CultureInfo.InvariantCulture),
            ["restart_delay_s"] = options.RestartDelaySeconds.ToString(CultureInfo.InvariantCulture),
            ["rate"] = options.Rate.ToString(CultureInfo.InvariantCulture),
            ["connections"] = options.Connections.ToString(CultureInfo.InvariantCulture),
            ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            ["node_args"] = string.Join(' ', options.NodeArguments),
            ["failure_detector_defaults"] = $"heartbeat-interval {detector.HeartbeatInterval}, acceptable-heartbeat-pause {detector.AcceptableHeartbeatPause}, threshold {detector.Threshold.ToString(CultureInfo.InvariantCulture)}",
            ["split_brain_defaults"] = $"{splitBrain.Strategy}, stable-after {splitBrain.StableAfter}, down-removal-margin {(splitBrain.DownRemovalMargin.Length == 0 ? "= stable-after" : splitBrain.DownRemovalMargin)}",
            ["appsettings_cluster"] = ClusterSection(build.NodeDll),
        };
        return Task.FromResult(settings);
    }

    /// <summary>The <c>Loom:Cluster</c> section of the node's appsettings.json (SBR and failure-detector keys live there).</summary>
    private static string ClusterSection(string nodeDll)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(nodeDll)!, "appsettings.json")));
            return json.RootElement.GetProperty("Loom").GetProperty("Cluster").GetRawText().ReplaceLineEndings(" ");
        }
        catch (Exception error) when (error is IOException or JsonException or KeyNotFoundException)
        {
            return "unknown";
        }
    }

    private async Task WaitUntil(TimeSpan at)
    {
        var wait = at - _clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait).ConfigureAwait(false);
        }
    }

    private static long UnixMicrosNow() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10;

    private string Stamp() => string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:0.0}s]");

    private Task Note(string line) => _progress.WriteLineAsync($"{Stamp()} {line}");
}
