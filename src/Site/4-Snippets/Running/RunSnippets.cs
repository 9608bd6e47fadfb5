using System.Collections.Concurrent;
using System.Collections.Immutable;
using Site.Core;
using Site.Snippets.Caching;
using Site.Snippets.Engines;
using Site.Snippets.Verifying;

namespace Site.Snippets.Running;

/// <summary>
/// Runs every snippet, session by session in page order, on embedded CPython or the Node worker; takes results
/// from the cache where the key still matches; verifies each against its page (expected output, throws,
/// <c>::: compare same-output</c>). Python and JavaScript sessions run side by side, and as many sessions of a
/// language at once as its engine takes (<see cref="ISnippetEngine.MaxParallelSessions"/>).
/// </summary>
internal sealed class RunSnippets : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "run";

    public async Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var sessions = state.Pages
            .SelectMany(page => page.Snippets.Where(s => !s.Invalid).GroupBy(s => s.Session).Select(group => new Session(page, group.Key, [.. group])))
            .ToList();
        if (sessions.Count == 0)
            return state;

        var options = context.Options;
        var cacheDirectory = context.CacheDirectory;
        // A rebuild keeps the cache it loaded: cached results stay the same instances, so the pages showing them need no new HTML.
        var memo = context.RebuildCache?.Memo<string, SnippetCache>(Name);
        var cache = options.NoCache ? SnippetCache.Empty(cacheDirectory)
            : memo is null ? LoadCache(cacheDirectory, context.Diagnostics)
            : memo.GetOrAdd(cacheDirectory, cacheDirectory, context.Diagnostics, diagnostics => LoadCache(cacheDirectory, diagnostics));

        var outcomes = new ConcurrentDictionary<Snippet, SnippetOutcome>(ReferenceEqualityComparer.Instance);
        var languages = sessions.GroupBy(s => s.Snippets[0].Language);
        await Task.WhenAll(languages.Select(group => Task.Run(
            () => RunLanguageAsync(group.Key, [.. group], cache, outcomes, context, cancellationToken), cancellationToken)));

        foreach (var session in sessions)
            CheckSameOutput(session.Page, outcomes, context.Diagnostics);
        try
        {
            // A rebuild that ran nothing leaves the file alone: only last-used times would change, and the next build writes them.
            if (context.RebuildCache is null || cache.HasNewResults)
                cache.Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Diagnostics.Warning(DiagnosticCodes.CacheUnreadable, null, $"the snippet cache '{cache.FilePath}' could not be written ({e.Message})");
        }

        return state with { SnippetOutcomes = outcomes.ToImmutableDictionary(ReferenceEqualityComparer.Instance) };
    }

    private static SnippetCache LoadCache(string directory, Diagnostics diagnostics)
    {
        var cache = SnippetCache.Load(directory, out var problem);
        if (problem is not null)
            diagnostics.Warning(DiagnosticCodes.CacheUnreadable, null, $"the snippet cache '{cache.FilePath}' could not be read ({problem}); running every snippet");
        return cache;
    }

    /// <summary>The snippets of one session on one page, in page order.</summary>
    private sealed record Session(Page Page, string Name, ImmutableArray<Snippet> Snippets)
    {
        public string Id => $"{Page.SourcePath}#{Name}";
    }

    private static async Task RunLanguageAsync(SnippetLanguage language, List<Session> sessions, SnippetCache cache,
        ConcurrentDictionary<Snippet, SnippetOutcome> outcomes, BuildContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        string identity;
        try
        {
            identity = context.Runtimes.Identify(language);
        }
        catch (RuntimeUnavailableException e)
        {
            NotRun(language, sessions, outcomes, context, e.Message);
            return;
        }

        // Sessions whose results are all cached need no engine; the others run in it, as many at once as it takes.
        var toRun = new List<(Session Session, List<string> Keys)>();
        foreach (var session in sessions)
        {
            var keys = Keys(identity, session);
            var cached = keys.Select(key => !options.NoCache && cache.TryGet(key, out var run) ? run : null).ToList();
            if (cached.All(run => run is not null) || options.Frozen)
                UseCache(session, cached, outcomes, context);
            else
                toRun.Add((session, keys));
        }

        if (toRun.Count == 0)
            return;

        ISnippetEngine engine;
        try
        {
            engine = await context.Runtimes.StartAsync(language, cancellationToken);
        }
        catch (RuntimeUnavailableException e)
        {
            foreach (var (session, _) in toRun)
                NotRun(language, [session], outcomes, context, e.Message);
            return;
        }

        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = engine.MaxParallelSessions, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(toRun, parallel,
                async (item, token) => await RunSessionAsync(engine, item.Session, item.Keys, cache, outcomes, context, token));
        }
        finally
        {
            await engine.DisposeAsync();
        }
    }

    private static List<string> Keys(string identity, Session session)
    {
        var keys = new List<string>();
        var previous = "";
        foreach (var snippet in session.Snippets)
            keys.Add(previous = SnippetCache.Key(identity, previous, snippet, session.Page.DisplayPath));
        return keys;
    }

    /// <summary>All results cached (or <c>--frozen</c>): nothing executes. Under --frozen a missing result is an error.</summary>
    private static void UseCache(Session session, List<CachedRun?> cached, ConcurrentDictionary<Snippet, SnippetOutcome> outcomes, BuildContext context)
    {
        for (var i = 0; i < session.Snippets.Length; i++)
        {
            var snippet = session.Snippets[i];
            if (cached[i] is not { } run)
            {
                context.Diagnostics.Error(DiagnosticCodes.NotInCache, snippet.At,
                    $"{snippet.Language.Key()} snippet has no cached result, and --frozen never runs code; build it once without --frozen where its code is trusted");
                outcomes[snippet] = new SnippetOutcome { Snippet = snippet, Status = SnippetStatus.NotRun };
                continue;
            }

            var status = SnippetVerifier.Verify(snippet, run.Result, context.Diagnostics);
            outcomes[snippet] = new SnippetOutcome { Snippet = snippet, Status = status, Result = run.Result, Runtime = run.Runtime, Cached = true };
        }
    }

    private static async Task RunSessionAsync(ISnippetEngine engine, Session session, List<string> keys, SnippetCache cache,
        ConcurrentDictionary<Snippet, SnippetOutcome> outcomes, BuildContext context, CancellationToken cancellationToken)
    {
        try
        {
            var requests = session.Snippets.Select(snippet =>
                new RunRequest(session.Id, snippet.Code, session.Page.DisplayPath, snippet.At.Line + 1, snippet.Options.Timeout)).ToList();
            var i = 0;
            await foreach (var result in engine.RunAllAsync(requests, cancellationToken))
            {
                var snippet = session.Snippets[i];
                if (result.Error?.Kind is not (RunErrorKind.Timeout or RunErrorKind.EngineFailure))
                    cache.Put(keys[i], engine.Runtime, result);
                var status = SnippetVerifier.Verify(snippet, result, context.Diagnostics);
                outcomes[snippet] = new SnippetOutcome { Snippet = snippet, Status = status, Result = result, Runtime = engine.Runtime };
                i++;
            }
        }
        finally
        {
            await engine.EndSessionAsync(session.Id);
        }
    }

    /// <summary>One error for the whole build, at the first snippet that could not run, saying how many did not.</summary>
    private static void NotRun(SnippetLanguage language, List<Session> sessions, ConcurrentDictionary<Snippet, SnippetOutcome> outcomes,
        BuildContext context, string reason)
    {
        var snippets = sessions.SelectMany(s => s.Snippets).ToList();
        foreach (var snippet in snippets)
            outcomes[snippet] = new SnippetOutcome { Snippet = snippet, Status = SnippetStatus.NotRun };
        var pages = sessions.Select(s => s.Page.SourcePath).Distinct().Count();
        var name = language == SnippetLanguage.Python ? "Python" : "JavaScript";
        context.Diagnostics.Error(DiagnosticCodes.RuntimeUnavailable, null,
            $"{name} snippets cannot run: {reason} ({snippets.Count} snippet{(snippets.Count == 1 ? "" : "s")} on {pages} page{(pages == 1 ? "" : "s")} not run)");
    }

    /// <summary><c>::: compare same-output</c>: the JavaScript and the Python snippet must print the same text.</summary>
    private static void CheckSameOutput(Page page, ConcurrentDictionary<Snippet, SnippetOutcome> outcomes, Diagnostics diagnostics)
    {
        foreach (var group in page.Snippets.Where(s => s.Compare is { SameOutput: true }).GroupBy(s => s.Compare))
        {
            var js = group.FirstOrDefault(s => s.Language == SnippetLanguage.JavaScript);
            var python = group.FirstOrDefault(s => s.Language == SnippetLanguage.Python);
            if (js is null || python is null || !outcomes.TryGetValue(js, out var jsRun) || !outcomes.TryGetValue(python, out var pyRun))
                continue;
            if (jsRun.Result is null || pyRun.Result is null)
                continue;
            var jsText = jsRun.DisplayText;
            var pyText = pyRun.DisplayText;
            if (OutputText.Normalize(jsText) == OutputText.Normalize(pyText))
                continue;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CompareOutputsDiffer, group.Key!.At,
                    $"'::: compare same-output': the js snippet (line {js.At.Line}) and the python snippet (line {python.At.Line}) print different output")
                with { Detail = SnippetVerifier.Indent(UnifiedDiff.Create(jsText, pyText, "js", "python")) });
        }
    }
}
