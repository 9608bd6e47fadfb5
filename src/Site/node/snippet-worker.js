// Runs the JavaScript snippets of a build (NodeEngine.cs starts one per build). One vm context per session, so the
// snippets of a page share their declarations like cells of a notebook; one snippet at a time.
//
// Protocol: one JSON request per line on stdin,
//   {"type":"run","id":7,"session":"guide/a.md#js","code":"...","file":"input/guide/a.md","line":12,"timeoutMs":10000,"quiet":false}
//   {"type":"end","session":"guide/a.md#js"}                       (no response)
// and one response per run on stdout, each line starting with the record separator \x1e (a snippet that writes to
// fd 1 directly cannot fake one), the first one saying which node this is:
//   {"id":0,"version":"v20.19.0"}
//   {"id":7,"output":[{"stream":0,"text":"hi\n"}],"truncated":false,"error":null}
// stream 0 is stdout, 1 stderr; error is {kind: "exception"|"timeout", name, message, trace, typeNames}.
// "quiet" runs (replays after a restart) send no output.
//
// A run is complete when its code has settled (the promise too, for top-level await) and the timers and other
// resources it started are done: the point where `node file.js` would exit.
'use strict';
// First, so that its thread starts while the rest loads. A SIGINT from outside ends the worker (with 128 + 2), as
// it would without the watchdog.
const { Watchdog } = require('./snippet-watchdog.js');
const watchdog = new Watchdog(() => endWorker(130));
const os = require('node:os');
const vm = require('node:vm');
const readline = require('node:readline');
const { inspect } = require('node:util');
const { createSessionContext } = require('./snippet-context.js');
const { scopeSnippet } = require('./snippet-scope.js');
const { describeError, trimStack } = require('./snippet-errors.js');

const OUTPUT_LIMIT = 1 << 20;
const SPARE_CONTEXTS = 1; // made while idle, ahead of the session that takes it
const cwd = process.cwd();
const importModuleDynamically = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;

const writeStdout = process.stdout.write.bind(process.stdout);
const writeStderr = process.stderr.write.bind(process.stderr);
const respond = message => writeStdout(`\x1e${JSON.stringify(message)}\n`);

/** The run in progress: there is at most one. */
let current = null;
const sessions = new Map();
const spare = [];
const queue = [];

class Run {
  constructor(request, session) {
    this.request = request;
    this.session = session;
    this.quiet = Boolean(request.quiet);
    this.chunks = [];
    this.size = 0;
    this.truncated = false;
    this.settled = false;
    this.error = null;
    this.done = false;
    this.checking = false;
    this.baseline = null;
    this.deadline = null;
  }

  write(stream, text) {
    if (this.done || this.quiet || this.truncated || !text) return;
    text = wellFormed(text);
    if (text.length > OUTPUT_LIMIT - this.size) {
      this.truncated = true;
      text = text.slice(0, OUTPUT_LIMIT - this.size);
      if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1); // not half an emoji
    }
    this.size += text.length;
    const last = this.chunks.at(-1);
    if (last && last.stream === stream) last.text += text;
    else this.chunks.push({ stream, text });
  }
}

class Session {
  constructor(name, { context, slot }) {
    this.name = name;
    this.context = context;
    this.slot = slot;
    slot.session = this;
    this.timers = new Map(); // timer -> the function that clears it
    this.run = null;
  }

  write(stream, text) {
    this.run?.write(stream, text);
  }

  track(timer, clear) {
    this.timers.set(timer, clear);
    // An unref'd timer no longer keeps the snippet running, as it would not keep node running.
    const unref = timer.unref;
    const session = this;
    timer.unref = function () {
      unref.call(this);
      if (session.run) check(session.run);
      return this;
    };
    return timer;
  }

  call(timer, callback, args, once) {
    if (once) this.timers.delete(timer);
    const run = this.run;
    try {
      callback.apply(timer, args);
    } catch (error) {
      if (run) fail(run, error);
      else writeStderr(`snippet-worker: ${this.name}: a timer threw after its snippet ended: ${inspect(error)}\n`);
    }
    if (run) check(run);
  }

