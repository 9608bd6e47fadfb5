// Top-level await for snippets run as vm.Script, the way Node's REPL does it (lib/internal/repl/await.js):
// the code runs inside an async arrow function, and its top-level declarations are hoisted out of it, so the
// next snippet of the session still sees them. Line numbers stay as they were: everything added goes on the
// first line or after the last one.
'use strict';
const path = require('node:path');

let acorn; // loaded on first use: most snippets never await

/** Returns the code rewritten to run its top-level await, or null when it has none (or does not parse). */
function wrapTopLevelAwait(code) {
  if (!/\bawait\b/.test(code)) return null;
  acorn ??= loadAcorn();
  let program;
  try {
    program = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true, allowHashBang: true });
  } catch {
    return null; // vm.Script reports the syntax error, with V8's message and location
  }

  const found = { await: false, vars: [] };
  visit(program, null, found);
  if (!found.await) return null;

  const hoisted = [];
  const exported = []; // function declarations stay where they are (hoisted within the snippet) and are copied out
  const edits = [];
  for (const statement of program.body) {
    if (statement.type === 'FunctionDeclaration') {
      hoisted.push(`var ${statement.id.name};`);
      exported.push(`this.${statement.id.name} = ${statement.id.name};`);
    } else if (statement.type === 'ClassDeclaration') {
      hoisted.push(`let ${statement.id.name};`);
      edits.push({ start: statement.start, end: statement.start, text: `${statement.id.name} = ` });
      edits.push({ start: statement.end, end: statement.end, text: ';' });
    } else if (statement.type === 'VariableDeclaration' && statement.kind !== 'var') {
      rewriteDeclaration(code, statement, null, hoisted, edits);
    }
  }
  for (const { declaration, parent } of found.vars) rewriteDeclaration(code, declaration, parent, hoisted, edits);

  // After any 'use strict' directive, so that it still applies.
  let bodyStart = 0;
  for (const statement of program.body) {
    if (statement.type !== 'ExpressionStatement' || statement.directive === undefined) break;
    bodyStart = statement.end;
  }
  edits.unshift({ start: bodyStart, end: bodyStart, text: exported.length ? `; ${exported.join(' ')} ` : '' });

  edits.sort((a, b) => a.start - b.start);
  let out = `${hoisted.join(' ')} (async () => {`;
  let at = 0;
  for (const edit of edits) {
    out += code.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + code.slice(at) + '\n})()';
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

/** Finds top-level awaits and the var declarations outside functions; does not enter functions. */
function visit(node, parent, found) {
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'StaticBlock':
      return;
    case 'AwaitExpression':
      found.await = true;
      break;
    case 'ForOfStatement':
      if (node.await) found.await = true;
      break;
    case 'VariableDeclaration':
      if (node.kind === 'var') found.vars.push({ declaration: node, parent });
      break;
  }
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') visit(child, node, found);
    } else if (value && typeof value.type === 'string') {
      visit(value, node, found);
    }
  }
}

/** `const {a, b} = f(), c = 1;` becomes `void (({a, b} = f()), (c = 1));` and `let a, b, c;` goes before the function. */
function rewriteDeclaration(code, declaration, parent, hoisted, edits) {
  const names = [];
  for (const declarator of declaration.declarations) bindingNames(declarator.id, names);
  if (names.length) hoisted.push(`${declaration.kind === 'var' ? 'var' : 'let'} ${names.join(', ')};`);

  const first = declaration.declarations[0];
  const last = declaration.declarations.at(-1);
  const inLoopHead = parent && (parent.type === 'ForStatement' || parent.type === 'ForInStatement' || parent.type === 'ForOfStatement')
    && parent.body !== declaration;
  // Keep any line break between the keyword and the first name, so later lines keep their numbers.
  const keywordBreaks = code.slice(declaration.start, first.start).replace(/[^\n]/g, '');
  edits.push({ start: declaration.start, end: first.start, text: (inLoopHead ? '' : 'void (') + keywordBreaks });
  for (const declarator of declaration.declarations) {
    if (!declarator.init) continue;
    edits.push({ start: declarator.start, end: declarator.start, text: '(' });
    edits.push({ start: declarator.end, end: declarator.end, text: ')' });
  }
  if (!inLoopHead) edits.push({ start: last.end, end: last.end, text: code[declaration.end - 1] === ';' ? ')' : ');' });
}

function bindingNames(pattern, names) {
  switch (pattern.type) {
    case 'Identifier': names.push(pattern.name); break;
    case 'ObjectPattern': for (const p of pattern.properties) bindingNames(p.type === 'RestElement' ? p.argument : p.value, names); break;
    case 'ArrayPattern': for (const e of pattern.elements) if (e) bindingNames(e, names); break;
    case 'RestElement': bindingNames(pattern.argument, names); break;
    case 'AssignmentPattern': bindingNames(pattern.left, names); break;
  }
}

module.exports = { wrapTopLevelAwait };
