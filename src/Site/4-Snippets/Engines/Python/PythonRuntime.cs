using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Site.Snippets.Engines.Python;

/// <summary>
/// The embedded interpreter: one per process, initialised on first use and never finalised (CPython cannot be
/// re-initialised reliably). It runs the host module (snippet_host.py) and hands calls of it to <see cref="PythonWorkers"/>.
/// </summary>
internal sealed class PythonRuntime
{
    private const string HostModule = "_site_snippets";
    private const string HostFile = "<site-python-host>";
    private const int RtldNow = 0x2, RtldGlobal = 0x100;

    private static readonly Lock Gate = new();
    private static PythonRuntime? loaded;
    private static PythonUnavailableException? broken; // Python started but is unusable: it cannot start again

    private PythonRuntime(PythonInstallation installation, PythonApi api)
    {
        Installation = installation;
        Api = api;
    }

    public PythonInstallation Installation { get; }

    /// <summary>platform.python_version(): "3.11.2".</summary>
    public string Version { get; private set; } = "";

    public PythonApi Api { get; }

    /// <summary>The host's run, end_session and drop_engine functions and its SnippetTimeout class (references kept for good).</summary>
    public nint Run { get; private set; }

    public nint EndSession { get; private set; }

    public nint DropEngine { get; private set; }

    public nint TimeoutType { get; private set; }

    public PythonWorkers Workers { get; private set; } = null!;

    /// <summary>The interpreter is loaded and started in this process: <see cref="Get"/> returns it without waiting.</summary>
    public static bool IsLoaded => Volatile.Read(ref loaded) is not null;

    /// <summary>
    /// The process's interpreter, loading it on first use from <paramref name="explicitLibrary"/> (else SITE_PYTHON_LIBRARY,
    /// else a search). Asking for another library once one is loaded throws <see cref="PythonUnavailableException"/>.
    /// </summary>
    public static PythonRuntime Get(string? explicitLibrary)
    {
        lock (Gate)
        {
            if (broken is not null)
                throw new PythonUnavailableException(broken.Message);
            if (loaded is null)
            {
                loaded = Load(PythonLocator.Default.Resolve(explicitLibrary));
                return loaded;
            }

            var requested = explicitLibrary is { Length: > 0 } ? explicitLibrary : PythonLocator.LibraryFromEnvironment();
            if (requested is not null && RealPath(requested) != RealPath(loaded.Installation.Library))
            {
                throw new PythonUnavailableException(
                    $"Python is already loaded from {loaded.Installation.Library} in this process and cannot be switched to {requested}; run the build in a new process");
            }

            return loaded;
        }
    }

    /// <summary>
    /// Runs host calls in order on one worker thread, each with its own watchdog (see <see cref="PythonCall"/>), and returns
    /// their outcomes. A call ends before the next starts (when one is abandoned, the rest go to another worker), so the
    /// last call's end is the batch's.
    /// </summary>
    public async Task<CallOutcome[]> CallAsync(PythonCall[] calls)
    {
        Workers.Enqueue(calls);
        await calls[^1].Task;
        // Cancelled, a queued last call ends before the running ones do.
        return Ended(calls) is { } outcomes ? outcomes : await Task.WhenAll(calls.Select(call => call.Task));
    }

    /// <summary>The calls' outcomes when all have ended, else null.</summary>
    private static CallOutcome[]? Ended(PythonCall[] calls)
    {
        var outcomes = new CallOutcome[calls.Length];
        for (var i = 0; i < calls.Length; i++)
        {
            if (!calls[i].Task.IsCompleted)
                return null;
            outcomes[i] = calls[i].Task.Result;
        }

        return outcomes;
    }

