// The vm context of one snippet session: a fresh set of JavaScript built-ins plus the globals a Node script has,
// with console and the timers wired to the session (see snippet-worker.js), so output and pending timers
// can be told apart per session.
'use strict';
const { BIND } = require('./snippet-scope.js');
const vm = require('node:vm');
const path = require('node:path');
const timers = require('node:timers');
const { Readable } = require('node:stream');
const { Console } = require('node:console');
const { createRequire } = require('node:module');
const { format } = require('node:util');

// Node's own globals (process, Buffer, URL, fetch, structuredClone, ...) that a bare context lacks. Copied as
// property descriptors, so the lazily loaded ones (fetch, the web streams) stay lazy.
const wired = new Set(['console', 'process', 'global', 'globalThis', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate']);
const builtIn = new Set(vm.runInNewContext('Object.getOwnPropertyNames(globalThis)'));
const nodeGlobals = {};
for (const name of Object.getOwnPropertyNames(globalThis)) {
  if (builtIn.has(name) || wired.has(name)) continue;
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
  // Some getters (crypto, performance) insist on being called on node's own global object.
  const { get, set } = descriptor;
  if (get) descriptor.get = function () { return get.call(globalThis); };
  if (set) descriptor.set = function (value) { set.call(globalThis, value); };
  nodeGlobals[name] = descriptor;
}

const setGlobal = new vm.Script('globalThis.global = globalThis');

/**
 * Creates a context whose console and timers report to `slot.session` (set when a session takes the context,
 * which can be long after it was made). A session has write(stream, text), track(timer, clear),
 * call(timer, callback, args, once) and forget(timer).
 */
function createSessionContext(slot, cwd, trimStack) {
  const sandbox = Object.defineProperties({}, nodeGlobals);
  // ignoreErrors: false makes Console call write() and nothing else of a stream.
  const write = stream => ({ write(chunk) { slot.session?.write(stream, String(chunk)); return true; } });
  const console = new Console({ stdout: write(0), stderr: write(1), ignoreErrors: false, colorMode: false });
  // Node's console.trace would show the worker's frames too.
  console.trace = function trace(...args) {
    const here = { name: 'Trace', message: format(...args) };
    Error.captureStackTrace(here, trace);
    this.error(trimStack(here.stack));
  };
  sandbox.console = console;

  // Timers the snippet starts keep its session busy until they fire or are cleared, as they would keep node running.
  // A callback that is not a function goes straight to node, for node's own error; so does a timer started by
  // leftover code of an ended session.
  sandbox.setTimeout = function setTimeout(callback, delay, ...args) {
    const session = slot.session;
    if (typeof callback !== 'function' || !session) return timers.setTimeout(callback, delay, ...args);
    const timer = timers.setTimeout(() => session.call(timer, callback, args, true), delay);
    return session.track(timer, timers.clearTimeout);
  };
  sandbox.setInterval = function setInterval(callback, delay, ...args) {
    const session = slot.session;
    if (typeof callback !== 'function' || !session) return timers.setInterval(callback, delay, ...args);
    const timer = timers.setInterval(() => session.call(timer, callback, args, false), delay);
    return session.track(timer, timers.clearInterval);
  };
  sandbox.setImmediate = function setImmediate(callback, ...args) {
    const session = slot.session;
    if (typeof callback !== 'function' || !session) return timers.setImmediate(callback, ...args);
    const timer = timers.setImmediate(() => session.call(timer, callback, args, true));
    return session.track(timer, timers.clearImmediate);
  };
  const clear = (name, remove) => ({ [name](timer) { remove(timer); slot.session?.forget(timer); } })[name];
  sandbox.clearTimeout = clear('clearTimeout', timers.clearTimeout);
  sandbox.clearInterval = clear('clearInterval', timers.clearInterval);
  sandbox.clearImmediate = clear('clearImmediate', timers.clearImmediate);

  // A CommonJS script's own names, as if the snippet were a file in the working directory.
  const filename = path.join(cwd, '[snippet]');
  sandbox.require = createRequire(filename);
  sandbox.module = { exports: {}, filename, id: '.', path: cwd };
  sandbox.exports = sandbox.module.exports;
  sandbox.__filename = filename;
  sandbox.__dirname = cwd;

  // Node's own process (exit() and friends are made harmless by the worker), except for stdin: the real one carries
  // the worker's requests. A snippet reading stdin sees it end at once, as with `node file.js < /dev/null`.
  let stdin;
  const emptyStdin = () => {
    if (!stdin || stdin.readableEnded) stdin = new Readable({ read() { this.push(null); } });
    return stdin;
  };
  sandbox.process = new Proxy(process, {
    get: (target, key) => key === 'stdin' ? emptyStdin() : Reflect.get(target, key, target),
  });

  // How wrapped snippets publish their top-level names (see snippet-scope.js): a live accessor on the global, which
  // a later snippet may replace by declaring the name again. Names the global cannot take (NaN, undefined) stay local.
  Object.defineProperty(sandbox, BIND, {
    value(name, get, set) {
      try {
        Object.defineProperty(sandbox, name, { get, set, configurable: true, enumerable: true });
      } catch {
        // a non-configurable global: the snippet still has its own binding
      }
    },
  });

  const context = vm.createContext(sandbox);
  setGlobal.runInContext(context);
  return context;
}

module.exports = { createSessionContext };
