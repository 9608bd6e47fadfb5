// How a snippet's error is reported: its name, message, type chain and a stack trace a reader can use, naming
// the Markdown file (the script's filename) and without the worker's own frames.
'use strict';
const path = require('node:path');
const { inspect, types } = require('node:util');

/** A frame of the worker or of node's internals, which a reader of the snippet has no use for. */
function isMachineryFrame(line, workerDir) {
  return /^\s+at /.test(line) && (line.includes(workerDir + path.sep) || /[( ]node:(internal\/|vm:)/.test(line));
}

function trimStack(stack, workerDir = __dirname) {
  const kept = [];
  for (const line of stack.split('\n')) {
    if (/^\s+\.\.\. \d+ lines matching cause stack trace \.\.\.$/.test(line)) continue; // counts frames we drop
    if (!isMachineryFrame(line, workerDir)) kept.push(line);
    else if (line.endsWith(' {') && kept.length) kept[kept.length - 1] += ' {'; // inspect() opens the error's properties there
  }
  return kept.join('\n').trimEnd();
}

/** The constructor names along the prototype chain: ["RangeError", "Error"]. */
function typeChain(value) {
  const names = [];
  for (let proto = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
    const ctor = Object.prototype.hasOwnProperty.call(proto, 'constructor') ? proto.constructor : undefined;
    const name = typeof ctor === 'function' ? ctor.name : '';
    if (name && name !== 'Object' && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Describes what a snippet threw: an Error from any realm, or any other value (`throw 42`). The request (code,
 * file, line) places a SyntaxError whose trace does not say where it is.
 */
function describeError(value, request) {
  const chain = value !== null && (typeof value === 'object' || typeof value === 'function') ? safe(() => typeChain(value), []) : [];
  if (!types.isNativeError(value) && !chain.includes('Error')) {
    // Node prints these as "Uncaught 42", without a stack.
    const message = safe(() => inspect(value), String(value));
    return { kind: 'exception', name: 'Uncaught', message, trace: `Uncaught ${message}`, typeNames: ['Uncaught'] };
  }
  // A subclass that does not set its own name still reports as itself: class NotFound extends Error {}.
  const own = safe(() => value.name, undefined);
  const name = typeof own === 'string' && own && !(own === 'Error' && chain[0] !== 'Error') ? own : chain[0];
  const message = String(safe(() => value.message, '') ?? '');
  // As node prints an error nobody caught: the stack, with the error's other properties and its cause.
  let trace = trimStack(safe(() => inspect(value), `${name}: ${message}`));
  if (name === 'SyntaxError' && request && !trace.includes(request.file)) trace = `${request.file}:${syntaxErrorLine(message, request)}\n\n${trace}`;
  return { kind: 'exception', name, message, trace, typeNames: chain.includes(name) ? chain : [name, ...chain] };
}

/**
 * Where a SyntaxError without a location is: V8 reports "Identifier 'x' has already been declared" when the
 * script starts, without a line; find the declaration. Otherwise the snippet's first line.
 */
function syntaxErrorLine(message, { code, line }) {
  const name = /^Identifier '(.+)' has already been declared$/.exec(message)?.[1];
  if (name) {
    const escaped = name.replace(/[$]/g, '\\$&');
    const at = code.search(new RegExp(`\\b(const|let|var|class|function)\\s+(\\*\\s*)?${escaped}(?![\\w$])`));
    if (at >= 0) return line + (code.slice(0, at).match(/\n/g)?.length ?? 0);
  }
  return line;
}

/** Getters on a thrown object are the snippet's code: they may throw too. */
function safe(get, fallback) {
  try {
    return get();
  } catch {
    return fallback;
  }
}

module.exports = { describeError, trimStack };
