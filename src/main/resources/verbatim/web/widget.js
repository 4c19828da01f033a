/*
 * Verbatim search box for any web page:
 *   <div id="verbatim-search"></div>
 *   <script src="https://SEARCH-HOST/widget.js" data-target="#verbatim-search" async></script>
 * Options (data-* on the script tag): data-placeholder, data-size (results per page, 1-20),
 * data-facets ("off" hides the site/year filters), data-lang ("fr" default, or "en").
 * Lives in a Shadow DOM; defines nothing but window.Verbatim; loads nothing but the API next to it.
 */
(function () {
  'use strict';
  // Only set while this file first runs, so read it now (the script is async).
  var script = document.currentScript;
  var ns = window.Verbatim = window.Verbatim || {};
  if (ns.mount) return; // the tag was pasted twice

  var BASE = new URL('.', (script && script.src) || location.href).href;
  var L = {
    fr: {
      placeholder: 'Rechercher dans les articles…', label: 'Rechercher dans les articles', list: 'Suggestions et résultats',
      suggestions: 'Suggestions', articles: 'Articles', none: 'Aucun résultat', didYouMean: 'Vouliez-vous dire ',
      more: 'Plus de résultats', error: 'La recherche ne répond pas. Réessayez plus tard.', site: 'Site', year: 'Année',
      count: function (n) { return n + (n > 1 ? ' résultats' : ' résultat'); }, locale: 'fr-FR'
    },
    en: {
      placeholder: 'Search the articles…', label: 'Search the articles', list: 'Suggestions and results',
      suggestions: 'Suggestions', articles: 'Articles', none: 'No results', didYouMean: 'Did you mean ',
      more: 'More results', error: 'Search is not answering. Try again later.', site: 'Site', year: 'Year',
      count: function (n) { return n + (n === 1 ? ' result' : ' results'); }, locale: 'en-GB'
    }
  };

  // Pixels, not rem/em: the host page owns the root font size. The wrapper sets every inherited
  // property itself, so nothing the host page sets on the host element leaks in.
  var CSS = ':host{all:initial!important;display:block!important}' +
    '[hidden]{display:none!important}' +
    '.v{all:initial;display:block;box-sizing:border-box;max-width:100%;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;' +
    'color:#1f2328;background:#fff;text-align:left;letter-spacing:normal;word-spacing:normal;text-transform:none;' +
    'visibility:visible;direction:ltr;overflow-wrap:anywhere}' +
    '.v *{box-sizing:border-box;margin:0;padding:0;font:inherit;color:inherit;letter-spacing:inherit}' +
    '.v input{display:block;width:100%;min-height:44px;padding:8px 12px;border:1px solid #8c959f;border-radius:6px;background:#fff;' +
    'font-size:16px;appearance:none;-webkit-appearance:none}' +
    '.v input:focus-visible,.v button:focus-visible,.v a:focus-visible{outline:3px solid #0a58ca;outline-offset:2px}' +
    '.panel{display:block;margin-top:6px;border:1px solid #d0d7de;border-radius:6px;padding:6px;background:#fff}' +
    '.status{display:block;padding:4px 6px;font-size:14px;color:#57606a}' +
    '.grp{display:block;padding:2px 0}.gl{display:block;padding:4px 6px;font-size:12px;text-transform:uppercase;color:#57606a}' +
    '.opt{display:block;padding:8px 6px;border-radius:4px;cursor:pointer}' +
    '.opt[aria-selected=true]{background:#ddf4ff;outline:2px solid #0a58ca;outline-offset:-2px}' +
    '.t{display:inline;font-weight:600;color:#0a3069;text-decoration:underline}' +
    '.m{display:block;font-size:13px;color:#57606a}.s{display:block;font-size:14px}' +
    'mark{background:#fff3b0;color:inherit;font-weight:600}' +
    '.fac{display:flex;flex-wrap:wrap;gap:6px;padding:6px}' +
    '.fac button,.more,.dym{display:inline-block;min-height:32px;padding:4px 10px;border:1px solid #8c959f;border-radius:16px;' +
    'background:#f6f8fa;font-size:13px;cursor:pointer}' +
    '.fac button[aria-pressed=true]{background:#0a58ca;color:#fff;border-color:#0a58ca}' +
    '.dym{border:0;background:none;padding:0;min-height:0;color:#0a3069;text-decoration:underline;font-size:14px}' +
    '.more{display:block;margin:6px auto 2px}';

  var uid = 0;

  /** Text and <mark> only: the API escapes everything else, and this keeps it so. */
  function marked(html) {
    var t = document.createElement('template');
    var out = document.createDocumentFragment();
    t.innerHTML = html || ''; // a template is inert: nothing in it loads or runs
    t.content.childNodes.forEach(function (n) {
      var m = n.nodeName === 'MARK' ? document.createElement('mark') : null;
      if (m) m.textContent = n.textContent;
      out.appendChild(m || document.createTextNode(n.textContent));
    });
    return out;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function safeUrl(u, fallback) {
    try {
      var p = new URL(u);
      return p.protocol === 'https:' || p.protocol === 'http:' ? p.href : fallback;
    } catch (e) {
      return fallback;
    }
  }

  function mount(host, opts) {
    if (!host || host.shadowRoot) return;
    opts = opts || {};
    var t = L[opts.lang] || L.fr;
    var size = Math.min(20, Math.max(1, parseInt(opts.size, 10) || 5));
    var facetsOn = opts.facets !== 'off' && opts.facets !== 'false';
    var id = 'vb' + (++uid);
    var root = host.attachShadow({ mode: 'open' });
    var style = el('style', null, CSS);
    root.appendChild(style);

    var box = el('div', 'v');
    box.lang = opts.lang === 'en' ? 'en' : 'fr';
    var input = el('input');
    input.type = 'search';
    input.placeholder = opts.placeholder || t.placeholder;
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-label', t.label);
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id + '-list');
    var panel = el('div', 'panel');
    panel.hidden = true;
    var status = el('div', 'status');
    status.setAttribute('aria-live', 'polite');
    var list = el('div', 'list');
    list.id = id + '-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', t.list);
    var facets = el('div', 'fac');
    var more = el('button', 'more', t.more);
    more.type = 'button';
    more.hidden = true;
    panel.append(status, list, facets, more);
    box.append(input, panel);
    root.appendChild(box);

    var state = { q: '', filters: {}, suggestions: [], hits: [], total: 0, cursor: null, active: -1 };
    var seq = { suggest: 0, search: 0 };
    var ctl = {};
    var timer = 0;

    function api(kind, path, params) {
      var url = new URL(path, BASE);
      Object.keys(params).forEach(function (k) {
        [].concat(params[k]).forEach(function (v) { if (v != null && v !== '') url.searchParams.append(k, v); });
      });
      var mine = ++seq[kind];
      if (ctl[kind]) ctl[kind].abort();
      ctl[kind] = window.AbortController ? new AbortController() : null;
      return fetch(url.href, { credentials: 'omit', signal: ctl[kind] && ctl[kind].signal })
        .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
        .then(function (data) {
          if (mine !== seq[kind]) throw 'stale'; // a newer request was sent: its answer wins
          return data;
        });
    }

    function options() { return list.querySelectorAll('[role=option]'); }

    function expand(open) {
      open = open && (state.q.length >= 2);
      panel.hidden = !open;
      input.setAttribute('aria-expanded', String(open));
      if (!open) activate(-1);
    }

    function activate(i) {
      var opts = options();
      if (state.active >= 0 && opts[state.active]) opts[state.active].setAttribute('aria-selected', 'false');
      state.active = i < 0 || !opts.length ? -1 : (i + opts.length) % opts.length;
      var o = opts[state.active];
      if (o) {
        o.setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', o.id);
        if (o.scrollIntoView) o.scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function render() {
      list.textContent = '';
      state.active = -1;
      input.removeAttribute('aria-activedescendant');
      var n = 0;
      function group(label, items, make) {
        if (!items.length) return;
        var g = el('div', 'grp');
        g.setAttribute('role', 'group');
        var gl = el('div', 'gl', label);
        gl.id = id + '-g' + (n++);
        gl.setAttribute('role', 'presentation');
        g.setAttribute('aria-labelledby', gl.id);
        g.appendChild(gl);
        items.forEach(function (item, i) {
          var o = make(item, i);
          o.setAttribute('role', 'option');
          o.setAttribute('aria-selected', 'false');
          g.appendChild(o);
        });
        list.appendChild(g);
      }
      group(t.suggestions, state.suggestions, function (s, i) {
        var o = el('div', 'opt sug');
        o.id = id + '-s' + i;
        o.appendChild(marked(s.highlighted));
        o.addEventListener('click', function () { choose(s.text); });
        return o;
      });
      group(t.articles, state.hits, function (h, i) {
        var o = el('div', 'opt hit');
        o.id = id + '-r' + i;
        var a = el('a', 't', h.title || h.url || h.id);
        a.id = o.id + '-t';
        a.href = safeUrl(h.url, BASE + '?article=' + encodeURIComponent(h.id));
        a.tabIndex = -1; // the combobox moves through results; links stay out of the tab order
        o.setAttribute('aria-labelledby', a.id);
        var meta = [];
        if (h.date) meta.push(new Date(h.date + 'T00:00:00Z').toLocaleDateString(t.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
        if (h.site) meta.push(h.site);
        var s = el('div', 's');
        (h.snippets || []).slice(0, 2).forEach(function (snip, k) {
          if (k) s.appendChild(document.createTextNode(' … '));
          s.appendChild(marked(snip));
        });
        o.append(a, el('div', 'm', meta.join(' · ')), s);
        o.addEventListener('click', function (e) { if (e.target !== a) location.href = a.href; });
        return o;
      });
      more.hidden = !state.cursor;
    }

    function renderStatus(data) {
      status.textContent = data.total ? t.count(data.total) : t.none;
      if (data.suggestion) {
        status.appendChild(document.createTextNode(data.total ? ' — ' + t.didYouMean : '. ' + t.didYouMean));
        var b = el('button', 'dym', data.suggestion);
        b.type = 'button';
        b.addEventListener('click', function () { choose(data.suggestion); });
        status.append(b, document.createTextNode(' ?'));
      }
    }

    function renderFacets(data) {
      facets.textContent = '';
      if (!facetsOn) return;
      ['site', 'year'].forEach(function (name) {
        var chosen = state.filters[name] || [];
        ((data.facets && data.facets[name]) || []).slice(0, 6).forEach(function (f) {
          var on = chosen.indexOf(f.value) >= 0;
          var b = el('button', null, f.value + ' (' + f.count + ')');
          b.type = 'button';
          b.setAttribute('aria-pressed', String(on));
          b.setAttribute('aria-label', t[name] + ' ' + f.value + ', ' + t.count(f.count));
          b.addEventListener('click', function () {
            state.filters[name] = on ? chosen.filter(function (v) { return v !== f.value; }) : chosen.concat(f.value);
            search(false);
          });
          facets.appendChild(b);
        });
      });
    }

    function params(cursor) {
      var p = { q: state.q, size: size, cursor: cursor };
      Object.keys(state.filters).forEach(function (k) { p[k] = state.filters[k]; });
      return p;
    }

    function search(append) {
      if (state.q.length < 2) return;
      api('search', 'api/search', params(append ? state.cursor : null)).then(function (data) {
        state.hits = append ? state.hits.concat(data.hits) : data.hits;
        state.total = data.total;
        state.cursor = data.next_cursor;
        var keep = state.active;
        render();
        if (append) activate(keep);
        renderStatus(data);
        renderFacets(data);
        expand(document.activeElement === host || append || !panel.hidden);
      }).catch(fail);
    }

    function suggest() {
      if (state.q.length < 2) return;
      api('suggest', 'api/suggest', { q: state.q, size: 5 }).then(function (data) {
        state.suggestions = data.suggestions || [];
        render();
        expand(document.activeElement === host);
      }).catch(fail);
    }

    function fail(e) {
      if (e === 'stale' || (e && e.name === 'AbortError')) return;
      status.textContent = t.error;
    }

    function choose(text) {
      input.value = text;
      state.q = text.trim();
      state.suggestions = [];
      clearTimeout(timer);
      search(false);
      input.focus();
    }

    input.addEventListener('input', function () {
      state.q = input.value.trim();
      state.filters = {};
      clearTimeout(timer);
      if (state.q.length < 2) {
        seq.suggest++; // answers still on their way are now stale
        seq.search++;
        state.suggestions = [];
        state.hits = [];
        state.cursor = null;
        render();
        status.textContent = '';
        expand(false);
        return;
      }
      timer = setTimeout(function () { suggest(); search(false); }, 180);
    });

    input.addEventListener('keydown', function (e) {
      var opts = options();
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (panel.hidden) { expand(true); if (panel.hidden) return; }
        activate(state.active < 0 && e.key === 'ArrowUp' ? opts.length - 1 : state.active + (e.key === 'ArrowDown' ? 1 : -1));
      } else if (e.key === 'Enter') {
        e.preventDefault();
        var o = opts[state.active];
        if (o && o.classList.contains('sug')) choose(state.suggestions[state.active].text);
        else if (o) location.href = o.querySelector('a').href;
        else { clearTimeout(timer); state.suggestions = []; search(false); }
      } else if (e.key === 'Escape') {
        if (!panel.hidden) expand(false);
        else { input.value = ''; state.q = ''; }
        e.preventDefault();
      }
    });
    input.addEventListener('focus', function () { if (state.hits.length || state.suggestions.length || status.textContent) expand(true); });
    more.addEventListener('click', function () { search(true); });
    // Options take clicks without taking focus from the box.
    list.addEventListener('mousedown', function (e) { e.preventDefault(); });
    document.addEventListener('click', function (e) {
      if (e.composedPath().indexOf(host) < 0) expand(false);
    });
  }

  ns.mount = mount;

  function start() {
    var d = (script && script.dataset) || {};
    var target = d.target ? document.querySelector(d.target) : null;
    if (!target && d.target && document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', start);
      return;
    }
    if (!target) {
      target = document.createElement('div');
      if (script && script.parentNode) script.parentNode.insertBefore(target, script.nextSibling);
      else return;
    }
    mount(target, { placeholder: d.placeholder, size: d.size, facets: d.facets, lang: d.lang });
  }
  if (script) start();
})();
