namespace Site.Snippets.Engines.Python;

/// <summary>No usable Python: no library found, one that cannot be loaded, or a second library asked for in one process.</summary>
internal sealed class PythonUnavailableException(string message) : Exception(message);
