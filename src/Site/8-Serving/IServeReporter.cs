namespace Site.Serving;

/// <summary>Where the preview server says what it does; the command line prints it.</summary>
internal interface IServeReporter
{
    /// <summary>The server listens (before the first build is done: pages say "building" until then).</summary>
    void Listening(Uri url);

    /// <summary>A build finished: the first one, or a rebuild after a change.</summary>
    void Built(RebuildReport report);
}