    private static unsafe PythonRuntime Load(PythonInstallation installation)
    {
        if (!OperatingSystem.IsLinux())
            throw new PythonUnavailableException("embedding Python is supported on Linux only");
        var api = new PythonApi(OpenGlobally(installation.Library), installation.Library);
        if (api.Py_IsInitialized() != 0)
            throw new PythonUnavailableException("Python was already initialised in this process by something else");

        // Both pointers must stay valid while Python runs: they are never freed.
        api.Py_SetPythonHome(PythonApi.WideString(installation.Home));
        api.Py_SetProgramName(PythonApi.WideString(installation.Executable ?? Path.Combine(installation.Home, "bin", "python3")));
        api.Py_InitializeEx(0); // 0: no signal handlers; Ctrl+C stays the generator's
        try
        {
            var runtime = new PythonRuntime(installation, api);
            runtime.StartHost();
            api.PyEval_SaveThread(); // let worker threads take the GIL
            runtime.Workers = new PythonWorkers(api, Math.Max(4, Environment.ProcessorCount));
            return runtime;
        }
        catch (Exception e)
        {
            broken = e as PythonUnavailableException ?? new PythonUnavailableException($"Python from {installation.Library} did not start: {e.Message}");
            throw broken;
        }
    }

    /// <summary>Loads the library with RTLD_GLOBAL: extension modules (lib-dynload/*.so) find the C API through it.</summary>
    private static unsafe nint OpenGlobally(string library)
    {
        var libc = NativeLibrary.Load("libc.so.6");
        if (!NativeLibrary.TryGetExport(libc, "dlopen", out _))
            libc = NativeLibrary.Load("libdl.so.2"); // glibc before 2.34
        var dlopen = (delegate* unmanaged<byte*, int, nint>)NativeLibrary.GetExport(libc, "dlopen");
        var dlerror = (delegate* unmanaged<byte*>)NativeLibrary.GetExport(libc, "dlerror");
        fixed (byte* path = Encoding.UTF8.GetBytes(library + "\0"))
        {
            var opened = dlopen(path, RtldNow | RtldGlobal);
            if (opened == 0)
                throw new PythonUnavailableException($"{library} could not be loaded: {Marshal.PtrToStringUTF8((nint)dlerror())}");
            return opened;
        }
    }

    /// <summary>Imports the host module, installs its stand-ins and checks the interpreter is the installation we chose.</summary>
    private unsafe void StartHost()
    {
        using var stream = typeof(PythonRuntime).Assembly.GetManifestResourceStream("Site.Snippets.Engines.Python.snippet_host.py")
            ?? throw new InvalidOperationException("snippet_host.py is not embedded in the assembly");
        var source = new byte[stream.Length + 1]; // NUL-terminated
        stream.ReadExactly(source, 0, (int)stream.Length);

        nint module;
        fixed (byte* code = source)
        fixed (byte* file = Encoding.UTF8.GetBytes(HostFile + "\0"))
        fixed (byte* name = Encoding.UTF8.GetBytes(HostModule + "\0"))
        {
            var compiled = Api.Py_CompileString(code, file, PythonApi.FileInput);
            module = compiled == 0 ? 0 : Api.PyImport_ExecCodeModule(name, compiled);
            if (compiled != 0)
                Api.Py_DecRef(compiled);
        }

        if (module == 0)
            throw new PythonUnavailableException($"the snippet host did not start in Python from {Installation.Library}: {Api.TakeError()}");
        Run = Attribute(module, "run");
        EndSession = Attribute(module, "end_session");
        DropEngine = Attribute(module, "drop_engine");
        TimeoutType = Attribute(module, "SnippetTimeout");

        var start = Attribute(module, "start");
        var result = Api.PyObject_CallObject(start, 0);
        if (result == 0)
            throw new PythonUnavailableException($"the snippet host did not start in Python from {Installation.Library}: {Api.TakeError()}");
        var info = JsonSerializer.Deserialize(Api.ReadBytes(result), PythonJson.Default.InterpreterInfo)!;
        Api.Py_DecRef(result);

        Version = info.Version;
        if (RealPath(info.Prefix) != RealPath(Installation.Home))
        {
            throw new PythonUnavailableException(
                $"Python from {Installation.Library} started with sys.prefix {info.Prefix} instead of {Installation.Home} (is PYTHONHOME set?)");
        }
    }

    private nint Attribute(nint module, string name) => Api.GetAttribute(module, name) is not 0 and var value
        ? value
        : throw new PythonUnavailableException($"the snippet host has no {name}: {Api.TakeError()}");

    private static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return (File.Exists(full) ? File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName : null) ?? full;
    }
}

/// <summary>What start() reports about the interpreter.</summary>
internal sealed record InterpreterInfo(string Version, string Prefix, string Executable);
