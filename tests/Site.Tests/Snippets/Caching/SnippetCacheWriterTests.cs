using System.Text.Json;
using Site.Snippets.Caching;
using Site.Snippets.Engines;

namespace Site.Tests.Snippets.Caching;

/// <summary>The hand-written cache writer must write exactly what the serializer writes, and what it reads back.</summary>
public sealed class SnippetCacheWriterTests
{
    /// <param name="loneSurrogate">Text no writer can keep (it becomes U+FFFD), but both must write the same.</param>
    private static CacheFile Sample(bool loneSurrogate)
    {
        var when = new DateTime(2026, 11, 21, 22, 46, 7, DateTimeKind.Utc).AddTicks(2359428);
        RunResult[] results =
        [
            new() { Output = [new(OutputStream.Stdout, "14910\n")], Duration = TimeSpan.FromTicks(277) },
            new()
            {
                Output = [new(OutputStream.Stdout, "<b>&'\"é 🐍\u0001\t\\"), new(OutputStream.Stderr, "warn\n"), new(OutputStream.Stdout, loneSurrogate ? "\ud800 lone" : "not lone")],
                Truncated = true,
                Duration = new TimeSpan(2, 3, 4, 5, 6),
            },
            new()
            {
                Error = new RunError(RunErrorKind.Exception, "KeyError", "'x'", "Traceback (most recent call last):\n  File \"a.md\", line 3\nKeyError: 'x'\n",
                    ["KeyError", "LookupError", "Exception", "BaseException"]),
            },
            new() { Error = new RunError(RunErrorKind.Timeout, "TimeoutError", "timed out after 0.5 s", "", []), Duration = TimeSpan.FromSeconds(2.5) },
            new() { Output = [new((OutputStream)7, "odd stream")], Error = new RunError((RunErrorKind)9, "", "", "", [""]), Duration = -TimeSpan.FromMilliseconds(1) },
        ];
        var entries = results.Select((result, i) => (Key: $"{i:x64}", Run: new CachedRun(i % 2 == 0 ? "Python 3.11.2" : "Node v20.19.0", result,
            i == 4 ? new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Unspecified) : when.AddMinutes(i))));
        return new CacheFile(CacheFile.CurrentVersion, entries.ToDictionary(entry => entry.Key, entry => entry.Run));
    }

    private static byte[] Written(CacheFile file)
    {
        using var stream = new MemoryStream();
        SnippetCacheWriter.Write(stream, file);
        return stream.ToArray();
    }

    [Fact]
    public void Writes_what_the_serializer_writes()
    {
        var file = Sample(loneSurrogate: true);

        var expected = JsonSerializer.SerializeToUtf8Bytes(file, SnippetCacheJson.Default.CacheFile);

        Assert.Equal(expected, Written(file));
    }

    [Fact]
    public void A_cache_larger_than_the_writers_buffer_is_written_as_the_serializer_writes_it()
    {
        var run = new CachedRun("Python 3.11.2", new RunResult { Output = [new(OutputStream.Stdout, new string('x', 300) + "\n")] }, DateTime.UnixEpoch);
        var file = new CacheFile(CacheFile.CurrentVersion, Enumerable.Range(0, 1000).ToDictionary(i => $"{i:x64}", _ => run));

        var expected = JsonSerializer.SerializeToUtf8Bytes(file, SnippetCacheJson.Default.CacheFile);

        Assert.True(expected.Length > 256 * 1024);
        Assert.Equal(expected, Written(file));
    }

    [Fact]
    public void An_empty_cache_is_written_as_the_serializer_writes_it() =>
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(new CacheFile(1, []), SnippetCacheJson.Default.CacheFile), Written(new CacheFile(1, [])));

    [Fact]
    public void What_is_written_reads_back()
    {
        var file = Sample(loneSurrogate: false);

        var read = JsonSerializer.Deserialize(Written(file), SnippetCacheJson.Default.CacheFile)!;

        Assert.Equal(file.Entries.Keys, read.Entries.Keys);
        foreach (var (key, run) in file.Entries)
        {
            var back = read.Entries[key];
            Assert.Equal((run.Runtime, run.LastUsed, run.Result.Truncated, run.Result.Duration), (back.Runtime, back.LastUsed, back.Result.Truncated, back.Result.Duration));
            Assert.Equal<OutputChunk>(run.Result.Output, back.Result.Output);
            Assert.Equal(run.Result.Error?.Kind, back.Result.Error?.Kind);
            Assert.Equal(run.Result.Error?.Trace, back.Result.Error?.Trace);
            Assert.Equal<string>(run.Result.Error?.TypeNames ?? [], back.Result.Error?.TypeNames ?? []);
        }
    }
}
