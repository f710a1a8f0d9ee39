using LoomExchange.Cli;

return await LoomctlCommand.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
