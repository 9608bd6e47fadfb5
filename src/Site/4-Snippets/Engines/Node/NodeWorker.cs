using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

using Site.Core;

namespace Site.Snippets.Engines.Node;

/// <summary>
/// One node process running node/snippet-worker.js: a request line in, a response line out. One request at a time
/// (<see cref="NodeEngine"/> holds a lock); what the process writes to stderr is kept for error messages.
/// </summary>
internal sealed class NodeWorker : IDisposable
{
    /// <summary>Starts each response line, so stray writes to fd 1 are not taken for one.</summary>
    private const char RecordSeparator = '\x1e';

    private const int DiagnosticsLimit = 4 * 1024;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StringBuilder diagnostics = new();
    private readonly TaskCompletionSource stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Pending? pending;
    private volatile bool exited;
    private string? readFailure;

    private NodeWorker(Process process)
    {
        this.process = process;
    }

    public static string ScriptPath => NodeTools.Script("snippet-worker.js");


    /// <summary>process.version of the worker: "v20.19.0".</summary>
    public string Version { get; private set; } = "";

    public bool HasExited => exited;

    /// <summary>What the worker wrote outside its responses (its own stderr, mostly), the last 4 KB.</summary>
    public string Diagnostics
    {
        get
        {
            lock (diagnostics)
                return diagnostics.ToString().Trim();
        }
    }

    /// <summary>Starts node with the worker in <paramref name="workingDirectory"/> (null: ours) and waits until it is ready.</summary>
    public static async Task<NodeWorker> StartAsync(string? workingDirectory, CancellationToken cancellationToken)
    {
        var node = NodeTools.Executable;
        if (!File.Exists(ScriptPath))
            throw new NodeUnavailableException($"Cannot run JavaScript snippets: {ScriptPath} is missing (the build copies it there from src/Site/node); rebuild the site generator.");

        var start = new ProcessStartInfo(node, [ScriptPath])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
            WorkingDirectory = workingDirectory ?? "",
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process was started");
        }
        catch (Win32Exception e)
        {
            throw new NodeUnavailableException(
                $"Cannot run JavaScript snippets: '{node}' could not be started ({e.Message}); install Node.js 20 or later, or set SITE_NODE to the node executable.", e);
        }

        var worker = new NodeWorker(process);
        try
        {
            var ready = worker.Expect(0);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                    worker.stderrClosed.TrySetResult();
                worker.Note(e.Data);
            };
            process.BeginErrorReadLine();
            new Thread(worker.ReadResponses) { IsBackground = true, Name = "node snippet worker" }.Start();
            worker.Version = (await ready.WaitAsync(StartTimeout, cancellationToken)).Version ?? "";
            return worker;
        }
        catch (Exception e) when (e is NodeWorkerExitedException or TimeoutException)
        {
            worker.Dispose();
            throw new NodeUnavailableException(
                $"Cannot run JavaScript snippets: '{node} {ScriptPath}' did not start ({e.Message}); install Node.js 20 or later, or set SITE_NODE to the node executable.", e);
        }
        catch
        {
            worker.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends a run request and waits for its response: null when none came within <paramref name="wait"/> (the worker
    /// is still busy: kill it). Throws <see cref="NodeWorkerExitedException"/> when the worker is gone.
    /// </summary>
    public async Task<WorkerResponse?> RunAsync(WorkerRequest request, TimeSpan wait, CancellationToken cancellationToken)
    {
        var response = Expect(request.Id);
        try
        {
            Send(request);
            return await response.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            // Nobody waits for this response any more (when it came, this is already null).
            var waiting = Volatile.Read(ref pending);
            if (waiting?.Id == request.Id)
                Interlocked.CompareExchange(ref pending, null, waiting);
        }
    }

    /// <summary>Sends a request that has no response ("end").</summary>
    public void Send(WorkerRequest request)
    {
        if (exited)
            throw Exited();
        try
        {
            process.StandardInput.WriteLine(JsonSerializer.Serialize(request, WorkerJson.Default.WorkerRequest));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            throw Exited();
        }
    }

    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private Task<WorkerResponse> Expect(long id)
    {
        var next = new Pending(id, new TaskCompletionSource<WorkerResponse>(TaskCreationOptions.RunContinuationsAsynchronously));
        Volatile.Write(ref pending, next);
        // The reader may have seen the end of output just before: then nobody else will fail this request.
        if (exited)
            Interlocked.Exchange(ref pending, null)?.Source.TrySetException(Exited());
        return next.Source.Task;
    }

    /// <summary>The reader thread: a blocking read is the quickest way to a response (the worker answers in microseconds).</summary>
    private void ReadResponses()
    {
        try
        {
            while (process.StandardOutput.ReadLine() is { } line)
            {
                var at = line.LastIndexOf(RecordSeparator);
                if (at != 0)
                    Note(at < 0 ? line : line[..at]);
                if (at < 0)
                    continue;

                var response = JsonSerializer.Deserialize(line.AsSpan(at + 1), WorkerJson.Default.WorkerResponse)!;
                var waiting = Volatile.Read(ref pending);
                if (waiting is not null && waiting.Id == response.Id && Interlocked.CompareExchange(ref pending, null, waiting) == waiting)
                    waiting.Source.TrySetResult(response);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or JsonException)
        {
            readFailure = $"its response could not be read ({e.Message})";
        }
        finally
        {
            exited = true;
            Interlocked.Exchange(ref pending, null)?.Source.TrySetException(Exited());
        }
    }

    private NodeWorkerExitedException Exited()
    {
        var what = readFailure ?? $"the node process exited ({ExitDescription()})";
        var said = Diagnostics;
        return new NodeWorkerExitedException(said.Length > 0 ? $"{what}: {said}" : what);
    }

    private string ExitDescription()
    {
        try
        {
            if (!process.WaitForExit(1000))
                return "it is still running";
            stderrClosed.Task.Wait(TimeSpan.FromSeconds(1)); // its last words, if any
            return FormattableString.Invariant($"exit code {process.ExitCode}");
        }
        catch (InvalidOperationException)
        {
            return "exit code unknown";
        }
    }

    private void Note(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return;
        lock (diagnostics)
        {
            diagnostics.Append(text).Append('\n');
            if (diagnostics.Length > DiagnosticsLimit)
                diagnostics.Remove(0, diagnostics.Length - DiagnosticsLimit);
        }
    }

    private sealed record Pending(long Id, TaskCompletionSource<WorkerResponse> Source);
}

/// <summary>The worker process ended (crashed, was killed, or never started properly).</summary>
internal sealed class NodeWorkerExitedException(string message) : Exception(message);
