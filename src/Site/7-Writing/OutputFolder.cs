namespace Site.Writing;

/// <summary>
/// The rules that keep a build from destroying anything: the output folder may not be the input, contain it, be a
/// repository root, the theme, a home folder or a filesystem root, and a non-empty folder is replaced only if a
/// previous build wrote it (it holds our marker file).
/// </summary>
internal static class OutputFolder
{
    public const string MarkerFile = ".site-output";

    /// <summary>Null when <paramref name="output"/> is safe to replace, else why not.</summary>
    public static string? Refusal(string output, string input, string theme)
    {
        var full = Normalize(output);
        var inputFull = Normalize(input);
        if (full == inputFull)
            return "the output folder is the input folder";
        if (IsInside(inputFull, full))
            return "the output folder contains the input folder";
        if (IsInside(Normalize(theme), full) || full == Normalize(theme))
            return "the output folder contains the theme";
        if (Directory.Exists(Path.Combine(full, ".git")) || File.Exists(Path.Combine(full, ".git")))
            return "the output folder is a repository root";
        if (full == Normalize(Path.GetPathRoot(full)!) || full == Normalize(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)))
            return "the output folder is a filesystem root or a home folder";
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, MarkerFile)))
            return $"the output folder is not empty and was not written by this tool (no {MarkerFile} file); empty it or choose another";
        return null;
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool IsInside(string child, string parent) =>
        child.StartsWith(parent + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
