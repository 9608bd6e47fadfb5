"""Runs Markdown snippets inside the site generator's embedded Python (loaded once per process by PythonRuntime).

The C# side calls run(), end_session(), drop_engine() and start() with a few strings and ints, on worker threads that
hold the GIL; run() returns a tuple the C# side reads item by item, start() UTF-8 JSON bytes. Output is captured per
thread, so several snippets can run at once (taking turns on the GIL) without mixing their output.
"""

import builtins
import io
import json
import linecache
import os
import platform
import sys
import threading
import time
import traceback


class SnippetTimeout(BaseException):
    """Raised in a snippet's thread by the watchdog (PyThreadState_SetAsyncExc) when its time is up."""


_local = threading.local()
_sessions = {}  # (engine, session) -> the session's namespace
_sources = {}  # Markdown file name -> the lines snippets showed us, at their Markdown line numbers
_pid = os.getpid()
_real_exit = os._exit
_real_sleep = time.sleep
_real_start = threading.Thread.start
_ALLOW_TOP_LEVEL_AWAIT = 0x2000  # ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, without importing ast
_CO_COROUTINE = 0x80  # inspect.CO_COROUTINE


class _Capture:
    """One snippet's output: (stream, [texts]) chunks in the order written, at most `limit` characters."""

    __slots__ = ("chunks", "size", "limit", "truncated", "open")

    def __init__(self, limit):
        self.chunks = []
        self.size = 0
        self.limit = limit
        self.truncated = False
        self.open = True

    def write(self, stream, text):
        if not self.open:
            return  # a thread the snippet started is still writing after the snippet ended
        room = self.limit - self.size
        if len(text) > room:
            text = text[:room]
            self.truncated = True
        if not text:
            return
        self.size += len(text)
        chunks = self.chunks
        if chunks and chunks[-1][0] == stream:
            chunks[-1][1].append(text)
        else:
            chunks.append((stream, [text]))


def _current_capture():
    capture = getattr(_local, "capture", None)
    if capture is None:
        # Threads a snippet starts inherit its capture (see _start).
        capture = getattr(threading.current_thread(), "_site_capture", None)
    return capture


class _Stream(io.TextIOBase):
    """Stands in for sys.stdout / sys.stderr for good: writes into the running snippet's capture, else to the real stream."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, real, stream, name):
        self._real = real
        self._stream = stream
        self._name = name

    @property
    def name(self):
        return self._name

    def write(self, text):
        capture = _current_capture()
        if capture is None:
            return self._real.write(text) if self._real is not None else len(text)
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        capture.write(self._stream, text)
        return len(text)

    def flush(self):
        if _current_capture() is None and self._real is not None:
            self._real.flush()

    def writable(self):
        return True

    def isatty(self):
        return _current_capture() is None and self._real is not None and self._real.isatty()

    def fileno(self):
        # Writes through the descriptor bypass the capture; some libraries only need it to exist.
        if self._real is None:
            raise io.UnsupportedOperation("fileno")
        return self._real.fileno()

    @property
    def buffer(self):
        return _Bytes(self) if _current_capture() is not None or self._real is None else self._real.buffer


class _Bytes:
    """sys.stdout.buffer while a snippet runs: bytes are decoded as UTF-8 into the capture."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, data):
        self._stream.write(bytes(data).decode("utf-8", "replace"))
        return len(data)

    def flush(self):
        pass


class _EmptyInput(io.StringIO):
    """sys.stdin: always at end of file, so input() raises EOFError instead of waiting. exit() closes stdin; ignore that."""

    def close(self):
        pass


def _os_exit(code):
    if os.getpid() != _pid:
        _real_exit(code)  # a forked child (multiprocessing) really ends
    error = SystemExit(code)
    error.site_os_exit = True
    raise error


def _sleep(seconds):
    # The watchdog's SnippetTimeout is only raised between bytecodes: sleep in short slices so it gets through.
    if not (isinstance(seconds, (int, float)) and seconds > 0.05):
        return _real_sleep(seconds)  # short, or not a number: the real one answers
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        _real_sleep(min(left, 0.05))


def _start(thread):
    thread._site_capture = _current_capture()
    return _real_start(thread)


