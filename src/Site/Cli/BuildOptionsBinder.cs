using System.CommandLine;
using Site.Core;

namespace Site.Cli;

/// <summary>The options <c>build</c>, <c>check</c> and <c>serve</c> share, and how they become <see cref="BuildOptions"/>.</summary>
internal sealed class BuildOptionsBinder
{
    public const string PythonLibraryVariable = "SITE_PYTHON_LIBRARY";

    private readonly Option<string> input = new("--input") { Description = "Folder of Markdown pages, data/ and site.yml", DefaultValueFactory = _ => "input", HelpName = "DIR" };
    private readonly Option<bool> drafts = new("--drafts") { Description = "Include pages marked 'draft: true'" };
    private readonly Option<bool> timings = new("--timings") { Description = "Print the time each pipeline stage took" };
    private readonly Option<bool> noCache = new("--no-cache") { Description = "Run every snippet, ignoring results cached in .site-cache/" };
    private readonly Option<bool> frozen = new("--frozen") { Description = "Never run code: use cached snippet results only, fail where one is missing" };
    private readonly Option<string?> pythonLibrary = new("--python-library") { Description = $"CPython shared library to embed (default: ${PythonLibraryVariable}, else python3's, else well-known paths)", HelpName = "FILE" };
    private readonly Option<string> cacheDir = new("--cache-dir") { Description = "Folder for results kept between builds", DefaultValueFactory = _ => ".site-cache", HelpName = "DIR" };
    private readonly Option<string?> report = new("--report") { Description = "Write a JSON report of every page and snippet to FILE", HelpName = "FILE" };

    public static readonly string DefaultTheme = Path.Combine("themes", "default");

    /// <summary>--theme, for the commands that render the site (check does not).</summary>
    public static Option<string> ThemeOption() =>
        new("--theme") { Description = "Theme folder (layouts/, partials/, assets/)", DefaultValueFactory = _ => DefaultTheme, HelpName = "DIR" };

    public IEnumerable<Option> Options => [.. ServeOptions, report];

    /// <summary>All but --report: a server has no end to report at.</summary>
    public IEnumerable<Option> ServeOptions => [input, drafts, timings, noCache, frozen, cacheDir, pythonLibrary];

    public void AddValidators(Command command) => command.Validators.Add(result =>
    {
        if (result.GetValue(noCache) && result.GetValue(frozen))
            result.AddError("--frozen and --no-cache cannot be combined: --frozen uses only cached results");
    });

    public string? ReportPath(ParseResult parse) => parse.GetValue(report) is { } path ? Path.GetFullPath(path) : null;

    public BuildOptions Bind(ParseResult parse, string output, string theme, bool includeDrafts = false, string? baseUrl = null) => new()
    {
        InputDirectory = Path.GetFullPath(parse.GetValue(input)!),
        OutputDirectory = Path.GetFullPath(output),
        ThemeDirectory = Path.GetFullPath(theme),
        IncludeDrafts = parse.GetValue(drafts) || includeDrafts,
        BaseUrl = baseUrl,
        Timings = parse.GetValue(timings),
        NoCache = parse.GetValue(noCache),
        Frozen = parse.GetValue(frozen),
        CacheDirectory = Path.GetFullPath(parse.GetValue(cacheDir)!),
        PythonLibrary = parse.GetValue(pythonLibrary) is { Length: > 0 } library ? Path.GetFullPath(library) : null, // else SITE_PYTHON_LIBRARY
    };
}
