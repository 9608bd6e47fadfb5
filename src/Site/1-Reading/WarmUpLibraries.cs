using Site.Core;
using Site.Markdown;

namespace Site.Reading;

/// <summary>
/// Starts the libraries every build uses (YamlDotNet, Markdig) on a thread of their own while the settings and the files are
/// read: their first use costs tens of milliseconds of type loading and compiling whatever the site's size (YamlDotNet
/// alone ~40 ms, most of it a compiled regex in its static constructor), and here it overlaps reading instead of
/// delaying the front matter and the first pages. Once per process: the preview server's rebuilds find them started.
/// </summary>
internal sealed class WarmUpLibraries : IStage
{
    private static int started;

    public Phase Phase => Phase.Input;

    public string Name => "warm-up libraries";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref started, 1) == 0)
            HeadStart.Run(Name, WarmUp);
        return Task.FromResult(state);
    }

    private static void WarmUp()
    {
        Yaml.LoadMapping(Sample.FrontMatter, "warm-up.md", 1, "", "", new Diagnostics());
        Markdig.Markdown.Parse(Sample.Markdown, MarkdownPipelineFactory.Pipeline);
    }

    private static class Sample
    {
        public const string FrontMatter = "title: \"A page\"\ntags: [a, b]\norder: 2\n";

        public const string Markdown = """
            ## A heading {#anchor}

            Text with *emphasis*, `code`, a [link](other.md#part) and https://example.com.

            > [!note] A callout
            > with text.

            | Python | JavaScript |
            | --- | --- |
            | `None` | `null` |

            - [ ] a task
            - an item

            ```python
            print("hi")
            ```

            ::: compare
            text
            :::
            """;
    }
}
