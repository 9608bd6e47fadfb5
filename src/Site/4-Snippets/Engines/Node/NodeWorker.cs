using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

using Site.Core;

namespace Site.Snippets.Engines.Node;

/// <summary>
/// One node process running node/snippet-worker.js: request lines in, a response line out per run, in order. Requests
/// may be sent ahead (the worker queues them); one caller at a time (<see cref="NodeEngine"/> holds a lock). What the
/// process writes to stderr is kept for error messages.
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
    // Whoever waits for an answer goes on on the reader thread (no hop to the thread pool): the next request goes out sooner.
    private readonly Channel<WorkerResponse> responses =
        Channel.CreateUnbounded<WorkerResponse>(new() { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true });
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

    /// <summary>We killed it (<see cref="Kill"/>): whatever it had not answered by then, it never ran.</summary>
    public bool Killed { get; private set; }

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

        // Flushed once per batch of requests (Send); an "end" waits for the next one (Post).
        process.StandardInput.AutoFlush = false;
        var worker = new NodeWorker(process);
        try
        {
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                    worker.stderrClosed.TrySetResult();
                worker.Note(e.Data);
            };
            process.BeginErrorReadLine();
            new Thread(worker.ReadResponses) { IsBackground = true, Name = "node snippet worker" }.Start();
            var hello = await worker.ReceiveAsync(0, StartTimeout, cancellationToken) ?? throw new TimeoutException($"no answer in {StartTimeout.TotalSeconds:0} s");
            worker.Version = hello.Version ?? "";
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

    /// <summary>Sends requests in one write; the worker runs them one after another and answers each "run" in order.</summary>
    public void Send(IEnumerable<WorkerRequest> requests)
    {
        Write(requests);
        Flush();
    }

    /// <summary>Queues a request that has no response ("end"): it goes with the next <see cref="Send"/>.</summary>
    public void Post(WorkerRequest request) => Write([request]);

    /// <summary>
    /// Waits for the response to run <paramref name="id"/>: null when none came within <paramref name="wait"/> (the
    /// worker is still busy: kill it). Throws <see cref="NodeWorkerExitedException"/> when the worker is gone.
    /// </summary>
    public async Task<WorkerResponse?> ReceiveAsync(long id, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            while (true)
            {
                var response = await responses.Reader.ReadAsync(timeout.Token);
                if (response.Id == id)
                    return response;
                // An answer to a request nobody waits for any more.
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (ChannelClosedException)
        {
            throw Exited();
        }
    }

    private void Write(IEnumerable<WorkerRequest> requests)
    {
        if (exited)
            throw Exited();
        try
        {
            foreach (var request in requests)
                process.StandardInput.WriteLine(JsonSerializer.Serialize(request, WorkerJson.Default.WorkerRequest));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            throw Exited();
        }
    }

    private void Flush()
    {
        try
        {
            process.StandardInput.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            throw Exited();
        }
    }

    /// <summary>Kills the worker and the processes below it (a snippet may start some).</summary>
    public void Kill()
    {
        Killed = true;
        try
        {
            if (Descendants(process.Id) is not { } descendants)
            {
                process.Kill(entireProcessTree: true);
                return;
            }

            process.Kill();
            foreach (var pid in descendants)
            {
                try
                {
                    using var descendant = Process.GetProcessById(pid);
                    descendant.Kill();
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // Gone already.
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// The processes below <paramref name="pid"/>, from Linux's /proc/PID/task/TID/children; null where there is no
    /// such file. (Process.Kill(entireProcessTree) finds them by reading every process's /proc entry: 50-90 ms here.)
    /// </summary>
    private static List<int>? Descendants(int pid)
    {
        if (!File.Exists($"/proc/{pid}/task/{pid}/children"))
            return null;
        var found = new List<int>();
        var parents = new Stack<int>([pid]);
        while (parents.TryPop(out var parent))
        {
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{parent}/task"))
                {
                    foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        found.Add(int.Parse(child, System.Globalization.CultureInfo.InvariantCulture));
                        parents.Push(found[^1]);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // It ended meanwhile.
            }
        }

        return found;
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
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

                responses.Writer.TryWrite(JsonSerializer.Deserialize(line.AsSpan(at + 1), WorkerJson.Default.WorkerResponse)!);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or JsonException)
        {
            readFailure = $"its response could not be read ({e.Message})";
        }
        finally
        {
            exited = true;
            responses.Writer.TryComplete();
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
}

/// <summary>The worker process ended (crashed, was killed, or never started properly).</summary>
internal sealed class NodeWorkerExitedException(string message) : Exception(message);
