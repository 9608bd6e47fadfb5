using System.Collections.Concurrent;
using Site.Core;
using Site.Snippets.Engines.Node;
using Site.Snippets.Engines.Python;

namespace Site.Snippets.Engines;

/// <summary>
/// The real runtimes: embedded CPython (<see cref="PythonEngine"/>) and the Node worker (<see cref="NodeEngine"/>).
/// Identifying a runtime finds its files without starting it, so a fully cached build starts neither.
/// </summary>
/// <param name="pythonLibrary">--python-library; null: SITE_PYTHON_LIBRARY, else a search (see <see cref="PythonLocator"/>).</param>
internal sealed class SnippetRuntimes(string? pythonLibrary) : ISnippetRuntimes
{
    // Asking python3 for its library starts a process; do it once per process for the same question.
    private static readonly ConcurrentDictionary<string, Lazy<PythonInstallation>> Installations = new();

    public string Identify(SnippetLanguage language) => language == SnippetLanguage.Python
        ? FileIdentity(FindPython().Library)
        : FileIdentity(FindNode());

    /// <summary>
    /// Python: asking python3 for its library and initialising the interpreter take 0.1 to 0.3 s. Node: its workers take
    /// 0.1 s and more to start.
    /// </summary>
    public void WarmUp(SnippetLanguage language, bool start)
    {
        try
        {
            if (language == SnippetLanguage.JavaScript)
            {
                FindNode();
                if (start)
                    NodeEngine.WarmUp(NodeEngine.DefaultWorkers);
                return;
            }

            var library = FindPython().Library;
            if (start)
                PythonRuntime.Get(library);
        }
        catch (Exception)
        {
            // Identify and StartAsync meet the same problem again and report it.
        }
    }

    public async Task<ISnippetEngine> StartAsync(SnippetLanguage language, CancellationToken cancellationToken)
    {
        try
        {
            if (language != SnippetLanguage.Python)
                return await NodeEngine.StartAsync(workers: NodeEngine.DefaultWorkers, cancellationToken: cancellationToken);
            // Loading the interpreter takes a while, off the caller's thread; once loaded (warmed up), an engine is made at once.
            return PythonRuntime.IsLoaded
                ? PythonEngine.Create(FindPython().Library)
                : await Task.Run(() => PythonEngine.Create(FindPython().Library), cancellationToken);
        }
        catch (Exception e) when (e is PythonUnavailableException or NodeUnavailableException)
        {
            throw new RuntimeUnavailableException(e.Message);
        }
    }

    private PythonInstallation FindPython()
    {
        var question = $"{pythonLibrary}\0{PythonLocator.LibraryFromEnvironment()}\0{Environment.GetEnvironmentVariable("PATH")}";
        var lazy = Installations.GetOrAdd(question, _ => new Lazy<PythonInstallation>(() => PythonLocator.Default.Resolve(pythonLibrary)));
        try
        {
            return lazy.Value;
        }
        catch (PythonUnavailableException e)
        {
            Installations.TryRemove(question, out _); // the next build may find what was installed meanwhile
            throw new RuntimeUnavailableException(e.Message);
        }
    }

    /// <summary>The Node executable: SITE_NODE, else "node" on PATH, as a full path.</summary>
    private static string FindNode()
    {
        var node = NodeTools.Executable;
        if (node.Contains('/'))
        {
            return File.Exists(node) ? Path.GetFullPath(node)
                : throw new RuntimeUnavailableException($"SITE_NODE is '{node}', which does not exist; install Node.js 18 or later or point SITE_NODE at it");
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, node);
            if (File.Exists(candidate))
                return candidate;
        }

        throw new RuntimeUnavailableException($"'{node}' is not on PATH and SITE_NODE is not set; install Node.js 18 or later or set SITE_NODE");
    }

    /// <summary>A file's real path, size and time: it changes when the runtime is upgraded.</summary>
    private static string FileIdentity(string path)
    {
        var real = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        var info = new FileInfo(real);
        return $"{real}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
    }
}
