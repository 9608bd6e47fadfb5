// How a snippet's top-level declarations live on in its session, the way a browser console or a notebook works:
// every later snippet sees them, and may declare the same name again (`let a` in two snippets of one page).
//
// A snippet that declares anything at top level, or uses top-level await, runs inside an arrow function (async when
// it awaits), so its own `let`/`const`/`class`/`function`/`var` keep their usual meaning within the snippet
// (const stays constant, the temporal dead zone holds). Each name is published on the session's global object as
// a live accessor: later snippets read and write the binding itself, so a closure's updates stay visible. Line
// numbers do not move: the wrapper opens on the first line and closes after the last.
'use strict';
const path = require('node:path');

/** The global a wrapped snippet publishes its names through (non-enumerable, see snippet-context.js). */
const BIND = '__snippetBind';

let acorn; // loaded on first use: many snippets declare nothing

/**
 * Returns { code, async } for a snippet that needs wrapping, or null (no declarations, no await, or no parse).
 * Simple snippets are read without the parser and marked `quick`: if such code does not compile, ask again with
 * { parse: true }, so that the parser decides, as for any other snippet.
 */
function scopeSnippet(code, { parse = false } = {}) {
  const quick = parse ? null : quickNames(code);
  if (quick?.size === 0) return null;
  if (quick) return { code: wrap(code, 0, quick, false), async: false, quick: true };

  acorn ??= loadAcorn();
  let program;
  try {
    program = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true, allowHashBang: true });
  } catch {
    return null; // vm.Script reports the syntax error, with V8's message and location
  }

  const found = { await: false, names: new Set() };
  for (const statement of program.body) {
    if (statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') found.names.add(statement.id.name);
    else if (statement.type === 'VariableDeclaration') for (const d of statement.declarations) bindingNames(d.id, found.names);
  }
  visit(program, found);
  if (!found.await && found.names.size === 0) return null;

  // After any 'use strict' directive, so that it still applies to the snippet.
  let bodyStart = 0;
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement' || statement.directive === undefined) break;
    bodyStart = statement.end;
  }
  return { code: wrap(code, bodyStart, found.names, found.await), async: found.await };
}

function wrap(code, bodyStart, names, async) {
  const binds = [...names].map(name => `${BIND}(${JSON.stringify(name)}, () => ${name}, (v) => { ${name} = v; });`).join(' ');
  return `(${async ? 'async ' : ''}() => {${code.slice(0, bodyStart)} ${binds} ${code.slice(bodyStart)}\n})()`;
}

/**
 * The top-level names of a snippet, read without the parser where that is safe, or null (ask the parser). A scan
 * outside strings and comments counts brackets; outside them, `let` or `const` after `;`, `}` or nothing, followed
 * by a name or a flat [a, b] / {a, b}, declares those names (`for (let i ...)` and `{ let x }` declare none). What
 * else could declare or await (var, await, function, class), what the wrapper would change (return, a directive),
 * a comma outside brackets (a second declarator?) and what the scan cannot follow (a regex literal or a division, a
 * template, an escape, an HTML-like comment) all ask the parser.
 */
function quickNames(code) {
  if (!/\b(await|let|const|class|var|function)\b/.test(code)) return new Set();
  const tokens = tokenize(code);
  if (!tokens || tokens[0]?.type === 'string') return null;
  const names = new Set();
  for (let k = 0; k < tokens.length; k++) {
    const { type, value, depth } = tokens[k];
    if (type === 'word' && /^(await|var|return)$/.test(value)) return null;
    if (depth > 0 || type === 'string') continue;
    if (value === ',' || value === 'function' || value === 'class') return null;
    if (value !== 'let' && value !== 'const') continue;
    const before = tokens[k - 1];
    if (before && before.value !== ';' && before.value !== '}') return null;
    k = pattern(tokens, k + 1, names);
    if (k < 0) return null;
  }
  return names;
}

/** Reads `name`, `[a, b]` or `{a, b}` at tokens[k] into names; the index of its last token, or -1. */
function pattern(tokens, k, names) {
  const open = tokens[k];
  if (open?.type === 'word') {
    names.add(open.value);
    return k;
  }
  if (open?.value !== '[' && open?.value !== '{') return -1;
  const close = open.value === '[' ? ']' : '}';
  for (k++; tokens[k]?.type === 'word' && tokens[k].depth === open.depth + 1; k += 2) {
    names.add(tokens[k].value);
    if (tokens[k + 1]?.value === close) return k + 1;
    if (tokens[k + 1]?.value !== ',') return -1;
  }
  return -1;
}

/** Words, strings and single punctuation characters with their bracket depth, or null where the scan cannot follow. */
function tokenize(code) {
  if (code.startsWith('#!') || code.includes('<!--') || code.includes('-->')) return null;
  const tokens = [];
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (/\s/.test(c)) continue;
    if (c === '/' && code[i + 1] === '/') {
      while (i < code.length && !/[\n\r\u2028\u2029]/.test(code[i])) i++;
    } else if (c === '/' && code[i + 1] === '*') {
      i = code.indexOf('*/', i + 2) + 1;
      if (i === 0) return null;
    } else if (c === '"' || c === "'") {
      i = stringEnd(code, i);
      if (i < 0) return null;
      tokens.push({ type: 'string', depth });
    } else if (c === '/' || c === '`' || c === '\\' || c === '#') {
      return null;
    } else if (isWordChar(c)) {
      let end = i + 1;
      while (end < code.length && isWordChar(code[end])) end++;
      tokens.push({ type: 'word', value: code.slice(i, end), depth });
      i = end - 1;
    } else {
      if ((c === ')' || c === ']' || c === '}') && --depth < 0) return null;
      tokens.push({ type: 'punct', value: c, depth });
      if (c === '(' || c === '[' || c === '{') depth++;
    }
  }
  return depth === 0 ? tokens : null;
}

/** Where the string literal opening at `start` closes, or -1 where it does not (then the code is no valid script). */
function stringEnd(code, start) {
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i];
    if (c === code[start]) return i;
    if (c === '\\') i++;
    else if (c === '\n' || c === '\r') return -1;
  }
  return -1;
}

function isWordChar(c) {
  return /[\p{ID_Continue}$\u200c\u200d]/u.test(c);
}

// The build copies acorn next to this file; run from the source folder, it is in node_modules.
function loadAcorn() {
  try {
    return require(path.join(__dirname, 'acorn', 'acorn.js'));
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e;
    return require('acorn');
  }
}

/** Finds top-level awaits and the `var`s declared in blocks outside functions (those are top-level names too). */
function visit(node, found, topLevel = true) {
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'StaticBlock':
    case 'ClassBody':
      return;
    case 'AwaitExpression':
      found.await = true;
      break;
    case 'ForOfStatement':
      if (node.await) found.await = true;
      break;
    case 'VariableDeclaration':
      if (node.kind === 'var') for (const d of node.declarations) bindingNames(d.id, found.names);
      break;
  }
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') visit(child, found, false);
    } else if (value && typeof value.type === 'string') {
      visit(value, found, false);
    }
  }
}

function bindingNames(pattern, names) {
  switch (pattern.type) {
    case 'Identifier': names.add(pattern.name); break;
    case 'ObjectPattern': for (const p of pattern.properties) bindingNames(p.type === 'RestElement' ? p.argument : p.value, names); break;
    case 'ArrayPattern': for (const e of pattern.elements) if (e) bindingNames(e, names); break;
    case 'RestElement': bindingNames(pattern.argument, names); break;
    case 'AssignmentPattern': bindingNames(pattern.left, names); break;
  }
}

module.exports = { scopeSnippet, BIND };
