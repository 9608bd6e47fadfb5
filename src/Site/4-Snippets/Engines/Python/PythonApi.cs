using System.Runtime.InteropServices;
using System.Text;

namespace Site.Snippets.Engines.Python;

/// <summary>
/// The few CPython C API functions the engine uses, bound from the library <see cref="PythonRuntime"/> chose.
/// Fields are named after the C functions. Every PyObject* is an nint.
/// </summary>
internal sealed unsafe class PythonApi
{
    public const int FileInput = 257; // Py_file_input

    public readonly delegate* unmanaged<nint, void> Py_SetPythonHome; // takes a wchar_t*, see WideString
    public readonly delegate* unmanaged<nint, void> Py_SetProgramName;
    public readonly delegate* unmanaged<int> Py_IsInitialized;
    public readonly delegate* unmanaged<int, void> Py_InitializeEx;
    public readonly delegate* unmanaged<nint> PyEval_SaveThread;
    public readonly delegate* unmanaged<nint, void> PyEval_RestoreThread;
    public readonly delegate* unmanaged<int> PyGILState_Ensure;
    public readonly delegate* unmanaged<int, void> PyGILState_Release;
    public readonly delegate* unmanaged<nuint> PyThread_get_thread_ident;
    public readonly delegate* unmanaged<nuint, nint, int> PyThreadState_SetAsyncExc;
    public readonly delegate* unmanaged<byte*, byte*, int, nint> Py_CompileString;
    public readonly delegate* unmanaged<byte*, nint, nint> PyImport_ExecCodeModule;
    public readonly delegate* unmanaged<nint, byte*, nint> PyObject_GetAttrString;
    public readonly delegate* unmanaged<nint, nint, nint> PyObject_CallObject;
    public readonly delegate* unmanaged<nint, nint> PyObject_Str;
    public readonly delegate* unmanaged<nint, nint> PyTuple_New;
    public readonly delegate* unmanaged<nint, nint, nint, int> PyTuple_SetItem;
    public readonly delegate* unmanaged<nint, nint> PyTuple_Size;
    public readonly delegate* unmanaged<nint, nint, nint> PyTuple_GetItem; // a borrowed reference
    public readonly delegate* unmanaged<long, nint> PyLong_FromLongLong;
    public readonly delegate* unmanaged<nint, long> PyLong_AsLongLong;
    public readonly delegate* unmanaged<char*, nint, byte*, int*, nint> PyUnicode_DecodeUTF16;
    public readonly delegate* unmanaged<nint, nint*, byte*> PyUnicode_AsUTF8AndSize;
    public readonly delegate* unmanaged<nint, byte**, nint*, int> PyBytes_AsStringAndSize;
    public readonly delegate* unmanaged<nint*, nint*, nint*, void> PyErr_Fetch;
    public readonly delegate* unmanaged<nint> PyErr_Occurred;
    public readonly delegate* unmanaged<void> PyErr_Clear;
    public readonly delegate* unmanaged<nint, void> Py_DecRef;

    public PythonApi(nint library, string path)
    {
        nint Bind(string name) => NativeLibrary.TryGetExport(library, name, out var address)
            ? address
            : throw new PythonUnavailableException($"{path} has no {name} (Python 3.10 to 3.14 are supported)");

        Py_SetPythonHome = (delegate* unmanaged<nint, void>)Bind(nameof(Py_SetPythonHome));
        Py_SetProgramName = (delegate* unmanaged<nint, void>)Bind(nameof(Py_SetProgramName));
        Py_IsInitialized = (delegate* unmanaged<int>)Bind(nameof(Py_IsInitialized));
        Py_InitializeEx = (delegate* unmanaged<int, void>)Bind(nameof(Py_InitializeEx));
        PyEval_SaveThread = (delegate* unmanaged<nint>)Bind(nameof(PyEval_SaveThread));
        PyEval_RestoreThread = (delegate* unmanaged<nint, void>)Bind(nameof(PyEval_RestoreThread));
        PyGILState_Ensure = (delegate* unmanaged<int>)Bind(nameof(PyGILState_Ensure));
        PyGILState_Release = (delegate* unmanaged<int, void>)Bind(nameof(PyGILState_Release));
        PyThread_get_thread_ident = (delegate* unmanaged<nuint>)Bind(nameof(PyThread_get_thread_ident));
        PyThreadState_SetAsyncExc = (delegate* unmanaged<nuint, nint, int>)Bind(nameof(PyThreadState_SetAsyncExc));
        Py_CompileString = (delegate* unmanaged<byte*, byte*, int, nint>)Bind(nameof(Py_CompileString));
        PyImport_ExecCodeModule = (delegate* unmanaged<byte*, nint, nint>)Bind(nameof(PyImport_ExecCodeModule));
        PyObject_GetAttrString = (delegate* unmanaged<nint, byte*, nint>)Bind(nameof(PyObject_GetAttrString));
        PyObject_CallObject = (delegate* unmanaged<nint, nint, nint>)Bind(nameof(PyObject_CallObject));
        PyObject_Str = (delegate* unmanaged<nint, nint>)Bind(nameof(PyObject_Str));
        PyTuple_New = (delegate* unmanaged<nint, nint>)Bind(nameof(PyTuple_New));
        PyTuple_SetItem = (delegate* unmanaged<nint, nint, nint, int>)Bind(nameof(PyTuple_SetItem));
        PyTuple_Size = (delegate* unmanaged<nint, nint>)Bind(nameof(PyTuple_Size));
        PyTuple_GetItem = (delegate* unmanaged<nint, nint, nint>)Bind(nameof(PyTuple_GetItem));
        PyLong_FromLongLong = (delegate* unmanaged<long, nint>)Bind(nameof(PyLong_FromLongLong));
        PyLong_AsLongLong = (delegate* unmanaged<nint, long>)Bind(nameof(PyLong_AsLongLong));
        PyUnicode_DecodeUTF16 = (delegate* unmanaged<char*, nint, byte*, int*, nint>)Bind(nameof(PyUnicode_DecodeUTF16));
        PyUnicode_AsUTF8AndSize = (delegate* unmanaged<nint, nint*, byte*>)Bind(nameof(PyUnicode_AsUTF8AndSize));
        PyBytes_AsStringAndSize = (delegate* unmanaged<nint, byte**, nint*, int>)Bind(nameof(PyBytes_AsStringAndSize));
        PyErr_Fetch = (delegate* unmanaged<nint*, nint*, nint*, void>)Bind(nameof(PyErr_Fetch));
        PyErr_Occurred = (delegate* unmanaged<nint>)Bind(nameof(PyErr_Occurred));
        PyErr_Clear = (delegate* unmanaged<void>)Bind(nameof(PyErr_Clear));
        Py_DecRef = (delegate* unmanaged<nint, void>)Bind(nameof(Py_DecRef));
    }

