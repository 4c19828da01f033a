/*
 * Verbatim search page. The URL is the state: ?q=&speaker=&company=&tag=&site=&year=&from=&to=&sort=&tab=&page=
 * for a search, ?article=ID(&at=START) for an article. Every change is a history entry; Back replays it.
 * API text goes in as text nodes; only the API's snippets (escaped, with <mark>) are parsed, and only <mark> kept.
 */
(function () {
  'use strict';
  var FACETS = ['speaker', 'company', 'tag', 'site', 'year'];
  var FACET_LABELS = { speaker: 'Intervenants', company: 'Entreprises', tag: 'Thèmes', site: 'Sites', year: 'Années' };
  var SIZE = 20;
  var $ = function (id) { return document.getElementById(id); };
  var seq = { search: 0, suggest: 0 };

  // ---- helpers -------------------------------------------------------------------------------

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }

  /** Text and <mark> only, from the API's escaped snippets. A template is inert: nothing in it loads or runs. */
  function marked(html) {
    var t = document.createElement('template');
    var out = document.createDocumentFragment();
    t.innerHTML = html || '';
    t.content.childNodes.forEach(function (n) {
      out.appendChild(n.nodeName === 'MARK' ? el('mark', null, n.textContent) : document.createTextNode(n.textContent));
    });
    return out;
  }

  function safeUrl(u) {
    try {
      var p = new URL(u);
      return p.protocol === 'https:' || p.protocol === 'http:' ? p.href : null;
    } catch (e) {
      return null;
    }
  }

  function day(iso) {
    return iso ? new Date(iso + 'T00:00:00Z').toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : '';
  }

  function plural(n, one, many) { return n.toLocaleString('fr-FR') + ' ' + (n > 1 ? many : one); }

  /** GET from the API; answers to a request that a newer one of the same kind replaced are dropped. */
  function api(kind, path, params) {
    var mine = ++seq[kind];
    return fetch(path + (params ? '?' + params : ''), { headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (!r.ok) throw new Error(body.detail || 'HTTP ' + r.status);
          return body;
        });
      })
      .then(function (body) {
        if (mine !== seq[kind]) throw 'stale';
        return body;
      });
  }

  // ---- state <-> URL ------------------------------------------------------------------------

  function read() {
    var p = new URLSearchParams(location.search);
    var s = { q: p.get('q') || '', from: p.get('from') || '', to: p.get('to') || '', sort: p.get('sort') || '',
      tab: p.get('tab') === 'quotes' ? 'quotes' : 'articles', page: Math.max(1, parseInt(p.get('page'), 10) || 1),
      article: p.get('article'), at: p.get('at'), filters: {} };
    FACETS.forEach(function (f) { s.filters[f] = p.getAll(f); });
    return s;
  }

  function query(s, forApi) {
    var p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    FACETS.forEach(function (f) { s.filters[f].forEach(function (v) { p.append(f, v); }); });
    if (s.from) p.set('from', s.from);
    if (s.to) p.set('to', s.to);
    if (s.sort) p.set('sort', s.sort);
    if (!forApi && s.tab !== 'articles') p.set('tab', s.tab);
    if (s.page > 1) p.set('page', s.page);
    if (forApi) p.set('size', SIZE);
    return p.toString();
  }

  var state = read();

  /** A new history entry for a changed search (back to page 1 unless the page is what changed). */
  function go(change, keepPage) {
    var s = Object.assign({}, state, { article: null, at: null }, change);
    if (!keepPage) s.page = 1;
    var qs = query(s, false);
    history.pushState(null, '', qs ? '?' + qs : location.pathname);
    state = read();
    render();
  }

  window.addEventListener('popstate', function () { state = read(); render(); });

  function render() {
    closeSuggest();
    var showArticle = !!state.article;
    $('searchview').hidden = showArticle;
    $('articleview').hidden = !showArticle;
    if (showArticle) renderArticle(); else renderSearch();
  }

  // ---- search -------------------------------------------------------------------------------

  function renderSearch() {
    var s = state;
    $('q').value = s.q;
    $('from').value = s.from;
    $('to').value = s.to;
    $('sort').value = s.sort || 'relevance';
    document.querySelectorAll('[role=tab]').forEach(function (t) {
      var on = t.dataset.tab === s.tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
    });
    $('results').setAttribute('aria-labelledby', 'tab-' + s.tab);
    document.title = (s.q ? s.q + ' — ' : '') + 'Verbatim';
    $('results').setAttribute('aria-busy', 'true');
    var quotes = s.tab === 'quotes';
    api('search', quotes ? 'api/quotes' : 'api/search', query(s, true)).then(function (data) {
      $('results').removeAttribute('aria-busy');
      status(data, quotes);
      var list = $('hits');
      list.textContent = '';
      data.hits.forEach(function (h) { list.appendChild(quotes ? quoteItem(h) : articleItem(h)); });
      facets(data.facets || {});
      pager(data.total);
    }).catch(function (e) {
      if (e === 'stale') return;
      $('results').removeAttribute('aria-busy');
      $('status').textContent = 'La recherche a échoué : ' + e.message;
      $('hits').textContent = '';
      $('pager').textContent = '';
    });
  }

  function status(data, quotes) {
    var p = $('status');
    p.textContent = data.total ? plural(data.total, quotes ? 'citation' : 'article', quotes ? 'citations' : 'articles') : 'Aucun résultat';
    if (data.suggestion) {
      p.appendChild(document.createTextNode(data.total ? ' — vouliez-vous dire ' : '. Vouliez-vous dire '));
      var a = el('a', { href: '?' + query(Object.assign({}, state, { q: data.suggestion, page: 1 }), false) }, data.suggestion);
      a.addEventListener('click', function (e) { e.preventDefault(); go({ q: data.suggestion }); });
      p.append(a, document.createTextNode(' ?'));
    }
  }

  function articleLink(id, text, at) {
    var a = el('a', { href: '?article=' + encodeURIComponent(id) + (at != null ? '&at=' + at : '') }, text);
    a.addEventListener('click', function (e) {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
      e.preventDefault();
      history.pushState(null, '', a.getAttribute('href'));
      state = read();
      render();
      window.scrollTo(0, 0);
    });
    return a;
  }

  function articleItem(h) {
    var li = el('li', { class: 'hit' });
    var h2 = el('h2');
    h2.appendChild(articleLink(h.id, h.title || h.id));
    li.appendChild(h2);
    li.appendChild(el('div', { class: 'meta' }, [day(h.date), h.site, h.author].filter(Boolean).join(' · ')));
    if (h.speakers && h.speakers.length) li.appendChild(el('div', { class: 'meta who' }, 'Intervenants : ' + h.speakers.join(', ')));
    (h.snippets || []).forEach(function (s) {
      var p = el('p', { class: 'snip' });
      p.appendChild(marked(s));
      li.appendChild(p);
    });
    return li;
  }

  function quoteItem(h) {
    var li = el('li', { class: 'quote' });
    var fig = el('figure');
    var bq = el('blockquote');
    bq.appendChild(h.snippet ? marked(h.snippet) : document.createTextNode(h.text));
    var cap = el('figcaption', { class: 'meta' });
    var who = el('strong', { class: 'speaker' }, h.speaker || 'Anonyme');
    cap.append('— ', who);
    if (h.company) cap.append(' (' + h.company + ')');
    if (h.indirect) cap.append(', propos rapportés');
    if (h.article) {
      cap.append(', dans « ');
      cap.appendChild(articleLink(h.article.id, h.article.title || 'l’article', h.article.start));
      cap.append(' »' + (h.article.date ? ', ' + day(h.article.date) : ''));
    }
    fig.append(bq, cap);
    li.appendChild(fig);
    return li;
  }

  function facets(counts) {
    var box = $('facets');
    box.textContent = '';
    FACETS.forEach(function (name) {
      var chosen = state.filters[name];
      var values = (counts[name] || []).slice();
      chosen.forEach(function (v) {
        if (!values.some(function (f) { return f.value === v; })) values.push({ value: v, count: 0 });
      });
      if (!values.length) return;
      var fs = el('fieldset', { 'data-facet': name });
      fs.appendChild(el('legend', null, FACET_LABELS[name]));
      values.forEach(function (f) {
        var label = el('label', { class: 'opt' });
        var cb = el('input', { type: 'checkbox', value: f.value });
        cb.checked = chosen.indexOf(f.value) >= 0;
        cb.addEventListener('change', function () {
          var next = Object.assign({}, state.filters);
          next[name] = cb.checked ? chosen.concat(f.value) : chosen.filter(function (v) { return v !== f.value; });
          go({ filters: next });
        });
        label.append(cb, el('span', { class: 'value' }, f.value), el('span', { class: 'count' }, String(f.count)));
        fs.appendChild(label);
      });
      box.appendChild(fs);
    });
  }

  function pager(total) {
    var nav = $('pager');
    nav.textContent = '';
    var pages = Math.ceil(total / SIZE);
    if (pages <= 1) return;
    function button(text, page, label) {
      var b = el('button', { type: 'button', 'aria-label': label }, text);
      b.addEventListener('click', function () { go({ page: page }, true); $('results').focus(); });
      nav.appendChild(b);
    }
    if (state.page > 1) button('← Précédente', state.page - 1, 'Page précédente');
    nav.appendChild(el('span', null, 'Page ' + state.page + ' sur ' + pages));
    if (state.page < pages) button('Suivante →', state.page + 1, 'Page suivante');
  }

  // ---- article ------------------------------------------------------------------------------

  function renderArticle() {
    var view = $('articleview');
    view.textContent = '';
    view.setAttribute('aria-busy', 'true');
    api('search', 'api/articles/' + encodeURIComponent(state.article)).then(function (a) {
      view.removeAttribute('aria-busy');
      document.title = (a.title || a.id) + ' — Verbatim';
      var back = el('a', { href: './' }, '← Retour à la recherche');
      back.addEventListener('click', function (e) { if (history.length > 1) { e.preventDefault(); history.back(); } });
      view.appendChild(back);
      view.appendChild(el('h1', null, a.title || a.id));
      var meta = el('p', { class: 'meta' }, [day(a.date), a.site, a.author].filter(Boolean).join(' · '));
      var src = safeUrl(a.url);
      if (src) {
        meta.append(' · ');
        meta.appendChild(el('a', { href: src, rel: 'noopener noreferrer' }, 'article original'));
      }
      view.appendChild(meta);
      view.appendChild(people(a));
      var text = el('div', { class: 'text' });
      text.appendChild(markedText(a.text || '', a.quotes || [], a.speakers || []));
      view.appendChild(text);
      var target = state.at != null && view.querySelector('mark.quote[data-start="' + Number(state.at) + '"]');
      if (target) {
        target.classList.add('target');
        target.tabIndex = -1;
        target.scrollIntoView({ block: 'center' });
        target.focus({ preventScroll: true });
      }
    }).catch(function (e) {
      if (e === 'stale') return;
      view.removeAttribute('aria-busy');
      view.appendChild(el('p', null, 'Article introuvable : ' + e.message));
    });
  }

  function people(a) {
    var box = el('section', { class: 'people', 'aria-label': 'Intervenants et entreprises' });
    if (a.speakers && a.speakers.length) {
      box.appendChild(el('strong', null, 'Intervenants'));
      var ul = el('ul');
      a.speakers.forEach(function (s) {
        ul.appendChild(el('li', null, s.name + [s.role, s.org].filter(Boolean).map(function (x) { return ', ' + x; }).join('')
          + (s.quoted ? ' (cité)' : '')));
      });
      box.appendChild(ul);
    }
    if (a.companies && a.companies.length) {
      box.appendChild(el('strong', null, 'Entreprises'));
      box.appendChild(el('p', null, a.companies.map(function (c) { return c.name; }).join(', ')));
    }
    if (!box.childNodes.length) box.hidden = true;
    return box;
  }

  /** The text as text nodes, quotes (by offset) and speakers' names (outside quotes) in <mark>s. */
  function markedText(text, quotes, speakers) {
    var ranges = quotes.filter(function (q) { return q.start >= 0 && q.end <= text.length && q.start < q.end; })
      .map(function (q) { return { start: q.start, end: q.end, quote: q }; });
    speakers.forEach(function (s) {
      if (!s.name || s.name.length < 3) return;
      for (var i = text.indexOf(s.name); i >= 0; i = text.indexOf(s.name, i + s.name.length)) {
        ranges.push({ start: i, end: i + s.name.length, speaker: s.name });
      }
    });
    ranges.sort(function (a, b) { return a.start - b.start || (a.quote ? -1 : 1); });
    var out = document.createDocumentFragment();
    var at = 0;
    ranges.forEach(function (r) {
      if (r.start < at) return; // overlaps one already marked
      out.appendChild(document.createTextNode(text.slice(at, r.start)));
      var m = el('mark', r.quote
        ? { class: 'quote', 'data-start': r.quote.start, title: 'Citation' + (r.quote.speaker ? ' de ' + r.quote.speaker : '') }
        : { class: 'speaker' }, text.slice(r.start, r.end));
      out.appendChild(m);
      at = r.end;
    });
    out.appendChild(document.createTextNode(text.slice(at)));
    return out;
  }

  // ---- suggestions (WAI-ARIA combobox) --------------------------------------------------------

  var input = $('q');
  var list = $('suggest');
  var active = -1;
  var shown = []; // the suggestions in the list
  var timer = 0;

  function closeSuggest() {
    seq.suggest++;
    list.hidden = true;
    list.textContent = '';
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function activate(i) {
    var items = list.children;
    if (!items.length) return;
    if (items[active]) items[active].setAttribute('aria-selected', 'false');
    active = (i + items.length) % items.length;
    items[active].setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', items[active].id);
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) { closeSuggest(); return; }
    timer = setTimeout(function () {
      api('suggest', 'api/suggest', 'size=8&q=' + encodeURIComponent(q)).then(function (data) {
        list.textContent = '';
        active = -1;
        input.removeAttribute('aria-activedescendant');
        shown = data.suggestions || [];
        shown.forEach(function (s, i) {
          var li = el('li', { role: 'option', id: 'sugg-' + i, 'aria-selected': 'false' });
          li.appendChild(marked(s.highlighted));
          li.appendChild(el('span', { class: 'type' }, { speaker: 'intervenant', company: 'entreprise', title: 'titre' }[s.type] || ''));
          li.addEventListener('mousedown', function (e) { e.preventDefault(); });
          li.addEventListener('click', function () { input.value = s.text; go({ q: s.text }); });
          list.appendChild(li);
        });
        var open = list.children.length > 0 && document.activeElement === input;
        list.hidden = !open;
        input.setAttribute('aria-expanded', String(open));
      }).catch(function () { });
    }, 150);
  });

  input.addEventListener('keydown', function (e) {
    var open = !list.hidden;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && open) {
      e.preventDefault();
      activate(active < 0 && e.key === 'ArrowUp' ? -1 : active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      input.value = shown[active].text;
      go({ q: input.value.trim() });
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      closeSuggest();
    }
  });
  input.addEventListener('blur', function () { setTimeout(closeSuggest, 100); });

  // ---- controls ------------------------------------------------------------------------------

  $('search').addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    go({ q: input.value.trim() });
  });
  $('sort').addEventListener('change', function () { go({ sort: this.value === 'relevance' ? '' : this.value }); });
  $('from').addEventListener('change', function () { go({ from: this.value }); });
  $('to').addEventListener('change', function () { go({ to: this.value }); });
  document.querySelectorAll('[role=tab]').forEach(function (t) {
    t.addEventListener('click', function () { go({ tab: t.dataset.tab }); });
    t.addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      var other = document.querySelector('[role=tab]:not([data-tab="' + t.dataset.tab + '"])');
      other.focus();
      go({ tab: other.dataset.tab });
    });
  });

  render();
})();
