using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Site.Snippets.Engines.Python;

/// <summary>
/// Finds the Python library to embed, without loading it: an explicit path (--python-library, else SITE_PYTHON_LIBRARY),
/// else the shared library of <c>python3</c> on PATH (asked through sysconfig), else the well-known folders. The home is
/// always derived from where the library is, so a library is never paired with another installation's standard library.
/// </summary>
/// <param name="python3">The command asked for its library (tests point it elsewhere).</param>
/// <param name="folders">Where to look last; default <see cref="WellKnownFolders"/>.</param>
internal sealed partial class PythonLocator(string python3 = "python3", IReadOnlyList<string>? folders = null)
{
    public const string EnvironmentVariable = "SITE_PYTHON_LIBRARY";

    private const string Advice = "set --python-library or SITE_PYTHON_LIBRARY to a libpython3.X shared library";

    /// <summary>Versions taken first from the well-known folders, in this order; any others after, newest first.</summary>
    private static readonly string[] PreferredVersions = ["3.11", "3.12", "3.13", "3.10"];

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public static PythonLocator Default { get; } = new();

    /// <summary>Debian/Ubuntu's multiarch folder for this process's architecture, then the usual ones.</summary>
    public static IReadOnlyList<string> WellKnownFolders { get; } =
    [
        .. RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => (string[])["/usr/lib/x86_64-linux-gnu"],
            Architecture.Arm64 => ["/usr/lib/aarch64-linux-gnu"],
            _ => [],
        },
        "/usr/lib64",
        "/usr/lib",
        "/usr/local/lib",
    ];

    /// <summary>The library SITE_PYTHON_LIBRARY names, if it is set.</summary>
    public static string? LibraryFromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path ? path : null;

    /// <summary>The installation to embed; throws <see cref="PythonUnavailableException"/> naming all it tried.</summary>
    /// <param name="explicitLibrary">From --python-library; when null, SITE_PYTHON_LIBRARY; when that is unset too, a search.</param>
    public PythonInstallation Resolve(string? explicitLibrary)
    {
        // An explicit library is used or refused, never silently replaced by another.
        if (explicitLibrary is { Length: > 0 })
            return Check(explicitLibrary, out var problem) ?? throw Unusable($"--python-library {problem}");
        if (LibraryFromEnvironment() is { } fromEnvironment)
            return Check(fromEnvironment, out var problem) ?? throw Unusable($"{EnvironmentVariable}: {problem}");

        var tried = new List<string> { $"{EnvironmentVariable} is not set" };
        return AskPython3(tried) ?? Search(tried)
            ?? throw new PythonUnavailableException($"no Python library found: {string.Join("; ", tried)}; {Advice}");
    }

    /// <summary>The installation a library belongs to, or null with the reason it cannot be used.</summary>
    internal static PythonInstallation? Check(string library, out string problem)
    {
        var full = Path.GetFullPath(library);
        if (!File.Exists(full))
        {
            problem = Directory.Exists(full) ? $"{full} is a folder, not a libpython3.X shared library" : $"{full} does not exist";
            return null;
        }

        var real = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        if ((VersionOf(full) ?? VersionOf(real)) is not { } version)
        {
            problem = $"{full} is not named libpython3.X.so";
            return null;
        }

        if ((HomeOf(real, version) ?? HomeOf(full, version)) is not { } home)
        {
            problem = $"{full} has no standard library beside it (no lib/python{version}/os.py in the folders above it)";
            return null;
        }

        problem = "";
        var executable = new[] { $"python{version}", "python3" }.Select(name => Path.Combine(home, "bin", name)).FirstOrDefault(File.Exists);
        return new PythonInstallation(full, home, version, executable);
    }

    /// <summary>"3.11" from libpython3.11.so.1.0 (also libpython3.11d.so); null for libpython3.so and other names.</summary>
    internal static string? VersionOf(string library) =>
        LibraryName().Match(Path.GetFileName(library)) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>The nearest folder above the library (up to three levels) whose lib/python3.X holds a standard library.</summary>
    private static string? HomeOf(string library, string version)
    {
        var folder = Path.GetDirectoryName(library);
        for (var level = 0; level < 3 && folder is not null; level++, folder = Path.GetDirectoryName(folder))
        {
            var standardLibrary = Path.Combine(folder, "lib", "python" + version);
            if (File.Exists(Path.Combine(standardLibrary, "os.py")) && File.Exists(Path.Combine(standardLibrary, "encodings", "__init__.py")))
                return folder;
        }

        return null;
    }

    private PythonInstallation? AskPython3(List<string> tried)
    {
        const string script = "import json, sys, sysconfig as s; v = s.get_config_var; "
            + "print(json.dumps([sys.executable, v('LIBDIR') or '', v('INSTSONAME') or '', v('LDLIBRARY') or '']))";
        string[] answer;
        try
        {
            // -S: without the site module (and the .pth files it runs), which has no say in these answers, Python starts in about two thirds of the time.
            answer = JsonSerializer.Deserialize<string[]>(Ask(python3, "-I", "-S", "-c", script)) ?? [];
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or JsonException)
        {
            tried.Add($"`{python3}` {e.Message}");
            return null;
        }

        if (answer is not [var executable, var folder, .. var names])
        {
            tried.Add($"`{python3}` gave no sysconfig answer");
            return null;
        }

        var problems = new List<string>();
        foreach (var name in names.Where(name => name.Contains(".so")).Distinct())
        {
            if (Check(Path.Combine(folder, name), out var problem) is { } found)
                return found;
            problems.Add(problem);
        }

        tried.Add(problems.Count == 0
            ? $"`{python3}` ({executable}) has no shared library"
            : $"`{python3}` ({executable}) has no usable shared library ({string.Join(", ", problems)})");
        return null;
    }

    /// <summary>Runs a command and returns its standard output; throws with a short reason when it does not answer.</summary>
    private static string Ask(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("did not start");
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException("is not on PATH");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(AskTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"did not answer within {AskTimeout.TotalSeconds:0} s");
            }

            if (process.ExitCode != 0)
            {
                var reason = errors.Result.Trim().Split('\n').LastOrDefault() ?? "";
                throw new InvalidOperationException($"failed (exit code {process.ExitCode}{(reason.Length > 0 ? ": " + reason : "")})");
            }

            return output.Result;
        }
    }

    private PythonInstallation? Search(List<string> tried)
    {
        foreach (var folder in folders ?? WellKnownFolders)
        {
            if (!Directory.Exists(folder))
            {
                tried.Add($"{folder} does not exist");
                continue;
            }

            var libraries = Directory.EnumerateFiles(folder, "libpython3.*.so*")
                .Select(path => (Path: path, Version: VersionOf(path)))
                .Where(library => library.Version is not null)
                .OrderBy(library => Array.IndexOf(PreferredVersions, library.Version) is var rank and >= 0 ? rank : PreferredVersions.Length)
                .ThenByDescending(library => int.Parse(library.Version!.AsSpan(2)))
                .ThenByDescending(library => Path.GetFileName(library.Path), StringComparer.Ordinal) // .so.1.0 before .so
                .ToList();
            if (libraries.Count == 0)
                tried.Add($"{folder} has no libpython3.*.so*");
            foreach (var library in libraries)
            {
                if (Check(library.Path, out var problem) is { } found)
                    return found;
                tried.Add(problem);
            }
        }

        return null;
    }

    private static PythonUnavailableException Unusable(string detail) => new($"no usable Python library: {detail}; {Advice}");

    [GeneratedRegex(@"^libpython(3\.\d+)[a-z]*\.so")]
    private static partial Regex LibraryName();
}
