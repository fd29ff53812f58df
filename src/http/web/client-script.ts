/**
 * The one browser script, served from /static with a hashed URL (the CSP allows no inline script).
 * Pages work without it; with it the inbox is live (Server-Sent Events: new conversations, reply
 * status, who else is viewing or typing), keyboard-driven (j/k/o/x/a/e/r, "/" and "?"), and the
 * reply composer counts as the platform does (asking the server, which uses twitter-text) and
 * sends through the API with one idempotency key per composed reply. Fragments are swapped from
 * pages the server rendered, so every piece of text stays escaped by the server's JSX.
 * Kept as a string so the Worker bundle carries it; plain ES2020, no build step.
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var meta = function (name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  };
  var csrf = meta('csrf-token');
  var me = meta('user-id');
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };

  function api(method, path, body, headers) {
    var h = { 'Accept': 'application/json' };
    if (csrf) h['X-CSRF-Token'] = csrf;
    if (body !== undefined) h['Content-Type'] = 'application/json';
    for (var k in headers || {}) h[k] = headers[k];
    return fetch(path, {
      method: method,
      headers: h,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (res) {
      if (res.status === 204) return { ok: true, status: 204, json: null };
      return res.json().catch(function () { return null; }).then(function (json) {
        return { ok: res.ok, status: res.status, json: json };
      });
    });
  }

  // Fetches a page the server renders and swaps the named regions in, keeping what the person is doing.
  function swapFrom(url, ids) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } }).then(function (res) {
      if (!res.ok) return null;
      return res.text().then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        ids.forEach(function (id) {
          var now = document.getElementById(id);
          var next = doc.getElementById(id);
          if (!now || !next) return;
          if (now.contains(document.activeElement) && id === 'triage') return;
          now.replaceWith(document.importNode(next, true));
        });
        return doc;
      });
    });
  }

  // One refresh at a time; events during one ask for one more after it.
  function refresher(run) {
    var running = false, again = false, timer = null;
    function go() {
      timer = null;
      if (running) { again = true; return; }
      running = true;
      Promise.resolve(run()).catch(function () {}).then(function () {
        running = false;
        if (again) { again = false; schedule(); }
      });
    }
    function schedule() { if (!timer) timer = setTimeout(go, 150); }
    return schedule;
  }

  var listeners = [];
  function live(fn) {
    listeners.push(fn);
    if (listeners.length > 1 || typeof EventSource === 'undefined') return;
    var source = new EventSource('/api/v1/live');
    ['conversation', 'reply', 'note', 'presence', 'ready'].forEach(function (type) {
      source.addEventListener(type, function (e) {
        var data = {};
        try { data = JSON.parse(e.data); } catch (err) { return; }
        // Whatever happened between the page being rendered (or the connection dropping) and
        // this subscription is fetched once.
        if (type === 'ready') {
          document.documentElement.setAttribute('data-live', 'ready');
          listeners.forEach(function (l) { l({ type: 'resync' }); });
          return;
        }
        listeners.forEach(function (l) { l(data); });
      });
    });
    source.onerror = function () { document.documentElement.setAttribute('data-live', 'reconnecting'); };
    document.documentElement.setAttribute('data-live', 'connecting');
  }

  function typing(e) {
    var t = e.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  function openHelp() {
    var d = document.getElementById('keyboard-help');
    if (d && !d.open) d.showModal();
  }
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('[data-action="help"]');
    if (b) openHelp();
  });

  // ---- The inbox list ----
  function inboxList() {
    var list = document.getElementById('inbox-list');
    if (!list) return;
    var selectedId = null;
    var rows = function () { return $$('[data-testid="conversation-row"]'); };
    function select(row) {
      rows().forEach(function (r) {
        r.classList.toggle('kbd-selected', r === row);
        r.removeAttribute('aria-current');
      });
      if (!row) return;
      row.setAttribute('aria-current', 'true');
      selectedId = row.getAttribute('data-id');
      row.scrollIntoView({ block: 'nearest' });
    }
    function current() {
      return rows().filter(function (r) { return r.getAttribute('data-id') === selectedId; })[0] || null;
    }
    function move(step) {
      var all = rows();
      if (!all.length) return;
      var i = all.indexOf(current());
      select(all[Math.max(0, Math.min(all.length - 1, i < 0 ? 0 : i + step))]);
    }
    var refresh = refresher(function () {
      var checked = $$('input[name="ids"]:checked').map(function (c) { return c.value; });
      var firstPage = document.getElementById('inbox-list').getAttribute('data-first-page') === 'true';
      return swapFrom(location.href, firstPage ? ['inbox-tabs', 'inbox-list'] : ['inbox-tabs']).then(function () {
        checked.forEach(function (id) { var c = $('input[name="ids"][value="' + id + '"]'); if (c) c.checked = true; });
        if (selectedId) select(current());
      });
    });
    live(function (e) { if (e.type === 'conversation' || e.type === 'resync') refresh(); });

    document.addEventListener('change', function (e) {
      if (e.target.matches && e.target.matches('[data-action="select-all"]')) {
        $$('input[name="ids"]').forEach(function (c) { c.checked = e.target.checked; });
      }
    });
    if (location.hash === '#search') { var s = $('[data-shortcut="search"]'); if (s) s.focus(); }

    document.addEventListener('keydown', function (e) {
      if (e.metaKey || e.ctrlKey || e.altKey || typing(e)) return;
      var row = current();
      var id = row && row.getAttribute('data-id');
      switch (e.key) {
        case 'j': move(1); break;
        case 'k': move(-1); break;
        case 'o': case 'Enter': if (row) location.href = row.getAttribute('data-href'); else return; break;
        case 'r': if (row) location.href = row.getAttribute('data-href') + '#reply'; else return; break;
        case 'x': if (row) { var c = $('input[name="ids"]', row); if (c) c.checked = !c.checked; } break;
        case 'a': if (id && me) api('PATCH', '/api/v1/conversations/' + id, { assigneeId: me }).then(refresh); break;
        case 'e':
          if (id) api('PATCH', '/api/v1/conversations/' + id, { status: 'closed' }).then(function () {
            move(1);
            refresh();
          });
          break;
        case '/': var s = $('[data-shortcut="search"]'); if (s) s.focus(); break;
        case '?': openHelp(); break;
        default: return;
      }
      e.preventDefault();
    });
  }

  // ---- One conversation ----
  function conversation() {
    var root = document.getElementById('conversation');
    if (!root) return;
    var id = root.getAttribute('data-conversation-id');
    var base = '/api/v1/conversations/' + id;

    var refresh = refresher(function () {
      return swapFrom(location.pathname, ['conv-meta', 'thread', 'triage', 'author-card']);
    });

    // Who else is here: a presence older than 30 s is gone.
    var present = {};
    function renderPresence() {
      var el = document.getElementById('presence');
      if (!el) return;
      var now = Date.now();
      var lines = [];
      Object.keys(present).forEach(function (uid) {
        var p = present[uid];
        if (now - p.at > 30000 || p.state === 'left') { delete present[uid]; return; }
        lines.push(p.name + (p.state === 'typing' ? ' is typing a reply…' : ' is viewing'));
      });
      el.textContent = lines.join(' · ');
      el.classList.toggle('active', lines.length > 0);
    }
    setInterval(renderPresence, 5000);
    live(function (e) {
      if (e.type === 'presence') {
        if (e.conversationId !== id || e.userId === me) return;
        present[e.userId] = { name: e.name, state: e.state, at: Date.now() };
        renderPresence();
        return;
      }
      if (
        e.type === 'resync' ||
        (e.type === 'conversation' && e.id === id) ||
        ((e.type === 'reply' || e.type === 'note') && e.conversationId === id)
      ) refresh();
    });
    var state = 'viewing', lastSent = 0, idleTimer = null;
    function announce(s, force) {
      if (!force && s === state && Date.now() - lastSent < 12000) return;
      state = s;
      lastSent = Date.now();
      fetch(base + '/presence', {
        method: 'POST',
        keepalive: true,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf || '' },
        body: JSON.stringify({ state: s })
      }).catch(function () {});
    }
    announce('viewing', true);
    setInterval(function () { if (document.visibilityState === 'visible') announce(state, true); }, 15000);
    window.addEventListener('pagehide', function () { announce('left', true); });

    // The composer.
    var form = document.getElementById('reply-form');
    var text = document.getElementById('reply-text');
    var count = document.getElementById('reply-count');
    var sendBtn = document.getElementById('reply-send');
    var errorBox = document.getElementById('reply-error');
    var limit = form ? Number(form.getAttribute('data-limit')) : 0;
    var countTimer = null;
    function showError(msg) { if (!errorBox) return; errorBox.textContent = msg || ''; errorBox.hidden = !msg; }
    function recount() {
      if (!text || !count) return;
      clearTimeout(countTimer);
      countTimer = setTimeout(function () {
        var draft = text.value;
        if (!draft) { count.textContent = limit + ' characters allowed'; count.classList.remove('over'); return; }
        api('POST', base + '/replies/check', { text: draft }).then(function (r) {
          if (!r.ok || text.value !== draft) return;
          count.textContent = r.json.length + ' / ' + r.json.limit;
          count.classList.toggle('over', r.json.length > r.json.limit);
        });
      }, 120);
    }
    if (text) {
      text.addEventListener('input', function () {
        recount();
        announce('typing');
        clearTimeout(idleTimer);
        idleTimer = setTimeout(function () { announce('viewing', true); }, 6000);
      });
      recount();
      if (location.hash === '#reply') text.focus();
    }
    var sending = false;
    if (form) form.addEventListener('submit', function (e) {
      e.preventDefault();
      // A second click while the first is on its way is the same reply: it is not sent again.
      if (sending) return;
      var key = form.elements.idempotencyKey.value;
      var body = { text: text.value };
      var target = form.elements.inReplyTo;
      if (target && target.value) body.inReplyTo = target.value;
      sending = true;
      sendBtn.disabled = true;
      showError('');
      api('POST', base + '/replies', body, { 'Idempotency-Key': key }).then(function (r) {
        if (r.status === 202) {
          text.value = '';
          form.elements.idempotencyKey.value =
            (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
          recount();
          announce('viewing', true);
          refresh();
        } else {
          showError(
            (r.json && r.json.error && r.json.error.message) || 'The reply could not be queued (' + r.status + ').'
          );
        }
      }, function () {
        showError('Could not reach the server. Your reply is still here: send it again (it will not be posted twice).');
      }).then(function () { sending = false; sendBtn.disabled = false; });
    });
    var saved = document.getElementById('saved-reply-form');
    if (saved && text) saved.addEventListener('submit', function (e) {
      e.preventDefault();
      var path = '/api/v1/saved-replies/' + saved.elements.saved.value + '/render';
      api('POST', path, { conversationId: id }).then(function (r) {
        if (!r.ok) {
          showError((r.json && r.json.error && r.json.error.message) || 'Could not fill that saved reply in.');
          return;
        }
        var at = text.selectionStart || text.value.length;
        text.value = text.value.slice(0, at) + r.json.text + text.value.slice(text.selectionEnd || at);
        text.focus();
        recount();
      });
    });

    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && typing(e)) { e.target.blur(); return; }
      if (e.metaKey || e.ctrlKey || e.altKey || typing(e)) return;
      switch (e.key) {
        case 'r': if (text) text.focus(); else return; break;
        case 'a': var sel = document.getElementById('assignee-select'); if (sel) sel.focus(); else return; break;
        case 'e': api('PATCH', base, { status: 'closed' }).then(refresh); break;
        case '/': location.href = '/inbox#search'; break;
        case 'u': location.href = '/inbox'; break;
        case '?': openHelp(); break;
        default: return;
      }
      e.preventDefault();
    });
  }

  // The unread notifications badge in the sidebar, kept current while the page is live.
  function unreadBadge() {
    var badge = document.getElementById('unread-count');
    if (!badge) return;
    var update = refresher(function () {
      return api('GET', '/api/v1/notifications').then(function (r) {
        if (!r.ok) return;
        badge.textContent = String(r.json.unread);
        badge.hidden = !r.json.unread;
      });
    });
    update();
    live(function (e) { if (e.type === 'note' || e.type === 'conversation' || e.type === 'resync') update(); });
  }

  // The community's idea form: ideas like the title being typed, before a duplicate is posted.
  function similarIdeas() {
    var input = document.querySelector('[data-similar-ideas]');
    var box = document.getElementById('similar-ideas');
    if (!input || !box) return;
    var url = input.getAttribute('data-similar-ideas');
    var timer = null, asked = '';
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var title = input.value.trim();
        if (title.length < 3 || title === asked) return;
        asked = title;
        fetch(url + '?title=' + encodeURIComponent(title), { credentials: 'same-origin' }).then(function (r) {
          return r.ok ? r.text() : '';
        }).then(function (html) {
          // Server-rendered and escaped; parsed, never run.
          var doc = new DOMParser().parseFromString('<div>' + html + '</div>', 'text/html');
          var nodes = Array.prototype.slice.call(doc.body.firstChild.childNodes);
          box.replaceChildren.apply(box, nodes.map(function (n) { return document.importNode(n, true); }));
        });
      }, 250);
    });
  }

  if (me) unreadBadge();
  similarIdeas();
  inboxList();
  conversation();
})();
`;
