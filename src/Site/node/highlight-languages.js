// The highlight.js languages the site highlights (Highlighting/CodeLanguages.cs maps fence languages onto them).
// Grammars they embed by name but that are not listed (graphql, handlebars, ruby) stay plain text, as in highlight.js.
'use strict';
exports.LANGUAGES = [
  'python', 'javascript', 'typescript', 'bash', 'powershell', 'json', 'yaml', 'ini', 'xml', 'css', 'diff', 'dockerfile',
  'markdown', 'sql',
];
