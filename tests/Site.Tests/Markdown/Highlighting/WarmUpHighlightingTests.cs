using Site.Markdown.Highlighting;

namespace Site.Tests.Markdown.Highlighting;

public sealed class WarmUpHighlightingTests
{
    [Fact]
    public void The_first_block_of_each_highlighted_language_is_found_by_highlight_js_name()
    {
        string[] texts =
        [
            "Text.\n\n```sh\necho one\n```\n\n```dataview\nlist\n```\n",
            "```text\nplain\n```\n\n  ~~~python run\nprint(1)\n  ~~~\n\n```bash\necho two\n```\n\n```json\n{}\n```\n",
        ];

        Assert.Equal([("bash", "echo one\n"), ("python", "print(1)\n"), ("json", "{}\n")], WarmUpHighlighting.FirstBlocks(texts));
    }

    [Fact]
    public void Pages_without_code_to_highlight_give_nothing()
    {
        Assert.Empty(WarmUpHighlighting.FirstBlocks(["No code.", "```\nno language\n```\n", "```bash\nnever closed\n"]));
    }
}
