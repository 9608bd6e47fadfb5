namespace Site.Core;

internal enum Severity { Warning, Error }

/// <summary>A place in a source file, one-based as people count (Markdig's positions are zero-based).</summary>
internal readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation FileStart(string path) => new(path, 1, 1);

    public override string ToString() => $"{Path}({Line},{Column})";
}

/// <summary>A user mistake found by the build: located, with a stable code (see README, "Diagnostics").</summary>
internal sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation? Location)
{
    /// <summary>Extra lines shown under the message (a diff, a traceback).</summary>
    public string? Detail { get; init; }

    public static Diagnostic Error(string code, SourceLocation? at, string message) => new(Severity.Error, code, message, at);

    public static Diagnostic Warning(string code, SourceLocation? at, string message) => new(Severity.Warning, code, message, at);

    /// <summary>The compiler format editors and CI understand: <c>path(line,col): error CODE: message</c>.</summary>
    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        var head = Location is { } at ? $"{at}: {kind} {Code}: {Message}" : $"site: {kind} {Code}: {Message}";
        return Detail is null ? head : head + Environment.NewLine + Detail;
    }
}
