namespace Site.Serving;

/// <summary>The answer to one request, before it becomes HTTP: text, a file on disk, or a redirect.</summary>
internal sealed record Reply(int Status, string ContentType)
{
    public const string Html = "text/html; charset=utf-8";

    /// <summary>A body to send as UTF-8.</summary>
    public string? Text { get; init; }

    /// <summary>A file to send as it is (a copied asset or image).</summary>
    public string? File { get; init; }

    /// <summary>Where a redirect goes.</summary>
    public string? Location { get; init; }
}
