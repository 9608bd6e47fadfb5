// Syntax highlighting for the site generator, run once per build.
// Protocol: one JSON request per line on stdin, {"id":1,"lang":"python","code":"..."};
// one JSON response per line on stdout, {"id":1,"html":"..."} or {"id":1,"html":null} for a language highlight.js lacks.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const hljs = require(path.join(__dirname, 'hljs', 'core.js'));
const languagesDir = path.join(__dirname, 'hljs', 'languages');
const available = new Set(fs.readdirSync(languagesDir).filter(f => f.endsWith('.js')).map(f => path.basename(f, '.js')));

// Languages load on first use (a site of bash and JSON needs two of them): loading them all took ~45 ms of every build.
// A language that embeds others (xml: css, javascript; markdown: xml; ...) brings them too, as loading all would.
function ensureLanguage(name) {
  if (!available.has(name) || hljs.getLanguage(name)) return;
  const file = path.join(languagesDir, name + '.js');
  hljs.registerLanguage(name, require(file));
  const source = fs.readFileSync(file, 'utf8');
  for (const match of source.matchAll(/subLanguage:\s*(\[[^\]]*\]|'[^']*')/g)) {
    for (const embedded of match[1].matchAll(/'([^']+)'/g)) ensureLanguage(embedded[1]);
  }
}

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
input.on('line', line => {
  if (!line) return;
  const request = JSON.parse(line);
  let html = null;
  if (request.lang) ensureLanguage(request.lang);
  if (request.lang && hljs.getLanguage(request.lang)) {
    html = hljs.highlight(request.code, { language: request.lang, ignoreIllegals: true }).value;
  }
  out.push(JSON.stringify({ id: request.id, html }));
  // Batch writes: a build sends thousands of small blocks.
  if (out.length >= 256) flush();
});
input.on('close', flush);
function flush() {
  if (out.length) { process.stdout.write(out.join('\n') + '\n'); out.length = 0; }
}
