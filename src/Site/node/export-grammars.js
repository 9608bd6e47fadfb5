// Exports the highlight.js grammars the site uses as JSON, for the C# port of its engine (src/Site/3-Markdown/Highlighting/Engine).
//
//   node src/Site/node/export-grammars.js            writes src/Site/3-Markdown/Highlighting/Grammars/*.json
//   node src/Site/node/export-grammars.js --stdout   prints them as one JSON object instead (what the test compares)
//
// highlight.js compiles each language itself (variants expanded, `self` resolved, beginKeywords, match, beginScope...); this
// script walks the compiled mode graph, which has cycles and shared modes, giving each mode an id. Callbacks are exported
// by name and must be ones the C# engine implements: an unknown one (or a known name whose code changed) fails the export.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const hljs = require('highlight.js/lib/core');
const { LANGUAGES } = require('./highlight-languages.js');

// The callbacks the C# engine implements (Engine/ModeCallbacks.cs), by the SHA-256 of their source.
const CALLBACKS = {
  ed799d43501a: 'skipIfHasPrecedingDot', // beginKeywords
  '348b3f4abb9e': 'endSameAsBegin.begin', // END_SAME_AS_BEGIN
  d6da96aee40d: 'endSameAsBegin.end',
  c4466892b317: 'shebangAtStart', // SHEBANG
  f6bda8786810: 'isTrulyOpeningTag', // JSX in javascript, typescript
};

function callbackName(fn) {
  if (!fn) return undefined;
  const hash = crypto.createHash('sha256').update(fn.toString()).digest('hex').slice(0, 12);
  const name = CALLBACKS[hash];
  if (!name) throw new Error(`unknown callback ${fn.name || '(anonymous)'} (${hash}): implement it in C# and list it here\n${fn}`);
  return name;
}

const source = re => (re == null ? undefined : typeof re === 'string' ? re : re.source);

// Group numbers: highlight.js keeps them as object keys (beginScope {1: 'keyword', 3: 'title'}); a group it emits
// without a scope (null here) gets the parent's keywords.
function scopeOf(scope) {
  if (!scope) return undefined;
  if (scope._wrap) return { wrap: scope._wrap };
  const groups = {};
  for (const key of Object.keys(scope._emit)) groups[key] = scope[key] ?? null;
  return { groups };
}

// Code points of a Unicode property, as Node's ICU sees them: .NET lacks some properties (XID_Start) and has its own Unicode version.
function propertyRanges(name) {
  const re = new RegExp(`^\\p{${name}}$`, 'u');
  const ranges = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (!re.test(String.fromCodePoint(cp))) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp; else ranges.push([cp, cp]);
  }
  return ranges.map(([a, b]) => (a === b ? a.toString(16) : `${a.toString(16)}-${b.toString(16)}`)).join(' ');
}

function exportLanguage(name) {
  hljs.highlight('', { language: name, ignoreIllegals: true }); // compiles it
  const language = hljs.getLanguage(name);
  const ids = new Map();
  const modes = [];
  const keywordSets = [];
  const keywordIds = new Map();
  const properties = new Set();

  const regex = re => {
    const text = source(re);
    if (text !== undefined && language.unicodeRegex) for (const m of text.matchAll(/\\p\{([^}]+)\}/g)) properties.add(m[1]);
    return text;
  };

  function keywordsId(keywords) {
    if (!keywords) return undefined;
    const entries = Object.keys(keywords).sort().map(word => [word, keywords[word][0], keywords[word][1]]);
    const key = JSON.stringify(entries);
    if (!keywordIds.has(key)) { keywordIds.set(key, keywordSets.length); keywordSets.push(entries); }
    return keywordIds.get(key);
  }

  function visit(mode) {
    if (ids.has(mode)) return ids.get(mode);
    const id = modes.length;
    ids.set(mode, id);
    const out = {};
    modes.push(out);
    Object.assign(out, {
      id,
      scope: typeof mode.scope === 'string' ? mode.scope : undefined,
      beginScope: scopeOf(mode.beginScope),
      endScope: scopeOf(mode.endScope),
      begin: regex(mode.begin),
      end: regex(mode.end),
      terminatorEnd: mode.terminatorEnd || undefined,
      illegal: regex(mode.illegal),
      keywords: keywordsId(mode.keywords),
      keywordPattern: mode.keywords ? regex(mode.keywordPatternRe) : undefined,
      relevance: mode.relevance,
      excludeBegin: mode.excludeBegin || undefined,
      excludeEnd: mode.excludeEnd || undefined,
      returnBegin: mode.returnBegin || undefined,
      returnEnd: mode.returnEnd || undefined,
      endsWithParent: mode.endsWithParent || undefined,
      endsParent: mode.endsParent || undefined,
      skip: mode.skip || undefined,
      // One embedded language, or (an array) the best of several by relevance, as highlightAuto picks it.
      subLanguage: typeof mode.subLanguage === 'string' ? mode.subLanguage : undefined,
      subLanguageAuto: Array.isArray(mode.subLanguage) ? mode.subLanguage : undefined,
      beforeBegin: callbackName(mode.__beforeBegin),
      onBegin: callbackName(mode['on:begin']),
      onEnd: callbackName(mode['on:end']),
    });
    out.contains = mode.contains.map(visit);
    if (mode.starts) out.starts = visit(mode.starts);
    return id;
  }

  visit(language);
  const unicodeProperties = {};
  for (const property of [...properties].sort()) unicodeProperties[property] = propertyRanges(property);
  return {
    name,
    highlightJs: hljs.versionString,
    caseInsensitive: !!language.case_insensitive,
    unicodeRegex: !!language.unicodeRegex,
    disableAutodetect: !!language.disableAutodetect,
    supersetOf: language.supersetOf,
    classNameAliases: { ...language.classNameAliases },
    unicodeProperties,
    keywordSets,
    modes,
  };
}

const grammars = {};
for (const name of LANGUAGES) hljs.registerLanguage(name, require(`highlight.js/lib/languages/${name}`));
for (const name of LANGUAGES) grammars[name] = JSON.stringify(exportLanguage(name), null, 1) + '\n';

if (process.argv.includes('--stdout')) {
  process.stdout.write(JSON.stringify(grammars));
} else {
  const dir = path.join(__dirname, '..', '3-Markdown', 'Highlighting', 'Grammars');
  fs.mkdirSync(dir, { recursive: true });
  for (const name of LANGUAGES) fs.writeFileSync(path.join(dir, `${name}.json`), grammars[name]);
  console.log(`wrote ${LANGUAGES.length} grammars to ${dir}`);
}
