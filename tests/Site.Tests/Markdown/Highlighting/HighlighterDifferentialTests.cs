using System.Text.Json;
using Site.Markdown.Highlighting.Engine;
using Site.Tests.Support;

namespace Site.Tests.Markdown.Highlighting;

/// <summary>
/// The C# engine against highlight.js on Node, block by block: the guide's code, blocks from the benchmark corpus and
/// hand-written hard cases (Samples/), each also with CRLF line ends. Node runs here, so these share the process
/// environment's collection with the tests that change SITE_NODE.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class HighlighterDifferentialTests
{
    private static string Samples => Path.Combine(HighlightJsReference.Folder, "Samples");

    [Fact]
    public void Every_code_block_of_the_guide_comes_out_as_highlight_js_makes_it()
    {
        var files = Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "input"), "*.md", SearchOption.AllDirectories);
        var blocks = HighlightJsReference.FencedBlocks(files).Distinct().ToList();

        Assert.True(blocks.Count > 100, $"only {blocks.Count} blocks in input/");
        Assert.Equal("", HighlightJsReference.Differences(blocks, Highlighter.Highlight));
    }

    [Fact]
    public void The_samples_come_out_as_highlight_js_makes_them_also_with_crlf_line_ends()
    {
        var blocks = HighlightJsReference.FencedBlocks(Directory.EnumerateFiles(Samples, "*.md")).ToList();
        var languages = Grammar.Names.ToList();
        Assert.True(languages.All(language => blocks.Any(b => b.Language == language)), "every language has samples");
        blocks.AddRange(blocks.Select(b => (b.Language, b.Code.Replace("\n", "\r\n"))).ToList());
        blocks.AddRange(languages.Select(language => (language, "")));

        Assert.Equal("", HighlightJsReference.Differences(blocks, Highlighter.Highlight));
    }

    [Fact]
    public void The_committed_grammars_are_what_the_export_script_makes_of_the_installed_highlight_js()
    {
        var script = Path.Combine(TestPaths.RepositoryRoot, "src", "Site", "node", "export-grammars.js");
        var exported = JsonSerializer.Deserialize<Dictionary<string, string>>(HighlightJsReference.RunNode(script, "", "--stdout"))!;
        var folder = Path.Combine(TestPaths.RepositoryRoot, "src", "Site", "3-Markdown", "Highlighting", "Grammars");

        Assert.Equal(exported.Keys.Order(), Directory.EnumerateFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order());
        Assert.Equal(exported.Keys.Order(), Grammar.Names.Order()); // all embedded
        foreach (var (language, json) in exported)
            Assert.True(json == File.ReadAllText(Path.Combine(folder, language + ".json")), $"{language}.json is stale: run node src/Site/node/export-grammars.js");
    }

    [Fact]
    public void Every_regular_expression_of_every_grammar_translates_to_one_dotnet_accepts()
    {
        foreach (var grammar in Grammar.Names.Select(name => Grammar.Get(name)!))
        {
            foreach (var mode in grammar.File.Modes)
            {
                foreach (var source in new[] { mode.Begin, mode.End, mode.TerminatorEnd, mode.Illegal, mode.KeywordPattern }.OfType<string>())
                    Assert.NotNull(grammar.Regex(source));
            }
        }
    }
}
