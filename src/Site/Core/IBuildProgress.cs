namespace Site.Core;

/// <summary>Where the pipeline says what it is doing; the CLI shows it as a live display or as plain lines.</summary>
internal interface IBuildProgress
{
    void StageStarted(string name);

    void StageFinished(string name, TimeSpan elapsed);
}

internal sealed class SilentProgress : IBuildProgress
{
    public static readonly SilentProgress Instance = new();

    public void StageStarted(string name) { }

    public void StageFinished(string name, TimeSpan elapsed) { }
}