    /// <summary>A new Python str from a .NET string, decoded straight from UTF-16 (lone surrogates become U+FFFD).</summary>
    public nint NewString(string text)
    {
        var byteOrder = -1; // little-endian, like .NET strings on every platform .NET runs Python on
        fixed (char* chars = text)
        fixed (byte* replace = "replace"u8)
            return PyUnicode_DecodeUTF16(chars, text.Length * 2, replace, &byteOrder);
    }

    /// <summary>A copy of a bytes object's content; throws <see cref="InvalidDataException"/> when it is not bytes.</summary>
    public byte[] ReadBytes(nint bytes) => Content(bytes).ToArray();

    /// <summary>A bytes object's content decoded as UTF-8; throws <see cref="InvalidDataException"/> when it is not bytes.</summary>
    public string ReadUtf8(nint bytes) => Encoding.UTF8.GetString(Content(bytes));

    /// <summary>The buffer of a bytes object, valid while the object lives.</summary>
    private ReadOnlySpan<byte> Content(nint bytes)
    {
        byte* buffer;
        nint length;
        if (bytes == 0 || PyBytes_AsStringAndSize(bytes, &buffer, &length) != 0)
            throw new InvalidDataException($"expected bytes: {TakeError()}");
        return new ReadOnlySpan<byte>(buffer, (int)length);
    }

    /// <summary>An int object's value; throws <see cref="InvalidDataException"/> when it is not an int that fits.</summary>
    public long ReadLong(nint number)
    {
        var value = number == 0 ? -1 : PyLong_AsLongLong(number);
        if (value == -1 && (number == 0 || PyErr_Occurred() != 0))
            throw new InvalidDataException($"expected an int: {TakeError()}");
        return value;
    }

    public nint GetAttribute(nint target, string name)
    {
        fixed (byte* utf8 = Encoding.UTF8.GetBytes(name + "\0"))
            return PyObject_GetAttrString(target, utf8);
    }

    /// <summary>Takes the pending Python error, if any, as "TypeName: message", clearing it. Call with the GIL held.</summary>
    public string TakeError()
    {
        nint type, value, traceback;
        PyErr_Fetch(&type, &value, &traceback);
        if (type == 0)
            return "unknown error";
        var text = Describe(type, "__name__") is { } name ? name : "error";
        if (value != 0 && Str(value) is { Length: > 0 } message)
            text += ": " + message;
        foreach (var reference in (ReadOnlySpan<nint>)[type, value, traceback])
        {
            if (reference != 0)
                Py_DecRef(reference);
        }

        PyErr_Clear(); // in case describing the error failed too
        return text;
    }

    private string? Describe(nint target, string attribute)
    {
        var value = GetAttribute(target, attribute);
        if (value == 0)
            return null;
        var text = Str(value);
        Py_DecRef(value);
        return text;
    }

    private string? Str(nint target)
    {
        var text = PyObject_Str(target);
        if (text == 0)
            return null;
        nint size;
        var utf8 = PyUnicode_AsUTF8AndSize(text, &size);
        var result = utf8 == null ? null : Encoding.UTF8.GetString(utf8, (int)size);
        Py_DecRef(text);
        return result;
    }

    /// <summary>A wchar_t string as Py_SetPythonHome wants it (UTF-32 on Linux), allocated for the life of the process.</summary>
    public static nint WideString(string text)
    {
        var utf32 = Encoding.UTF32.GetBytes(text + "\0");
        var memory = (byte*)NativeMemory.Alloc((nuint)utf32.Length);
        utf32.CopyTo(new Span<byte>(memory, utf32.Length));
        return (nint)memory;
    }
}
