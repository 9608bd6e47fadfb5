using System.Security.Cryptography;
using System.Text;
using Markdig.Syntax;
using Site.Core;
using Site.Snippets;
using Site.Snippets.Caching;

namespace Site.Tests.Snippets.Caching;

/// <summary>Keys are hashed from a pooled buffer; they must stay the keys of the plain formula, so existing caches stay valid.</summary>
public sealed class SnippetCacheKeyTests
{
    private const string Identity = "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0|7465640|638059372000000000";

    public static TheoryData<string, string?, string?, double, bool, bool, int> Snippets => new()
    {
        { "print(1)\n", null, null, 10_000, false, false, 12 },
        { "raise KeyError('é 🐍')\n", "setup", "LookupError", 2_500.5, true, false, 1 },
        { "s = '\ud800'\n", null, "", 0.001, false, true, 987_654 }, // a lone surrogate becomes U+FFFD in both
        { "", "ünïcode", null, 600_000, true, true, 0 },
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public void A_key_is_the_sha256_of_its_fields_joined_by_nul(string code, string? session, string? throwsName, double timeoutMs, bool throws,
        bool isolated, int line)
    {
        var options = new SnippetOptions
        {
            Session = session,
            ThrowsName = throwsName,
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
            Throws = throws,
            Isolated = isolated,
        };
        var snippet = new Snippet
        {
            Language = SnippetLanguage.Python,
            Code = code,
            Options = options,
            At = new SourceLocation("a.md", line, 1),
            Session = "page",
            Info = "python",
        };
        var previous = Reference(Identity, "", snippet, "guide/a.md");

        var expected = Reference(Identity, previous, snippet, "guide/ä.md");
        Assert.Equal(expected, SnippetCache.Key(Identity, previous, snippet, "guide/ä.md"));
        Assert.Equal(previous, SnippetCache.Key(Identity, "", snippet, "guide/a.md"));
    }

    /// <summary>How keys were made before they were made without allocating.</summary>
    private static string Reference(string identity, string previousKey, Snippet snippet, string fileName)
    {
        var options = snippet.Options;
        var text = string.Join('\0', identity, previousKey, snippet.Code, fileName, snippet.At.Line,
            options.Timeout.TotalMilliseconds, options.Throws, options.ThrowsName, options.Isolated, options.Session);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