  forget(timer) {
    if (typeof timer !== 'object' || timer === null) {
      // clearTimeout(+timeout) works in node: find the timer by its number.
      timer = [...this.timers.keys()].find(t => typeof t[Symbol.toPrimitive] === 'function' && t[Symbol.toPrimitive]() == timer);
    }
    if (timer && this.timers.delete(timer) && this.run) check(this.run);
  }

  hasPendingTimers() {
    for (const timer of this.timers.keys()) if (timer.hasRef()) return true;
    return false;
  }

  clearTimers() {
    for (const [timer, clear] of this.timers) clear(timer);
    this.timers.clear();
  }
}

function start(request) {
  let session = sessions.get(request.session);
  if (!session) sessions.set(request.session, session = new Session(request.session, spare.pop() ?? newContext()));
  const run = new Run(request, session);
  current = session.run = run;
  run.baseline = activeResources();
  run.deadline = setTimeout(() => fail(run, timedOut(request.timeoutMs)), request.timeoutMs).unref();

  let completion;
  try {
    const { script, async } = compile(request);
    completion = watchdog.runInContext(script, session.context, request.timeoutMs);
    if (!async) completion = null;
  } catch (error) {
    fail(run, error);
    return;
  }
  if (completion) completion.then(() => settle(run), error => fail(run, error));
  else settle(run);
}

function compile({ code, file, line }) {
  const options = { filename: file, lineOffset: line - 1, importModuleDynamically };
  let scoped = scopeSnippet(code);
  if (scoped?.quick) {
    try {
      return { script: new vm.Script(scoped.code, options), async: false };
    } catch {
      scoped = scopeSnippet(code, { parse: true }); // it does not compile: the parser decides, as for other snippets
    }
  }
  if (scoped) return { script: new vm.Script(scoped.code, options), async: scoped.async };
  try {
    return { script: new vm.Script(code, options), async: false };
  } catch (error) {
    // A snippet with await and a mistake: V8 would point at the await; inside an async function it finds the mistake.
    if (error?.name === 'SyntaxError' && /\bawait\b/.test(code)) new vm.Script(`(async () => {${code}\n})`, options);
    throw error;
  }
}

function settle(run) {
  run.settled = true;
  check(run);
}

function fail(run, error) {
  if (run.done) return;
  run.error ??= error?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT' ? timedOut(run.request.timeoutMs) : describe(error, run.request);
  finish(run);
}

function describe(error, request) {
  if (error && error.kind === 'timeout') return error;
  const described = describeError(error, request);
  for (const key of ['name', 'message', 'trace']) described[key] = wellFormed(described[key]);
  return described;
}

/** Half a surrogate pair ('\ud83d') would make the response invalid UTF-16 for the reader. */
function wellFormed(text) {
  return typeof text.toWellFormed === 'function' ? text.toWellFormed() : text.replace(/\p{Surrogate}/gu, '\ufffd');
}

function timedOut(ms) {
  const message = `timed out after ${Number((ms / 1000).toFixed(3))} s`;
  return { kind: 'timeout', name: 'TimeoutError', message, trace: `TimeoutError: ${message}`, typeNames: ['TimeoutError'] };
}

/** Finishes the run once nothing it started is left; timers say so when they fire, other resources are polled. */
function check(run) {
  if (run.done || !run.settled || run.checking) return;
  if (run.error) return finish(run);
  if (run.session.hasPendingTimers()) return;
  // Wait one turn of the event loop: promise callbacks queued by the snippet run first and may start timers.
  run.checking = true;
  setImmediate(() => {
    run.checking = false;
    if (run.done || run.session.hasPendingTimers()) return;
    if (!startedResources(run)) return finish(run);
    run.checking = true;
    setTimeout(() => { run.checking = false; check(run); }, 2).unref();
  });
}

