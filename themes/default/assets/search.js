/* Search, in the browser, with no server and no network: the generator writes the index as a script
   (assets/search-index.js sets window.SEARCH_INDEX), loaded with a script tag on first use, so it works from
   file:// too. The matching is plain functions (SiteSearch.search) that Node can require for tests; the dialog
   at the end runs only in a browser. */
(function () {
  'use strict';

  /* ------------------------------------------------------------------
     Matching and ranking
     ------------------------------------------------------------------ */

  // Where a word matches decides its weight, so title matches rank first, then headings, then text.
  var WEIGHTS = { title: 100, heading: 10, text: 1 };
  // A finished word ("env " with a word after it) found as a whole word outranks it as a prefix of a longer one.
  var WHOLE_WORD_BONUS = 1.5;
  var SNIPPET_LENGTH = 160;
  var WORD_CHAR = /[\p{L}\p{N}]/u;

  /** Lower case, keeping every offset: the rare letter whose lower case is longer stays as it is. */
  function fold(text) {
    var lower = text.toLowerCase();
    if (lower.length === text.length) return lower;
    return text.replace(/[\s\S]/g, function (c) {
      var l = c.toLowerCase();
      return l.length === c.length ? l : c;
    });
  }

  /** The query's words, lower case; the last one is matched as a prefix, since the reader may still be typing it. */
  function queryWords(query) {
    return fold(query || '').split(/\s+/).filter(Boolean);
  }

  function isWordChar(c) {
    return c !== '' && WORD_CHAR.test(c);
  }

  /** The first place at or after `from` where `word` starts a word of `folded` (e.g. "env" in "a venv" is not one); -1 if none. */
  function findWord(folded, word, from) {
    var needsStart = isWordChar(word.charAt(0));
    for (var at = folded.indexOf(word, from || 0); at >= 0; at = folded.indexOf(word, at + 1)) {
      if (!needsStart || at === 0 || !isWordChar(folded.charAt(at - 1))) return at;
    }
    return -1;
  }

  function endsWord(folded, word, at) {
    return !isWordChar(word.charAt(word.length - 1)) || !isWordChar(folded.charAt(at + word.length));
  }

  /** One entry per section of each page, folded once and kept on the index. */
  function entries(index) {
    if (index._entries) return index._entries;
    var list = [];
    (index.pages || []).forEach(function (page) {
      (page.sections || []).forEach(function (section, i) {
        list.push({
          page: page,
          section: section,
          first: i === 0,
          title: fold(page.title || ''),
          heading: fold(section.heading || ''),
          text: fold(section.text || '')
        });
      });
    });
    Object.defineProperty(index, '_entries', { value: list });
    return list;
  }

  /** How well one section matches every word (0: some word is missing), and whether anything but the page title matched. */
  function score(entry, words) {
    var total = 0;
    var inSection = false;
    for (var w = 0; w < words.length; w++) {
      var word = words[w];
      var finished = w < words.length - 1;
      var best = 0;
      for (var field in WEIGHTS) {
        var at = findWord(entry[field], word, 0);
        if (at < 0) continue;
        var value = WEIGHTS[field] * (finished && endsWord(entry[field], word, at) ? WHOLE_WORD_BONUS : 1);
        if (value > best) best = value;
        if (field !== 'title') inSection = true;
      }
      if (best === 0) return { total: 0, inSection: false };
      total += best;
    }
    return { total: total, inSection: inSection };
  }

  /** `text` as parts { text, match } with every word of the query that starts a word marked; merged where they overlap. */
  function highlight(text, words) {
    var folded = fold(text);
    var ranges = [];
    words.forEach(function (word) {
      for (var at = findWord(folded, word, 0); at >= 0; at = findWord(folded, word, at + word.length)) {
        ranges.push([at, at + word.length]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var parts = [];
    var pos = 0;
    ranges.forEach(function (range) {
      if (range[1] <= pos) return;
      var start = Math.max(range[0], pos);
      if (start > pos) parts.push({ text: text.slice(pos, start), match: false });
      parts.push({ text: text.slice(start, range[1]), match: true });
      pos = range[1];
    });
    if (pos < text.length) parts.push({ text: text.slice(pos), match: false });
    return parts;
  }

  /** About SNIPPET_LENGTH characters of `text` around its first match (its start if nothing matches), cut at spaces. */
  function excerpt(text, words) {
    if (text.length <= SNIPPET_LENGTH) return text;
    var folded = fold(text);
    var first = -1;
    words.forEach(function (word) {
      var at = findWord(folded, word, 0);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = first < 0 ? 0 : Math.max(0, first - 40);
    if (start > 0) {
      var space = text.indexOf(' ', start);
      start = space >= 0 && space < first ? space + 1 : start;
    }
    var end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (end < text.length) {
      var cut = text.lastIndexOf(' ', end);
      if (cut > start + SNIPPET_LENGTH / 2) end = cut;
    }
    return (start > 0 ? '… ' : '') + text.slice(start, end) + (end < text.length ? ' …' : '');
  }

  /**
   * Sections of the index that contain every word of the query (case-insensitive; the last word as a prefix),
   * best first: title matches, then heading matches, then text; equal scores keep the index's (reading) order.
   * A page matched by its title alone is one result (its top), not one per section.
   */
  function search(index, query, limit) {
    var words = queryWords(query);
    if (!words.length || !index) return [];
    var found = [];
    entries(index).forEach(function (entry, order) {
      var s = score(entry, words);
      if (s.total > 0 && (s.inSection || entry.first)) found.push({ entry: entry, score: s.total, order: order });
    });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found.slice(0, limit || 50).map(function (hit) {
      var page = hit.entry.page;
      var section = hit.entry.section;
      return {
        url: page.url + (section.anchor ? '#' + section.anchor : ''),
        page: page.title,
        section: page.section || '',
        heading: section.heading || '',
        score: hit.score,
        title: highlight(section.heading || page.title, words),
        snippet: highlight(excerpt(section.text || '', words), words)
      };
    });
  }

  var SiteSearch = { search: search, queryWords: queryWords, highlight: highlight, excerpt: excerpt };
  if (typeof module !== 'undefined' && module.exports) module.exports = SiteSearch;
  if (typeof document === 'undefined') return;
  window.SiteSearch = SiteSearch;

  /* ------------------------------------------------------------------
     The dialog: opened by the header button, "/" or Ctrl+K / Cmd+K
     ------------------------------------------------------------------ */
  var doc = document;
  var MAX_RESULTS = 50;

  function init() {
    var dialog = doc.getElementById('search');
    var input = dialog && dialog.querySelector('.search-input');
    var list = dialog && dialog.querySelector('.search-results');
    var status = dialog && dialog.querySelector('.search-status');
    if (!dialog || !input || !list || !status || typeof dialog.showModal !== 'function') return;
    var buttons = Array.prototype.slice.call(doc.querySelectorAll('.search-button'));
    var root = dialog.getAttribute('data-root') || '';
    var index = window.SEARCH_INDEX || null;
    var loading = false;
    var results = [];
    var active = -1;
    var returnFocus = null;

    if (/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || '')) {
      Array.prototype.forEach.call(doc.querySelectorAll('.search-key-mod'), function (key) { key.textContent = '⌘'; });
    }

    // A script tag, not fetch: a page opened from file:// may load scripts but not read files.
    function loadIndex() {
      if (index || loading) return;
      loading = true;
      var script = doc.createElement('script');
      script.src = dialog.getAttribute('data-index');
      script.onload = function () {
        index = window.SEARCH_INDEX || { pages: [] };
        if (dialog.open) run();
      };
      script.onerror = function () {
        loading = false;
        script.remove();
        if (dialog.open) status.textContent = 'The search index could not be loaded.';
      };
      doc.head.appendChild(script);
    }

    function open() {
      if (!dialog.open) {
        returnFocus = doc.activeElement;
        dialog.showModal();
        buttons.forEach(function (b) { b.setAttribute('aria-expanded', 'true'); });
      }
      input.focus();
      input.select();
      loadIndex();
      run();
    }

    dialog.addEventListener('close', function () {
      buttons.forEach(function (b) { b.setAttribute('aria-expanded', 'false'); });
      if (returnFocus && returnFocus.focus && doc.contains(returnFocus)) returnFocus.focus();
      returnFocus = null;
    });

    // A click on the backdrop lands on the dialog itself; its content fills a panel inside.
    dialog.addEventListener('click', function (event) {
      if (event.target === dialog) dialog.close();
    });

    function part(container, parts) {
      parts.forEach(function (p) {
        var node = p.match ? doc.createElement('mark') : doc.createTextNode(p.text);
        if (p.match) node.textContent = p.text;
        container.appendChild(node);
      });
    }

    function span(className, text) {
      var el = doc.createElement('span');
      el.className = className;
      if (text) el.textContent = text;
      return el;
    }

    function run() {
      var query = input.value;
      results = index ? search(index, query, MAX_RESULTS) : [];
      list.textContent = '';
      active = -1;
      results.forEach(function (result, i) {
        var item = doc.createElement('li');
        item.id = 'search-result-' + i;
        item.className = 'search-result';
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', 'false');
        var link = doc.createElement('a');
        link.href = root + result.url;
        link.tabIndex = -1;
        // Where the result is: its section (unless the page is the section's own), then its page for a heading.
        var path = [];
        if (result.section && result.section !== result.page) path.push(result.section);
        if (result.heading) path.push(result.page);
        if (path.length) link.appendChild(span('search-result-path', path.join(' › ')));
        var title = span('search-result-title');
        part(title, result.title);
        link.appendChild(title);
        if (result.snippet.length) {
          var snippet = span('search-result-snippet');
          part(snippet, result.snippet);
          link.appendChild(snippet);
        }
        item.appendChild(link);
        item.addEventListener('mousemove', function () { if (active !== i) select(i, false); });
        link.addEventListener('click', function () { dialog.close(); });
        list.appendChild(item);
      });
      input.setAttribute('aria-expanded', results.length ? 'true' : 'false');
      if (results.length) select(0, false);
      else input.removeAttribute('aria-activedescendant');

      if (!queryWords(query).length) status.textContent = 'Search titles, headings and text.';
      else if (!index) status.textContent = 'Loading the index…';
      else if (!results.length) status.textContent = 'No results for “' + query.trim() + '”';
      else status.textContent = results.length + (results.length === MAX_RESULTS ? '+' : '') + ' result' + (results.length === 1 ? '' : 's');
    }

    function select(i, scroll) {
      var items = list.children;
      if (active >= 0 && items[active]) items[active].setAttribute('aria-selected', 'false');
      active = i;
      var item = items[i];
      if (!item) return;
      item.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', item.id);
      if (scroll && item.scrollIntoView) item.scrollIntoView({ block: 'nearest' });
    }

    input.addEventListener('input', run);
    input.addEventListener('keydown', function (event) {
      if (event.isComposing) return;
      var count = results.length;
      if (event.key === 'ArrowDown' && count) {
        event.preventDefault();
        select((active + 1) % count, true);
      } else if (event.key === 'ArrowUp' && count) {
        event.preventDefault();
        select((active - 1 + count) % count, true);
      } else if (event.key === 'Enter' && active >= 0 && list.children[active]) {
        event.preventDefault();
        var href = list.children[active].querySelector('a').href;
        dialog.close();
        window.location.href = href;
      }
    });

    var closeButton = dialog.querySelector('.search-close');
    if (closeButton) closeButton.addEventListener('click', function () { dialog.close(); });

    buttons.forEach(function (button) {
      button.addEventListener('click', open);
      button.addEventListener('pointerenter', loadIndex);
    });

    function typing(target) {
      return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    }

    doc.addEventListener('keydown', function (event) {
      if (event.defaultPrevented || event.altKey) return;
      var key = event.key;
      if ((key === 'k' || key === 'K') && (event.ctrlKey || event.metaKey) && !event.shiftKey) {
        event.preventDefault();
        open();
      } else if (key === '/' && !event.ctrlKey && !event.metaKey && !typing(event.target)) {
        event.preventDefault();
        open();
      }
    });
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', init);
  else init();
})();
