using LoomExchange.Messages.Configuration;
using Microsoft.Extensions.Configuration;

namespace LoomExchange.Clustering;

/// <summary>Binds a configuration section so that a value of the wrong type fails as an <see cref="InvalidConfigurationException"/>.</summary>
public static class ConfigurationBinding
{
    /// <summary>The section at <paramref name="key"/> bound to <typeparamref name="T"/>, or a new <typeparamref name="T"/> when it is absent.</summary>
    public static T Bind<T>(IConfiguration configuration, string key)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return configuration.GetSection(key).Get<T>() ?? new T();
        }
        catch (InvalidOperationException error) when (error is not InvalidConfigurationException)
        {
            // The binder's message names the key and the value ("Failed to convert configuration value 'abc' at '...'").
            throw new InvalidConfigurationException(error.Message, error);
        }
    }
}
