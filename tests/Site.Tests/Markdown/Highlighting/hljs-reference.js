// The expected side of the differential tests: highlight.js itself, from src/Site/node/node_modules.
// stdin: a JSON array of [language, code]; stdout: a JSON array of the HTML hljs.highlight(code, { language,
// ignoreIllegals: true }) gives. Each block gets a fresh instance (as a process that highlighted nothing before): compiled
// grammars keep state between calls (a matcher's rule positions), and the C# engine starts fresh for each block too.
'use strict';
const path = require('node:path');
const nodeTools = path.join(__dirname, '..', '..', '..', '..', 'src', 'Site', 'node');
const core = require(path.join(nodeTools, 'node_modules', 'highlight.js', 'lib', 'core'));
const { LANGUAGES } = require(path.join(nodeTools, 'highlight-languages.js'));
const definitions = LANGUAGES.map(name => [name, require(path.join(nodeTools, 'node_modules', 'highlight.js', 'lib', 'languages', name))]);

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const html = JSON.parse(input).map(([language, code]) => {
    const hljs = core.newInstance();
    for (const [name, definition] of definitions) hljs.registerLanguage(name, definition);
    return hljs.highlight(code, { language, ignoreIllegals: true }).value;
  });
  process.stdout.write(JSON.stringify(html));
});