function activeResources() {
  const counts = new Map();
  for (const type of process.getActiveResourcesInfo?.() ?? []) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/** Whether something the snippet started outside its timers (a file read, a socket, node:timers) is still going. */
function startedResources(run) {
  for (const [type, count] of activeResources()) if (count > (run.baseline.get(type) ?? 0)) return true;
  return false;
}

function finish(run) {
  if (run.done) return;
  run.done = true;
  clearTimeout(run.deadline);
  // Like a node process that exits: what is left (unref'd timers, or all of them after an error) never runs.
  run.session.clearTimers();
  run.session.run = null;
  current = null;
  respond({ id: run.request.id, output: run.chunks, truncated: run.truncated, error: run.error });
  // Nothing more to run yet: make the next session's context while the engine reads this answer.
  if (!queue.length) prepareContext();
  setImmediate(idle);
}

function end(name) {
  const session = sessions.get(name);
  if (!session) return;
  session.clearTimers();
  session.slot.session = null;
  sessions.delete(name);
}

function newContext() {
  const slot = { session: null };
  return { context: createSessionContext(slot, cwd, trimStack), slot };
}

function next() {
  while (!current && queue.length) {
    const request = queue.shift();
    if (request.type === 'end') end(request.session);
    else start(request);
  }
}

/** Between runs: take the next request, or make a context ahead of time. */
function idle() {
  if (current) return;
  if (queue.length) next();
  else prepareContext();
}

/** Creating a context costs about 0.3 ms: better done while nothing waits for it. */
function prepareContext() {
  if (spare.length < SPARE_CONTEXTS) spare.push(newContext());
}

// process.exit() and friends end the snippet, not the worker.
class ProcessExit extends Error {}
ProcessExit.prototype.name = 'ProcessExit';
const exitWorker = process.exit.bind(process);
const reallyExit = process.reallyExit;
function endWorker(code) {
  process.reallyExit = reallyExit;
  process.exitCode = code;
  exitWorker(code);
}
function stopSnippet(call, caller) {
  const error = new ProcessExit(`${call} was called`);
  Error.captureStackTrace(error, caller);
  if (current) fail(current, error);
  throw error;
}
const args = values => values.map(value => inspect(value)).join(', ');
process.exit = function exit(...values) { stopSnippet(`process.exit(${args(values)})`, exit); };
process.reallyExit = function reallyExit(...values) { stopSnippet(`process.reallyExit(${args(values)})`, reallyExit); };
process.abort = function abort() { stopSnippet('process.abort()', abort); };
// Signalling itself is fine when the snippet listens for that signal; a process group (pid <= 0) would include us.
const killProcess = process.kill;
process.kill = function kill(pid, signal = 'SIGTERM') {
  const name = typeof signal === 'number' ? Object.keys(os.constants.signals).find(key => os.constants.signals[key] === signal) : signal;
  const fatal = signal !== 0 && (name === 'SIGKILL' || name === 'SIGSTOP' || process.listenerCount(name) === 0);
  if (Number(pid) <= 0 || (Number(pid) === process.pid && fatal)) stopSnippet(`process.kill(${args([...arguments])})`, kill);
  return killProcess.call(this, pid, signal);
};

// Writes to process.stdout/stderr (by the snippet or modules it requires) are the snippet's output.
const capture = (stream, fallback) => function (chunk, encoding, callback) {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
  if (current) current.write(stream, text);
  else fallback(text);
  const done = typeof encoding === 'function' ? encoding : callback;
  if (typeof done === 'function') process.nextTick(done);
  return true;
};
process.stdout.write = capture(0, writeStderr);
process.stderr.write = capture(1, writeStderr);

// Node's warning about the dynamic import() loader being experimental is ours, not the snippet's.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  if (String(warning?.message ?? warning).startsWith('vm.USE_MAIN_CONTEXT_DEFAULT_LOADER')) return;
  return emitWarning.call(this, warning, ...rest);
};

// Errors no snippet code catches: node would stop with them, so they end the running snippet.
const stray = (what, error) => current ? fail(current, error) : writeStderr(`snippet-worker: ${what} between snippets: ${inspect(error)}\n`);
process.on('uncaughtException', error => stray('uncaught exception', error));
process.on('unhandledRejection', reason => stray('unhandled rejection', reason));

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on('line', line => {
  if (!line) return;
  try {
    queue.push(JSON.parse(line));
  } catch (error) {
    writeStderr(`snippet-worker: bad request ignored: ${error.message}\n`);
    return;
  }
  // From a turn of its own, so that stack traces end at the snippet, not in readline's event handlers.
  if (queue.length === 1) setImmediate(next);
});
input.on('close', () => endWorker(0));

respond({ id: 0, version: process.version });
setImmediate(idle);
