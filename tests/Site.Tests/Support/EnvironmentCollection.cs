namespace Site.Tests.Support;

/// <summary>
/// Tests that change what is process-wide (environment variables, the collector's no-GC region) run in this collection:
/// xunit runs it on its own, after the parallel collections, one test at a time, so no other test sees the change.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}

/// <summary>Sets an environment variable for the life of a test, restoring the previous value after.</summary>
internal sealed class EnvironmentVariable : IDisposable
{
    private readonly string name;
    private readonly string? previous;

    public EnvironmentVariable(string name, string? value)
    {
        this.name = name;
        previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(name, previous);
}
