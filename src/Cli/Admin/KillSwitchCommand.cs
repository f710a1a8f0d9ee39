using System.CommandLine;
using System.Text.Json;

namespace LoomExchange.Cli.Admin;

/// <summary>
/// <c>exchange kill-switch ACCOUNT</c> (cancel the account's orders on every symbol and block new ones, cluster-wide),
/// <c>exchange kill-switch ACCOUNT --lift</c>, and <c>exchange kill-switch</c> alone to list blocked accounts.
/// </summary>
internal static class KillSwitchCommand
{
    public static Command Create(Option<bool> json)
    {
        var account = new Argument<long?>("account") { Description = "Account id (omit to list blocked accounts)", Arity = ArgumentArity.ZeroOrOne };
        var lift = new Option<bool>("--lift") { Description = "Lift the block (orders are accepted again; cancelled orders stay cancelled)" };
        var command = new Command("kill-switch", "Cancel all of an account's orders on every symbol and block new ones until lifted") { account, lift };
        command.SetAction((result, token) =>
        {
            var id = result.GetValue(account);
            if (id is null)
            {
                return result.GetValue(lift)
                    ? Task.FromResult(Usage(result, "--lift needs the account"))
                    : AdminRunner.RunAsync(result, json, (c, t) => c.GetAsync("admin/exchange/kill-switch", t), List, token);
            }

            var path = $"admin/exchange/kill-switch/{id}{(result.GetValue(lift) ? "/lift" : string.Empty)}";
            return AdminRunner.RunAsync(result, json, (c, t) => c.PostAsync(path, null, t), Done, token);
        });
        return command;
    }

    private static int Usage(ParseResult result, string message)
    {
        result.InvocationConfiguration.Error.WriteLine($"usage error: {message}");
        return ExitCodes.Usage;
    }

    private static string List(JsonElement view)
    {
        var accounts = view.GetProperty("accounts").EnumerateArray().Select(a => a.GetRawText()).ToList();
        return accounts.Count == 0 ? "no account is blocked" : $"blocked: {string.Join(", ", accounts)}";
    }

    private static string Done(JsonElement view)
    {
        var account = AdminJson.Text(view, "account");
        if (!view.GetProperty("blocked").GetBoolean())
        {
            return $"account {account}: block lifted";
        }

        var cancelled = view.GetProperty("cancelled").EnumerateObject().Where(c => c.Value.GetInt64() > 0).Select(c => $"{c.Name} {c.Value.GetInt64()}").ToList();
        return $"account {account}: blocked; cancelled {(cancelled.Count == 0 ? "nothing" : string.Join(", ", cancelled))}";
    }
}
