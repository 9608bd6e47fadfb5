/* Default theme behaviour. Classic script (no modules, no fetch) so it works
   from file:// as well as from a web server. Every feature checks that its
   elements exist, and nothing here should throw on a page that lacks them. */
(function () {
  'use strict';

  var doc = document;
  var root = doc.documentElement;

  function all(selector, context) {
    return Array.prototype.slice.call((context || doc).querySelectorAll(selector));
  }

  function closest(el, selector) {
    while (el && el.nodeType === 1) {
      if (matches(el, selector)) return el;
      el = el.parentNode;
    }
    return null;
  }

  function matches(el, selector) {
    var fn = el.matches || el.msMatchesSelector || el.webkitMatchesSelector;
    return fn ? fn.call(el, selector) : false;
  }

  function media(query) {
    return window.matchMedia ? window.matchMedia(query) : null;
  }

  function onMediaChange(mql, handler) {
    if (!mql) return;
    if (mql.addEventListener) mql.addEventListener('change', handler);
    else if (mql.addListener) mql.addListener(handler);
  }

  /* ------------------------------------------------------------------
     Polite live region for screen-reader announcements ("Copied")
     ------------------------------------------------------------------ */
  var liveRegion = null;
  function announce(text) {
    if (!doc.body) return;
    if (!liveRegion) {
      liveRegion = doc.createElement('div');
      liveRegion.className = 'visually-hidden';
      liveRegion.setAttribute('aria-live', 'polite');
      liveRegion.setAttribute('role', 'status');
      doc.body.appendChild(liveRegion);
    }
    liveRegion.textContent = '';
    window.setTimeout(function () { liveRegion.textContent = text; }, 30);
  }

  /* ------------------------------------------------------------------
     1. Theme toggle ('theme' = 'light' | 'dark' in localStorage)
     ------------------------------------------------------------------ */
  var darkQuery = media('(prefers-color-scheme: dark)');

  function storeTheme(value) {
    try { window.localStorage.setItem('theme', value); } catch (e) { /* storage unavailable */ }
  }

  function effectiveTheme() {
    var t = root.getAttribute('data-theme');
    if (t === 'light' || t === 'dark') return t;
    return darkQuery && darkQuery.matches ? 'dark' : 'light';
  }

  function syncThemeToggles() {
    var dark = effectiveTheme() === 'dark';
    all('.theme-toggle').forEach(function (button) {
      button.setAttribute('aria-pressed', dark ? 'true' : 'false');
      button.setAttribute('title', dark ? 'Switch to light theme' : 'Switch to dark theme');
    });
  }

  function initTheme() {
    all('.theme-toggle').forEach(function (button) {
      button.addEventListener('click', function () {
        var next = effectiveTheme() === 'dark' ? 'light' : 'dark';
        root.setAttribute('data-theme', next);
        storeTheme(next);
        syncThemeToggles();
      });
    });
    onMediaChange(darkQuery, syncThemeToggles);
    syncThemeToggles();
  }

  /* ------------------------------------------------------------------
     2. Mobile menu (sidebar behind a button) and section expanders
     ------------------------------------------------------------------ */
  function initMenu() {
    var button = doc.querySelector('.menu-button');
    var sidebar = doc.getElementById('sidebar');
    var backdrop = doc.querySelector('.sidebar-backdrop');
    if (!button || !sidebar) return;
    var narrow = media('(max-width: 899px)');

    function isOpen() {
      return root.classList.contains('nav-open');
    }

    function setOpen(open, returnFocus) {
      root.classList.toggle('nav-open', open);
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (backdrop) backdrop.hidden = !open;
      if (open) {
        var target = sidebar.querySelector('[aria-current="page"]') || sidebar.querySelector('a, button');
        if (target) {
          try { target.focus({ preventScroll: true }); } catch (e) { target.focus(); }
        }
      } else if (returnFocus) {
        button.focus();
      }
    }

    button.addEventListener('click', function () {
      setOpen(!isOpen(), true);
    });

    if (backdrop) {
      backdrop.addEventListener('click', function () { setOpen(false, true); });
    }

    doc.addEventListener('keydown', function (event) {
      if ((event.key === 'Escape' || event.key === 'Esc') && isOpen()) {
        setOpen(false, true);
      }
    });

    sidebar.addEventListener('click', function (event) {
      if (closest(event.target, 'a') && isOpen()) setOpen(false, false);
    });

    onMediaChange(narrow, function (event) {
      if (!event.matches && isOpen()) setOpen(false, false);
    });
  }

  function initNavSections() {
    all('.nav-expander').forEach(function (expander) {
      expander.addEventListener('click', function () {
        var section = closest(expander, '.nav-section');
        if (!section) return;
        var open = !section.classList.contains('is-open');
        section.classList.toggle('is-open', open);
        expander.setAttribute('aria-expanded', open ? 'true' : 'false');
      });
    });

    // Bring the current page into view inside the (independently scrolling) sidebar.
    var sidebar = doc.getElementById('sidebar');
    var current = sidebar && sidebar.querySelector('[aria-current="page"]');
    if (sidebar && current && sidebar.scrollHeight > sidebar.clientHeight) {
      var top = current.getBoundingClientRect().top - sidebar.getBoundingClientRect().top;
      if (top > sidebar.clientHeight * 0.6) {
        sidebar.scrollTop = top - sidebar.clientHeight / 3;
      }
    }
  }

  /* ------------------------------------------------------------------
     3. Copy buttons on code blocks
     ------------------------------------------------------------------ */
  function fallbackCopy(text) {
    var area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.top = '0';
    area.style.left = '-9999px';
    area.style.opacity = '0';
    doc.body.appendChild(area);
    var active = doc.activeElement;
    area.select();
    try { area.setSelectionRange(0, text.length); } catch (e) { /* ignore */ }
    var ok = false;
    try { ok = doc.execCommand('copy'); } catch (e) { ok = false; }
    doc.body.removeChild(area);
    if (active && active.focus) {
      try { active.focus({ preventScroll: true }); } catch (e) { active.focus(); }
    }
    return ok;
  }

  function copyText(text, done) {
    var clip = navigator.clipboard;
    if (clip && typeof clip.writeText === 'function') {
      var promise;
      try { promise = clip.writeText(text); } catch (e) { promise = null; }
      if (promise && typeof promise.then === 'function') {
        promise.then(function () { done(true); }, function () { done(fallbackCopy(text)); });
        return;
      }
    }
    done(fallbackCopy(text));
  }

  function initCopyButtons() {
    doc.addEventListener('click', function (event) {
      var button = closest(event.target, '.copy-button');
      if (!button) return;
      var block = closest(button, '.code-block');
      var code = block && (block.querySelector('pre code') || block.querySelector('pre'));
      if (!code) return;
      var text = code.textContent || '';
      if (!button.hasAttribute('data-label')) button.setAttribute('data-label', button.textContent);
      copyText(text, function (ok) {
        window.clearTimeout(button._copyTimer);
        button.classList.remove('is-copied', 'is-failed');
        button.classList.add(ok ? 'is-copied' : 'is-failed');
        button.textContent = ok ? 'Copied' : 'Press Ctrl+C';
        announce(ok ? 'Copied to clipboard' : 'Copy failed');
        if (!ok) {
          // Leave the code selected so the reader can copy it by hand.
          try {
            var range = doc.createRange();
            range.selectNodeContents(code);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
          } catch (e) { /* ignore */ }
        }
        button._copyTimer = window.setTimeout(function () {
          button.textContent = button.getAttribute('data-label') || 'Copy';
          button.classList.remove('is-copied', 'is-failed');
        }, 1500);
      });
    });
  }

  /* ------------------------------------------------------------------
     4. Compare blocks: tabs (visible on narrow screens only, via CSS)
     ------------------------------------------------------------------ */
  var compareCount = 0;

  function initCompare() {
    all('.compare').forEach(function (compare) {
      var tabs = all('[role="tab"]', compare);
      var panes = all('.compare-pane', compare);
      if (!tabs.length || !panes.length) return;
      var id = 'compare-' + (++compareCount);

      function paneFor(tab, i) {
        var index = parseInt(tab.getAttribute('data-pane'), 10);
        if (isNaN(index)) index = i;
        return panes[index] || null;
      }

      function select(tab, focus) {
        tabs.forEach(function (other, i) {
          var selected = other === tab;
          other.setAttribute('aria-selected', selected ? 'true' : 'false');
          other.setAttribute('tabindex', selected ? '0' : '-1');
          var pane = paneFor(other, i);
          if (pane) pane.classList.toggle('is-active', selected);
        });
        if (focus) tab.focus();
      }

      var initial = null;
      tabs.forEach(function (tab, i) {
        tab.setAttribute('type', 'button');
        if (!tab.id) tab.id = id + '-tab-' + i;
        var pane = paneFor(tab, i);
        if (pane) {
          if (!pane.id) pane.id = id + '-pane-' + i;
          tab.setAttribute('aria-controls', pane.id);
          pane.setAttribute('aria-labelledby', tab.id);
        }
        if (!initial && tab.getAttribute('aria-selected') === 'true') initial = tab;
        tab.addEventListener('click', function () { select(tab, false); });
        tab.addEventListener('keydown', function (event) {
          var index = tabs.indexOf(tab);
          var next = null;
          if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = tabs[(index + 1) % tabs.length];
          else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = tabs[(index - 1 + tabs.length) % tabs.length];
          else if (event.key === 'Home') next = tabs[0];
          else if (event.key === 'End') next = tabs[tabs.length - 1];
          if (next) {
            event.preventDefault();
            select(next, true);
          }
        });
      });
      select(initial || tabs[0], false);
    });
  }

  /* ------------------------------------------------------------------
     5. Tables: let the header stick when the table needs no scrolling
     ------------------------------------------------------------------ */
  function initTables() {
    var wraps = all('.table-wrap');
    if (!wraps.length) return;

    function updateEdge(wrap) {
      var more = !wrap.classList.contains('fits') &&
        wrap.scrollLeft + wrap.clientWidth < wrap.scrollWidth - 2;
      wrap.classList.toggle('more-right', more);
    }

    wraps.forEach(function (wrap) {
      wrap.addEventListener('scroll', function () { updateEdge(wrap); }, { passive: true });
    });

    function measure() {
      wraps.forEach(function (wrap) {
        var table = wrap.querySelector('table');
        if (!table) return;
        wrap.classList.remove('fits');
        var fits = table.scrollWidth <= wrap.clientWidth + 1;
        wrap.classList.toggle('fits', fits);
        updateEdge(wrap);
        if (fits) {
          wrap.removeAttribute('tabindex');
          wrap.removeAttribute('role');
          wrap.removeAttribute('aria-label');
        } else {
          // A scrollable region must be reachable from the keyboard.
          wrap.setAttribute('tabindex', '0');
          wrap.setAttribute('role', 'region');
          var caption = table.querySelector('caption');
          wrap.setAttribute('aria-label', caption ? caption.textContent : 'Table (scrolls sideways)');
        }
      });
    }

    measure();
    var timer = null;
    window.addEventListener('resize', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(measure, 120);
    });
  }

  /* ------------------------------------------------------------------
     6. TOC scroll-spy
     ------------------------------------------------------------------ */
  function initScrollSpy() {
    var links = all('.toc-list a[href^="#"]');
    if (!links.length || !('IntersectionObserver' in window)) return;

    var byId = {};
    var headings = [];
    links.forEach(function (link) {
      var id;
      try { id = decodeURIComponent(link.getAttribute('href').slice(1)); } catch (e) { id = link.getAttribute('href').slice(1); }
      if (!id) return;
      if (!byId[id]) {
        var heading = doc.getElementById(id);
        if (!heading) return;
        byId[id] = [];
        headings.push(heading);
      }
      byId[id].push(link);
    });
    if (!headings.length) return;

    var visible = {};
    var currentId = null;

    function headerOffset() {
      var header = doc.querySelector('.site-header');
      return (header ? header.getBoundingClientRect().height : 0) + 24;
    }

    function setCurrent(id) {
      if (id === currentId) return;
      if (currentId && byId[currentId]) {
        byId[currentId].forEach(function (link) {
          link.classList.remove('is-current');
          link.removeAttribute('aria-current');
        });
      }
      currentId = id;
      if (id && byId[id]) {
        byId[id].forEach(function (link) {
          link.classList.add('is-current');
          link.setAttribute('aria-current', 'location');
        });
      }
    }

    function update() {
      // First heading (in document order) inside the observed band wins;
      // otherwise the last heading that has scrolled above it.
      for (var i = 0; i < headings.length; i++) {
        if (visible[headings[i].id]) {
          setCurrent(headings[i].id);
          return;
        }
      }
      var offset = headerOffset();
      var candidate = null;
      for (var j = 0; j < headings.length; j++) {
        if (headings[j].getBoundingClientRect().top - offset <= 1) candidate = headings[j].id;
        else break;
      }
      setCurrent(candidate);
    }

    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        visible[entry.target.id] = entry.isIntersecting;
      });
      update();
    }, {
      rootMargin: '-' + Math.round(headerOffset()) + 'px 0px -65% 0px',
      threshold: [0, 1]
    });

    headings.forEach(function (heading) { observer.observe(heading); });
  }

  /* ------------------------------------------------------------------
     Start
     ------------------------------------------------------------------ */
  function start() {
    var steps = [initTheme, initMenu, initNavSections, initCopyButtons, initCompare, initTables, initScrollSpy];
    for (var i = 0; i < steps.length; i++) {
      try { steps[i](); } catch (e) {
        if (window.console && console.error) console.error(e);
      }
    }
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start);
  else start();
})();
