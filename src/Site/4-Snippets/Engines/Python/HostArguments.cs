namespace Site.Snippets.Engines.Python;

/// <summary>
/// What a host function is called with: the engine's id, then a snippet to run (run()) or a session's id (end_session()),
/// or nothing more (drop_engine()). Typed, so a call boxes no numbers and needs no array.
/// </summary>
internal readonly unsafe record struct HostArguments(long Engine, RunRequest? Snippet = null, string? SessionId = null)
{
    /// <summary>A new tuple of the arguments; call with the GIL held.</summary>
    public nint ToTuple(PythonApi api)
    {
        if (Snippet is { } snippet)
        {
            return Tuple(api, api.PyLong_FromLongLong(Engine), api.NewString(snippet.SessionId), api.NewString(snippet.Code),
                api.NewString(snippet.FileName), api.PyLong_FromLongLong(snippet.FirstLine), api.PyLong_FromLongLong(RunResult.OutputLimit));
        }

        return SessionId is { } session
            ? Tuple(api, api.PyLong_FromLongLong(Engine), api.NewString(session))
            : Tuple(api, api.PyLong_FromLongLong(Engine));
    }

    private static nint Tuple(PythonApi api, params ReadOnlySpan<nint> items)
    {
        var tuple = api.PyTuple_New(items.Length);
        for (var i = 0; i < items.Length; i++)
            api.PyTuple_SetItem(tuple, i, items[i]); // steals the reference
        return tuple;
    }
}
