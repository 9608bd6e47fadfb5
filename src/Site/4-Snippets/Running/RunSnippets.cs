using System.Collections.Immutable;
using Site.Core;
using Site.Snippets.Caching;
using Site.Snippets.Engines;
using Site.Snippets.Verifying;

namespace Site.Snippets.Running;

/// <summary>
/// Runs every snippet, session by session in page order, on embedded CPython or the Node worker; takes results
/// from the cache where the key still matches; verifies each against its page (expected output, throws,
/// <c>::: compare same-output</c>). Python and JavaScript sessions run side by side.
/// </summary>
internal sealed class RunSnippets : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "run";

    public async Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var sessions = Sessions(state.Pages);
        if (sessions.Count == 0)
            return state;

        var options = context.Options;
        var cacheDirectory = context.CacheDirectory;
        // A rebuild keeps the cache it loaded: cached results stay the same instances, so the pages showing them need no new HTML.
        var memo = context.RebuildCache?.Memo<string, SnippetCache>(Name);
        var cache = options.NoCache ? SnippetCache.Empty(cacheDirectory)
            : memo is null ? LoadCache(cacheDirectory, context.Diagnostics)
            : memo.GetOrAdd(cacheDirectory, cacheDirectory, context.Diagnostics, diagnostics => LoadCache(cacheDirectory, diagnostics));

        var languages = sessions.GroupBy(s => s.Snippets[0].Language).ToList();
        // Languages run side by side; one alone needs no hop to the thread pool.
        var ran = languages.Count == 1
            ? [await RunLanguageAsync(languages[0].Key, [.. languages[0]], cache, context, cancellationToken)]
            : await Task.WhenAll(languages.Select(group => Task.Run(
                () => RunLanguageAsync(group.Key, [.. group], cache, context, cancellationToken), cancellationToken)));
        var outcomes = ImmutableDictionary.CreateRange(ReferenceEqualityComparer.Instance,
            ran.SelectMany(list => list).Select(outcome => KeyValuePair.Create(outcome.Snippet, outcome)));

        for (var i = 0; i < sessions.Count; i++)
        {
            if (i == 0 || sessions[i].Page != sessions[i - 1].Page) // a page's sessions come one after another
                CheckSameOutput(sessions[i].Page, outcomes, context.Diagnostics);
        }

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

        return state with { SnippetOutcomes = outcomes };
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
        public string Id { get; } = $"{Page.SourcePath}#{Name}";
    }

    /// <summary>Each page's sessions, in the order their first snippets come.</summary>
    private static List<Session> Sessions(IEnumerable<Page> pages)
    {
        var sessions = new List<Session>();
        foreach (var page in pages)
        {
            var snippets = page.Snippets;
            if (snippets.IsEmpty)
                continue;
            // Most pages are one session of valid snippets: their list is the session's as it is.
            if (IsOneSession(snippets))
                sessions.Add(new Session(page, snippets[0].Session, snippets));
            else
                sessions.AddRange(snippets.Where(s => !s.Invalid).GroupBy(s => s.Session).Select(group => new Session(page, group.Key, [.. group])));
        }

        return sessions;
    }

    private static bool IsOneSession(ImmutableArray<Snippet> snippets)
    {
        foreach (var snippet in snippets)
        {
            if (snippet.Invalid || snippet.Session != snippets[0].Session)
                return false;
        }

        return true;
    }

    /// <summary>Runs (or takes from the cache) the sessions of one language; returns an outcome for each of their snippets.</summary>
    private static async Task<List<SnippetOutcome>> RunLanguageAsync(SnippetLanguage language, List<Session> sessions, SnippetCache cache,
        BuildContext context, CancellationToken cancellationToken)
    {
        var outcomes = new List<SnippetOutcome>();
        string identity;
        try
        {
            identity = context.Runtimes.Identify(language);
        }
        catch (RuntimeUnavailableException e)
        {
            NotRun(language, sessions, outcomes, context, e.Message);
            return outcomes;
        }

        var toRun = TakeCached(identity, sessions, cache, outcomes, context);
        if (toRun.Count == 0)
            return outcomes;
        ISnippetEngine engine;
        try
        {
            engine = await context.Runtimes.StartAsync(language, cancellationToken);
        }
        catch (RuntimeUnavailableException e)
        {
            NotRunEach(language, toRun, outcomes, context, e.Message);
            return outcomes;
        }

        await using (engine)
        {
            // All in one go, still one session after another: an engine can then run them without a round trip each.
            var running = engine.RunSessionsAsync([.. toRun.Select(run => Requests(run.Session))], cancellationToken);
            var keys = toRun.ConvertAll(run => run.Keys ?? Keys(identity, run.Session)); // those not made yet, while the snippets run
            RecordAll(engine, toRun, keys, await running, cache, outcomes, context);
        }

        return outcomes;
    }

    /// <summary>A session to run, with the cache keys of its snippets (null when nothing was looked up: they are made later).</summary>
    private sealed record SessionToRun(Session Session, List<string>? Keys);

    /// <summary>
    /// Sessions whose results are all cached (every session under --frozen) take them from the cache; the others are
    /// returned, to run: without their keys when there is nothing to look up (--no-cache, an empty cache). (Loops stay
    /// out of the async methods: the JIT compiles those fully when a loop is in one.)
    /// </summary>
    private static List<SessionToRun> TakeCached(string identity, List<Session> sessions, SnippetCache cache,
        List<SnippetOutcome> outcomes, BuildContext context)
    {
        var options = context.Options;
        var lookUp = options.Frozen || (!options.NoCache && cache.Count > 0);
        var toRun = new List<SessionToRun>();
        foreach (var session in sessions)
        {
            if (!lookUp)
            {
                toRun.Add(new SessionToRun(session, null));
                continue;
            }

            var keys = Keys(identity, session);

            var cached = new List<CachedRun?>(keys.Count);
            foreach (var key in keys)
                cached.Add(!options.NoCache && cache.TryGet(key, out var run) ? run : null);
            if (!cached.Contains(null) || options.Frozen)
                UseCache(session, cached, outcomes, context);
            else
                toRun.Add(new SessionToRun(session, keys));
        }

        return toRun;
    }

    private static RunRequest[] Requests(Session session)
    {
        var requests = new RunRequest[session.Snippets.Length];
        for (var i = 0; i < requests.Length; i++)
        {
            var snippet = session.Snippets[i];
            requests[i] = new RunRequest(session.Id, snippet.Code, session.Page.DisplayPath, snippet.At.Line + 1, snippet.Options.Timeout);
        }

        return requests;
    }

    private static List<string> Keys(string identity, Session session)
    {
        var keys = new List<string>(session.Snippets.Length);
        var previous = "";
        foreach (var snippet in session.Snippets)
            keys.Add(previous = SnippetCache.Key(identity, previous, snippet, session.Page.DisplayPath));
        return keys;
    }

    /// <summary>All results cached (or <c>--frozen</c>): nothing executes. Under --frozen a missing result is an error.</summary>
    private static void UseCache(Session session, List<CachedRun?> cached, List<SnippetOutcome> outcomes, BuildContext context)
    {
        for (var i = 0; i < session.Snippets.Length; i++)
        {
            var snippet = session.Snippets[i];
            if (cached[i] is not { } run)
            {
                context.Diagnostics.Error(DiagnosticCodes.NotInCache, snippet.At,
                    $"{snippet.Language.Key()} snippet has no cached result, and --frozen never runs code; build it once without --frozen where its code is trusted");
                outcomes.Add(new SnippetOutcome { Snippet = snippet, Status = SnippetStatus.NotRun });
                continue;
            }

            var status = SnippetVerifier.Verify(snippet, run.Result, context.Diagnostics);
            outcomes.Add(new SnippetOutcome { Snippet = snippet, Status = status, Result = run.Result, Runtime = run.Runtime, Cached = true });
        }
    }

    /// <summary>Caches (unless it timed out or the engine failed) and verifies each result of the sessions that ran.</summary>
    private static void RecordAll(ISnippetEngine engine, List<SessionToRun> ran, List<List<string>> keys,
        ImmutableArray<ImmutableArray<RunResult>> results, SnippetCache cache, List<SnippetOutcome> outcomes, BuildContext context)
    {
        for (var s = 0; s < ran.Count; s++)
        {
            var session = ran[s].Session;
            for (var i = 0; i < session.Snippets.Length; i++)
            {
                var snippet = session.Snippets[i];
                var result = results[s][i];
                if (result.Error?.Kind is not (RunErrorKind.Timeout or RunErrorKind.EngineFailure))
                    cache.Put(keys[s][i], engine.Runtime, result);
                var status = SnippetVerifier.Verify(snippet, result, context.Diagnostics);
                outcomes.Add(new SnippetOutcome { Snippet = snippet, Status = status, Result = result, Runtime = engine.Runtime });
            }
        }
    }

    /// <summary>The engine did not start: an error for each session that needed it.</summary>
    private static void NotRunEach(SnippetLanguage language, List<SessionToRun> toRun, List<SnippetOutcome> outcomes,
        BuildContext context, string reason)
    {
        foreach (var run in toRun)
            NotRun(language, [run.Session], outcomes, context, reason);
    }

    /// <summary>One error for the whole build, at the first snippet that could not run, saying how many did not.</summary>
    private static void NotRun(SnippetLanguage language, List<Session> sessions, List<SnippetOutcome> outcomes,
        BuildContext context, string reason)
    {
        var snippets = sessions.SelectMany(s => s.Snippets).ToList();
        foreach (var snippet in snippets)
            outcomes.Add(new SnippetOutcome { Snippet = snippet, Status = SnippetStatus.NotRun });
        var pages = sessions.Select(s => s.Page.SourcePath).Distinct().Count();
        var name = language == SnippetLanguage.Python ? "Python" : "JavaScript";
        context.Diagnostics.Error(DiagnosticCodes.RuntimeUnavailable, null,
            $"{name} snippets cannot run: {reason} ({snippets.Count} snippet{(snippets.Count == 1 ? "" : "s")} on {pages} page{(pages == 1 ? "" : "s")} not run)");
    }

    /// <summary><c>::: compare same-output</c>: the JavaScript and the Python snippet must print the same text.</summary>
    private static void CheckSameOutput(Page page, ImmutableDictionary<Snippet, SnippetOutcome> outcomes, Diagnostics diagnostics)
    {
        if (!page.Snippets.Any(s => s.Compare is { SameOutput: true }))
            return;
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
            if (OutputText.NormalEquals(jsText, pyText))
                continue;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CompareOutputsDiffer, group.Key!.At,
                    $"'::: compare same-output': the js snippet (line {js.At.Line}) and the python snippet (line {python.At.Line}) print different output")
                with { Detail = SnippetVerifier.Indent(UnifiedDiff.Create(jsText, pyText, "js", "python")) });
        }
    }
}
