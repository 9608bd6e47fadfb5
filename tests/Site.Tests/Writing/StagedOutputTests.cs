using Site.Core;
using Site.Tests.Support;
using Site.Writing;

namespace Site.Tests.Writing;

public sealed class StagedOutputTests
{
    private static OutputFile Text(string path, string text) => new(path, text, null);

    [Fact]
    public void Files_handed_over_stage_by_stage_are_all_in_the_output_after_finishing()
    {
        using var folder = new TempFolder();
        var output = folder["out"];
        using var staged = new StagedOutput(output, writers: 2);
        staged.MakeFoldersFor(["a/index.html", "b/c/index.html"]);

        var outputs = new List<OutputFile> { Text("a/index.html", "A é") };
        staged.Accept(outputs);
        outputs.Add(Text("b/c/index.html", "C"));
        outputs.Add(Text("index.html", "home"));
        staged.Finish(outputs);

        Assert.Equal("A é", File.ReadAllText(Path.Combine(output, "a/index.html")));
        Assert.Equal("C", File.ReadAllText(Path.Combine(output, "b/c/index.html")));
        Assert.Equal("home", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.True(File.Exists(Path.Combine(output, OutputFolder.MarkerFile)));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_streamed_file_is_written_as_UTF_8_even_when_a_character_straddles_two_chunks_of_the_buffer()
    {
        using var folder = new TempFolder();
        var output = folder["out"];
        using var staged = new StagedOutput(output, writers: 1);
        var text = "";
        var straddles = false;

        var kept = StagedOutput.Stream(staged, "page/index.html", writer =>
        {
            // The emoji's two UTF-16 halves land on either side of the end of the buffer's first chunk.
            var buffer = ((StringWriter)writer).GetStringBuilder();
            writer.Write(new string('a', buffer.Capacity - 1) + "😀 é, and more after");
            text = buffer.ToString();
            var chunks = buffer.GetChunks();
            straddles = chunks.MoveNext() && char.IsHighSurrogate(chunks.Current.Span[^1]);
        });
        staged.Finish([new OutputFile("page/index.html", null, null)]);

        Assert.Null(kept);
        Assert.True(straddles);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), File.ReadAllBytes(Path.Combine(output, "page/index.html")));
    }

    [Fact]
    public void Without_a_staging_folder_a_streamed_file_is_returned_as_text() =>
        Assert.Equal("<p>é</p>", StagedOutput.Stream(null, "index.html", writer => writer.Write("<p>é</p>")));

    [Fact]
    public void An_abandoned_build_deletes_its_staging_folder_and_leaves_the_output_alone()
    {
        using var folder = new TempFolder();
        folder.Write("out/index.html", "before");
        folder.Write($"out/{OutputFolder.MarkerFile}", "");

        using (var staged = new StagedOutput(folder["out"], writers: 2))
        {
            staged.MakeFoldersFor(["x/index.html"]);
            staged.Accept([Text("index.html", "after"), Text("x/index.html", "new")]);
        }

        Assert.Equal("before", File.ReadAllText(folder["out/index.html"]));
        Assert.False(Directory.Exists(folder["out/x"]));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_replaced_or_dropped_after_it_was_handed_over_is_written_as_the_final_list_says()
    {
        using var folder = new TempFolder();
        using var staged = new StagedOutput(folder["out"], writers: 1);
        staged.Accept([Text("a.html", "first"), Text("b.html", "dropped")]);

        staged.Finish([Text("a.html", "second")]);

        Assert.Equal("second", File.ReadAllText(folder["out/a.html"]));
        Assert.False(File.Exists(folder["out/b.html"]));
    }

    [Fact]
    public void A_file_that_cannot_be_written_fails_the_finish_and_the_previous_output_stays()
    {
        using var folder = new TempFolder();
        folder.Write("out/index.html", "before");
        folder.Write($"out/{OutputFolder.MarkerFile}", "");
        using var staged = new StagedOutput(folder["out"], writers: 2);
        // A folder where the file should go: writing it fails.
        Directory.CreateDirectory(Path.Combine(staged.Root, "page.html"));

        Assert.Throws<UnauthorizedAccessException>(() => staged.Finish([Text("index.html", "after"), Text("page.html", "x")]));
        staged.Dispose();

        Assert.Equal("before", File.ReadAllText(folder["out/index.html"]));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }
}
