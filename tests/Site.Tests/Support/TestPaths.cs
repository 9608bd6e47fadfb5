namespace Site.Tests.Support;

/// <summary>Where the tests find the repository, the real theme, the fixtures and the golden files.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding Site.sln, found by walking up from the test assembly's folder.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The real theme of the repository (written by others; used only by the smoke test).</summary>
    public static string DefaultTheme => Path.Combine(RepositoryRoot, "themes", "default");

    /// <summary>Fixtures copied next to the test assembly by the csproj.</summary>
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The small theme the end-to-end tests use, so they do not break when the real theme changes.</summary>
    public static string TestTheme => Path.Combine(Fixtures, "theme");

    public static string BasicSite => Path.Combine(Fixtures, "basic");

    /// <summary>Golden cases as copied to the test output folder (read side).</summary>
    public static string GoldenOutput => Path.Combine(AppContext.BaseDirectory, "Golden");

    /// <summary>Golden cases in the source tree (where SITE_UPDATE_SNAPSHOTS=1 writes).</summary>
    public static string GoldenSource => Path.Combine(RepositoryRoot, "tests", "Site.Tests", "Golden");

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Site.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"no Site.sln above {AppContext.BaseDirectory}");
    }
}
