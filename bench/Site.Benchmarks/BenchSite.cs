using System.Reflection;
using Site.Core;
using Site.Snippets.Running;
using Site.Theme;

namespace Site.Benchmarks;

/// <summary>
/// A small generated site, built once for a benchmark's setup: the embedded 20-page corpus (Corpus/, from make-corpus
/// with 4 snippets a page), <c>copies</c> times over in folders copy-1, copy-2, … (links stay inside their copy), run
/// through the pipeline up to the theme. Snippets are not run and code is not highlighted (both need Node or Python).
/// </summary>
internal sealed class BenchSite : IDisposable
{
    /// <summary>The page the per-page benchmarks use: 6 KB of Markdown, two tables, two plain code blocks, four snippets.</summary>
    public const string RepresentativePage = "section-2/page-3.md";

    /// <summary>Pages in the embedded corpus.</summary>
    public const int CorpusPages = 20;

    private BenchSite(DirectoryInfo folder, BuildContext context, SiteState state, Page representative)
    {
        Folder = folder;
        Context = context;
        State = state;
        Representative = representative;
    }

    public DirectoryInfo Folder { get; }

    public BuildContext Context { get; }

    /// <summary>The site after every stage before the theme (GeneratePages included).</summary>
    public SiteState State { get; }

    /// <summary><see cref="RepresentativePage"/> (of the first copy), parsed, links resolved, rendered.</summary>
    public Page Representative { get; }

    /// <summary>The repository's folder, for themes/default (recorded at build time: BenchmarkDotNet runs us from elsewhere).</summary>
    public static string RepositoryRoot => typeof(BenchSite).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static BenchSite Build(int copies, int parallelism = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(copies, 1);
        var folder = Directory.CreateTempSubdirectory("site-benchmarks-");
        var input = Path.Combine(folder.FullName, "input");
        var assembly = typeof(BenchSite).Assembly;
        var pages = assembly.GetManifestResourceNames().Where(n => n.StartsWith("Corpus/", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)).ToList();
        if (pages.Count != CorpusPages)
            throw new InvalidOperationException($"expected {CorpusPages} embedded corpus pages, found {pages.Count}");
        for (var copy = 1; copy <= copies; copy++)
        {
            foreach (var resource in pages)
            {
                var path = Path.Combine(input, copies == 1 ? "" : $"copy-{copy}", resource["Corpus/".Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var source = assembly.GetManifestResourceStream(resource)!;
                using var target = File.Create(path);
                source.CopyTo(target);
            }
        }

        var context = new BuildContext
        {
            Options = new BuildOptions
            {
                InputDirectory = input,
                OutputDirectory = Path.Combine(folder.FullName, "output"),
                ThemeDirectory = Path.Combine(RepositoryRoot, "themes", "default"),
                CacheDirectory = Path.Combine(folder.FullName, "cache"),
                Parallelism = parallelism,
            },
            Diagnostics = new Core.Diagnostics(),
            Progress = SilentProgress.Instance,
        };

        // The pipeline's own order, up to the theme, less what needs a runtime.
        var state = new SiteState();
        foreach (var stage in BuildPipeline.Stages(BuildMode.Build).TakeWhile(s => s is not ApplyTheme).Where(s => s is not RunSnippets))
            state = stage.RunAsync(state, context, CancellationToken.None).GetAwaiter().GetResult();
        if (context.Diagnostics.HasErrors)
            throw new InvalidOperationException("the benchmark site has errors:\n" + string.Join("\n", context.Diagnostics.Sorted()));

        var representative = (copies == 1 ? "" : "copy-1/") + RepresentativePage;
        return new BenchSite(folder, context, state, state.Pages.Single(p => p.SourcePath == representative));
    }

    public void Dispose() => Folder.Delete(recursive: true);
}
