using Site.Snippets.Engines.Python;
using Site.Tests.Support;

namespace Site.Tests.Snippets.Python;

/// <summary>How the library is found. Nothing here loads a library: the process's interpreter is loaded once, elsewhere.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class PythonLocatorTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly EnvironmentVariable unset = new(PythonLocator.EnvironmentVariable, null);

    public void Dispose()
    {
        unset.Dispose();
        folder.Dispose();
    }

    /// <summary>A fake installation: an (empty) library under prefix/lib and the standard library's marker files.</summary>
    private string Install(string prefix, string version, string libraryFolder = "lib", bool standardLibrary = true)
    {
        if (standardLibrary)
        {
            folder.Write($"{prefix}/lib/python{version}/os.py", "");
            folder.Write($"{prefix}/lib/python{version}/encodings/__init__.py", "");
        }

        return folder.Write($"{prefix}/{libraryFolder}/libpython{version}.so.1.0", "");
    }

    [Fact]
    public void An_explicit_library_is_used_with_the_home_it_sits_in()
    {
        var library = Install("py", "3.12");
        folder.Write("py/bin/python3.12", "");

        var found = PythonLocator.Default.Resolve(library);

        Assert.Equal(new PythonInstallation(library, folder["py"], "3.12", folder["py/bin/python3.12"]), found);
    }

    [Fact]
    public void A_Debian_style_multiarch_library_finds_its_home_two_levels_up()
    {
        var library = Install("usr", "3.11", libraryFolder: "lib/x86_64-linux-gnu");

        var found = PythonLocator.Default.Resolve(library);

        Assert.Equal(folder["usr"], found.Home);
        Assert.Null(found.Executable);
    }

    [Fact]
    public void A_symbolic_link_is_followed_to_the_installation_and_its_version()
    {
        var library = Install("py", "3.13");
        var link = folder["elsewhere/libpython.so"];
        Directory.CreateDirectory(folder["elsewhere"]);
        File.CreateSymbolicLink(link, library);

        var found = PythonLocator.Default.Resolve(link);

        Assert.Equal((link, folder["py"], "3.13"), (found.Library, found.Home, found.Version));
    }

    [Fact]
    public void A_missing_explicit_library_is_refused_without_searching_elsewhere()
    {
        var missing = folder["nowhere/libpython3.11.so.1.0"];

        var error = Assert.Throws<PythonUnavailableException>(() => PythonLocator.Default.Resolve(missing));

        Assert.Equal($"no usable Python library: --python-library {missing} does not exist; "
            + "set --python-library or SITE_PYTHON_LIBRARY to a libpython3.X shared library", error.Message);
    }

    [Fact]
    public void A_library_without_its_standard_library_is_refused()
    {
        var library = Install("py", "3.11", standardLibrary: false);

        var error = Assert.Throws<PythonUnavailableException>(() => PythonLocator.Default.Resolve(library));

        Assert.Contains($"{library} has no standard library beside it (no lib/python3.11/os.py", error.Message);
    }

    [Fact]
    public void A_file_not_named_like_a_Python_library_is_refused()
    {
        var other = folder.Write("libfoo.so", "");

        var error = Assert.Throws<PythonUnavailableException>(() => PythonLocator.Default.Resolve(other));

        Assert.Contains($"{other} is not named libpython3.X.so", error.Message);
    }

    [Fact]
    public void The_environment_variable_is_honoured_and_the_option_wins_over_it()
    {
        var fromEnvironment = Install("env", "3.11");
        var fromOption = Install("option", "3.12");
        using var variable = new EnvironmentVariable(PythonLocator.EnvironmentVariable, fromEnvironment);

        Assert.Equal(folder["env"], PythonLocator.Default.Resolve(null).Home);
        Assert.Equal(folder["option"], PythonLocator.Default.Resolve(fromOption).Home);
    }

    [Fact]
    public void A_bad_environment_variable_is_named_in_the_error()
    {
        using var variable = new EnvironmentVariable(PythonLocator.EnvironmentVariable, folder["missing.so"]);

        var error = Assert.Throws<PythonUnavailableException>(() => PythonLocator.Default.Resolve(null));

        Assert.StartsWith($"no usable Python library: SITE_PYTHON_LIBRARY: {folder["missing.so"]} does not exist;", error.Message);
    }

    [Fact]
    public void When_nothing_is_found_the_error_names_everything_tried()
    {
        Directory.CreateDirectory(folder["empty"]);
        var locator = new PythonLocator(python3: folder["no-python3"], folders: [folder["empty"], folder["absent"]]);

        var error = Assert.Throws<PythonUnavailableException>(() => locator.Resolve(null));

        Assert.Equal("no Python library found: SITE_PYTHON_LIBRARY is not set; "
            + $"`{folder["no-python3"]}` is not on PATH; {folder["empty"]} has no libpython3.*.so*; {folder["absent"]} does not exist; "
            + "set --python-library or SITE_PYTHON_LIBRARY to a libpython3.X shared library", error.Message);
    }

    [Fact]
    public void The_search_prefers_Python_3_11_then_newer_versions()
    {
        Install("usr", "3.13");
        Install("usr", "3.10");
        var preferred = Install("usr", "3.11");
        Install("usr", "3.9");
        var locator = new PythonLocator(python3: folder["no-python3"], folders: [folder["usr/lib"]]);

        Assert.Equal(preferred, locator.Resolve(null).Library);
    }

    [Fact]
    public void The_search_skips_a_library_without_a_standard_library()
    {
        Install("usr", "3.11", standardLibrary: false);
        var usable = Install("usr", "3.12");
        var locator = new PythonLocator(python3: folder["no-python3"], folders: [folder["usr/lib"]]);

        Assert.Equal(usable, locator.Resolve(null).Library);
    }

    [Fact]
    public void On_this_machine_a_library_and_its_standard_library_are_found()
    {
        var found = PythonLocator.Default.Resolve(null);

        Assert.True(File.Exists(found.Library), found.Library);
        Assert.True(File.Exists(Path.Combine(found.StandardLibrary, "os.py")), found.StandardLibrary);
        Assert.StartsWith("3.", found.Version);
    }
}
