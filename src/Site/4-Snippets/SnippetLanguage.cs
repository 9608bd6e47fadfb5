namespace Site.Snippets;

internal enum SnippetLanguage { Python, JavaScript }

internal static class SnippetLanguages
{
    /// <summary>The fence language of a runnable snippet: python/py or js/javascript.</summary>
    public static SnippetLanguage? FromFence(string? info) => info?.ToLowerInvariant() switch
    {
        "python" or "py" or "python3" => SnippetLanguage.Python,
        "js" or "javascript" or "node" => SnippetLanguage.JavaScript,
        _ => null,
    };

    public static string DisplayName(this SnippetLanguage language) =>
        language == SnippetLanguage.Python ? "Python" : "JavaScript";

    public static string Key(this SnippetLanguage language) =>
        language == SnippetLanguage.Python ? "python" : "js";
}