def start():
    """Installs the stand-ins once per process; returns what the interpreter is, for checks and the Runtime name."""
    sys.stdout = _Stream(sys.stdout, 0, "<stdout>")
    sys.stderr = _Stream(sys.stderr, 1, "<stderr>")
    sys.stdin = _EmptyInput()
    os._exit = _os_exit
    time.sleep = _sleep
    threading.Thread.start = _start
    if not getattr(sys, "argv", None):
        sys.argv = [""]  # some libraries read sys.argv[0]
    return json.dumps({
        "version": platform.python_version(),
        "prefix": sys.prefix,
        "executable": sys.executable,
    }).encode()


def run(engine, session, code, filename, first_line, limit):
    """Runs one snippet in its session's namespace. Returns (truncated, error, stream, text, stream, text, ...): 0 or 1,
    b"" or the error as JSON, then the output chunks in order; texts are UTF-8 (a lone surrogate becomes "?")."""
    key = (engine, session)
    namespace = _sessions.get(key)
    if namespace is None:
        namespace = _sessions[key] = {"__name__": "__main__", "__builtins__": builtins}
    capture = _Capture(limit)
    _local.capture = capture
    try:
        error = _execute(code, filename, first_line, namespace)
    finally:
        capture.open = False
        _local.capture = None
    # A tuple of ints and bytes, not JSON: nothing to encode here or to parse on the C# side for most snippets.
    reply = [int(capture.truncated), b"" if error is None else json.dumps(error, ensure_ascii=False).encode("utf-8", "replace")]
    for stream, texts in capture.chunks:
        reply += (stream, "".join(texts).encode("utf-8", "replace"))
    return tuple(reply)


def _execute(code, filename, first_line, namespace):
    try:
        _remember(filename, first_line, code)
        # Blank lines in front put every line, in tracebacks and syntax errors alike, at its Markdown line number.
        source = "\n" * (first_line - 1) + code
        compiled = compile(source, filename, "exec", _ALLOW_TOP_LEVEL_AWAIT, True)
        result = eval(compiled, namespace)
        if compiled.co_flags & _CO_COROUTINE:
            import asyncio

            asyncio.run(result)
        return None
    except BaseException as error:
        return _describe(error, filename)


def _remember(filename, first_line, code):
    """Lets linecache show the snippet's lines, and those of earlier snippets of the same file, in tracebacks."""
    lines = _sources.setdefault(filename, [])
    new = [line + "\n" for line in code.splitlines()]
    start = first_line - 1
    if len(lines) < start + len(new):
        lines.extend("\n" for _ in range(start + len(new) - len(lines)))
    lines[start:start + len(new)] = new
    linecache.cache[filename] = (len(lines), None, lines, filename)  # mtime None: checkcache leaves it alone


def _describe(error, filename):
    kind = type(error)
    try:
        report = traceback.TracebackException(kind, error, error.__traceback__)
        _trim(report, filename, set())
        if kind is SnippetTimeout:
            stack = "".join(report.stack.format())
            return {"timeout": True, "trace": "Traceback (most recent call last):\n" + stack if stack else ""}
        trace = "".join(report.format())
    except BaseException:  # an exception whose str() or repr() fails
        trace = ""
    return {
        "name": kind.__name__,
        "message": _message(error),
        "trace": trace,
        "types": [t.__name__ for t in kind.__mro__ if t is not object],
    }


def _trim(report, filename, seen):
    """Keeps the snippet's frames: drops this module's frames and whatever ran before the snippet (asyncio.run)."""
    seen.add(id(report))
    frames = list(report.stack)
    first = next((i for i, frame in enumerate(frames) if frame.filename == filename), 0)
    host = _trim.__code__.co_filename
    report.stack = traceback.StackSummary.from_list([f for f in frames[first:] if f.filename != host])
    for chained in (report.__cause__, report.__context__):
        if chained is not None and id(chained) not in seen:
            _trim(chained, filename, seen)


def _message(error):
    if isinstance(error, SystemExit):
        if getattr(error, "site_os_exit", False):
            return f"os._exit({error.code!r}) was called; it was stopped so that it does not end the build"
        return f"sys.exit({error.code!r}) was called"
    try:
        return str(error)
    except BaseException:
        return "<the message could not be printed>"


def end_session(engine, session):
    _forget(_sessions.pop((engine, session), None))


def drop_engine(engine):
    for key in [key for key in _sessions if key[0] == engine]:
        _forget(_sessions.pop(key))


def _forget(namespace):
    if namespace is None:
        return
    # Functions refer to their namespace: clearing it breaks the cycle. Output of __del__ methods goes nowhere.
    _local.capture = _Capture(0)
    try:
        namespace.clear()
    finally:
        _local.capture = None
