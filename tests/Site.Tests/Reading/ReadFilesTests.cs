using System.Text;
using Site.Core;
using Site.Reading;
using Site.Tests.Support;

namespace Site.Tests.Reading;

public sealed class ReadFilesTests
{
    [Fact]
    public async Task A_page_that_is_not_utf8_is_SITE001_at_the_line_and_column_of_the_bad_byte()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        // Line 5 is "naïve " (6 characters, 7 bytes) followed by a Latin-1 byte.
        var bytes = Encoding.UTF8.GetBytes("---\ntitle: Latin\n---\n\nna\u00efve ")
            .Concat(new byte[] { 0xE9 })
            .Concat(Encoding.UTF8.GetBytes("t\u00e9\n")).ToArray();
        site.WriteBytes("latin.md", bytes);

        var result = await site.BuildAsync();

        Expect.Located(result, DiagnosticCodes.NotUtf8, "input/latin.md", 5, 7, "file is not valid UTF-8 (byte 0xE9");
    }

    [Fact]
    public void Decode_counts_lines_and_columns_after_a_byte_order_mark()
    {
        var diagnostics = new Diagnostics();
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\n', (byte)'b', (byte)'c', 0xFF];

        Assert.Null(ReadFiles.Decode(bytes, "x.md", diagnostics));

        var text = Expect.Located(diagnostics.Sorted(), DiagnosticCodes.NotUtf8, "x.md", 2, 3, "byte 0xFF at offset 7");
        Assert.Equal("x.md(2,3): error SITE001: file is not valid UTF-8 (byte 0xFF at offset 7); save it as UTF-8", text);
    }

    [Fact]
    public void Decode_accepts_utf8_and_drops_the_byte_order_mark()
    {
        var diagnostics = new Diagnostics();
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("caf\u00e9 \u2713")).ToArray();

        Assert.Equal("caf\u00e9 \u2713", ReadFiles.Decode(bytes, "x.md", diagnostics));
        Assert.Empty(diagnostics.Sorted());
    }

    [Fact]
    public async Task Reading_skips_hidden_files_underscores_data_and_settings_and_keeps_static_files()
    {
        using var site = new TestSite();
        site.Page("index.md", "Home");
        site.Page("guide/page.md", "Page");
        site.Page("_partial.md", "Not a page");
        site.Page(".hidden/secret.md", "Not a page either");
        site.Write("data/table.yml", "rows: []\n");
        site.Write("site.yml", "title: T\n");
        site.WriteBytes("guide/picture.png", [1, 2, 3]);
        site.Write("notes.txt", "static");

        var state = await new ReadFiles().RunAsync(new SiteState(), Context(site), CancellationToken.None);

        Assert.Equal(["guide/page.md", "index.md"], state.Pages.Select(p => p.SourcePath));
        Assert.Equal(["guide/picture.png", "notes.txt"], state.StaticFiles.ToArray());
        Assert.Equal("guide", state.Pages[0].Section);
        Assert.Null(state.Pages[1].Section);
        Assert.EndsWith("input/guide/page.md", state.Pages[0].DisplayPath);
    }

    [Fact]
    public async Task A_page_the_up_to_date_check_read_is_built_from_those_bytes_not_read_again()
    {
        using var site = new TestSite();
        var path = site.Page("index.md", "Home", "On disk now.\n");
        var context = Context(site);
        context.ReadAhead[new FileInfo(path).FullName] = "---\ntitle: Home\n---\n\nAs the digest saw it.\n"u8.ToArray();

        var state = await new ReadFiles().RunAsync(new SiteState(), context, CancellationToken.None);

        Assert.Contains("As the digest saw it.", Assert.Single(state.Pages).Text);
        Assert.Empty(context.ReadAhead);
    }

    [Fact]
    public void The_up_to_date_check_keeps_the_bytes_of_the_pages_it_hashed_by_full_path_and_nothing_else()
    {
        using var site = new TestSite();
        var path = site.Page("index.md", "Home", "Text.\n");
        site.WriteBytes("picture.png", [1, 2, 3]);
        var read = new System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>();

        Assert.NotNull(Site.Incremental.InputDigest.Compute(site.Options(), read));

        var only = Assert.Single(read);
        Assert.Equal(new FileInfo(path).FullName, only.Key);
        Assert.Equal(File.ReadAllBytes(path), only.Value);
    }

    private static BuildContext Context(TestSite site) =>
        new() { Options = site.Options(), Diagnostics = new Diagnostics(), Progress = SilentProgress.Instance };
}
