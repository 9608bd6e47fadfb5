namespace Site.Snippets.Engines.Python;

/// <summary>A Python shared library and the installation it belongs to, as <see cref="PythonLocator"/> found them.</summary>
/// <param name="Library">The libpython3.X shared library, as found (not resolved through symbolic links).</param>
/// <param name="Home">The installation prefix (PYTHONHOME): its lib/python3.X holds the library's standard library.</param>
/// <param name="Version">"3.11": the version the library's name states.</param>
/// <param name="Executable">The installation's own python3 (sys.executable), when it has one.</param>
internal sealed record PythonInstallation(string Library, string Home, string Version, string? Executable)
{
    public string StandardLibrary => Path.Combine(Home, "lib", "python" + Version);
}
