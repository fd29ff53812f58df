import { api, swapFrom } from './api';
import { isTyping, meta } from './dom';
import { openHelp } from './keyboard-help';
import { live } from './live';
import { count as formatCount, say } from './messages';
import { type Presence, presenceLines } from './presence';
import { refresher } from './refresher';

interface ReplyAnswer {
  length: number;
  limit: number;
}
// crypto.randomUUID exists only in secure contexts (HTTPS, localhost): a plain-http address on a LAN has none.
const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
const errorOf = (json: unknown) => (json as { error?: { message?: string } } | null)?.error?.message;

/** One conversation: live thread and triage, presence, the composer that counts as the platform does. */
export function conversation(): void {
  const root = document.getElementById('conversation');
  if (!root) return;
  const me = meta('user-id');
  const csrf = meta('csrf-token');
  const id = root.getAttribute('data-conversation-id') ?? '';
  const base = `/api/v1/conversations/${id}`;
  // The region being worked in (the triage form holding the focus) is left as the person has it.
  const refresh = refresher(() =>
    swapFrom(location.pathname, ['conv-meta', 'thread', 'triage', 'author-card'], ['triage']),
  );

  const present = new Map<string, Presence>();
  const renderPresence = () => {
    const el = document.getElementById('presence');
    if (!el) return;
    const lines = presenceLines(present, Date.now(), { typing: say('typing'), viewing: say('viewing') });
    el.textContent = lines.join(' · ');
    el.classList.toggle('active', lines.length > 0);
  };
  setInterval(renderPresence, 5000);
  live((e) => {
    if (e.type === 'presence') {
      if (e.conversationId !== id || e.userId === me) return;
      present.set(e.userId, { name: e.name, state: e.state, at: Date.now() });
      renderPresence();
      return;
    }
    if (
      e.type === 'resync' ||
      (e.type === 'conversation' && e.id === id) ||
      ((e.type === 'reply' || e.type === 'note') && e.conversationId === id)
    )
      refresh();
  });

  let state: Presence['state'] = 'viewing';
  let lastSent = 0;
  const announce = (s: Presence['state'], force = false) => {
    if (!force && s === state && Date.now() - lastSent < 12_000) return;
    state = s;
    lastSent = Date.now();
    void fetch(`${base}/presence`, {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf ?? '' },
      body: JSON.stringify({ state: s }),
    }).catch(() => {});
  };
  announce('viewing', true);
  setInterval(() => {
    if (document.visibilityState === 'visible') announce(state, true);
  }, 15_000);
  window.addEventListener('pagehide', () => announce('left', true));

  composer(base, id, refresh, announce);

  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && isTyping(e.target)) {
      (e.target as HTMLElement).blur();
      return;
    }
    if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
    switch (e.key) {
      case 'r': {
        const text = document.getElementById('reply-text');
        if (!text) return;
        text.focus();
        break;
      }
      case 'a': {
        const sel = document.getElementById('assignee-select');
        if (!sel) return;
        sel.focus();
        break;
      }
      case 'e':
        void api('PATCH', base, { status: 'closed' }).then(refresh);
        break;
      case '/':
        location.href = '/inbox#search';
        break;
      case 'u':
        location.href = '/inbox';
        break;
      case '?':
        openHelp();
        break;
      default:
        return;
    }
    e.preventDefault();
  });
}

/** The reply composer: counts as the platform does (the server asks twitter-text), sends once per key. */
function composer(
  base: string,
  conversationId: string,
  refresh: () => void,
  announce: (s: Presence['state'], force?: boolean) => void,
) {
  const form = document.getElementById('reply-form') as HTMLFormElement | null;
  const text = document.getElementById('reply-text') as HTMLTextAreaElement | null;
  const count = document.getElementById('reply-count');
  const sendBtn = document.getElementById('reply-send') as HTMLButtonElement | null;
  const errorBox = document.getElementById('reply-error');
  // "280 characters allowed", as the server worded it in the viewer's language: shown again for an empty draft.
  const allowed = count?.textContent ?? '';
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const showError = (msg: string) => {
    if (!errorBox) return;
    errorBox.textContent = msg;
    errorBox.hidden = !msg;
  };
  const recount = () => {
    if (!text || !count) return;
    clearTimeout(countTimer);
    countTimer = setTimeout(() => {
      const draft = text.value;
      if (!draft) {
        count.textContent = allowed;
        count.classList.remove('over');
        return;
      }
      void api<ReplyAnswer>('POST', `${base}/replies/check`, { text: draft }).then((r) => {
        if (!r.ok || !r.json || text.value !== draft) return;
        count.textContent = `${formatCount(r.json.length)} / ${formatCount(r.json.limit)}`;
        count.classList.toggle('over', r.json.length > r.json.limit);
      });
    }, 120);
  };
  if (text) {
    text.addEventListener('input', () => {
      recount();
      announce('typing');
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => announce('viewing', true), 6000);
    });
    recount();
    if (location.hash === '#reply') text.focus();
  }
  let sending = false;
  form?.addEventListener('submit', (e) => {
    e.preventDefault();
    // A second click while the first is on its way is the same reply: it is not sent again.
    if (sending || !text || !sendBtn) return;
    const fields = form.elements as unknown as Record<string, HTMLInputElement | undefined>;
    const key = fields.idempotencyKey?.value ?? '';
    const body: { text: string; inReplyTo?: string } = { text: text.value };
    if (fields.inReplyTo?.value) body.inReplyTo = fields.inReplyTo.value;
    sending = true;
    sendBtn.disabled = true;
    showError('');
    api('POST', `${base}/replies`, body, { 'Idempotency-Key': key })
      .then(
        (r) => {
          if (r.status === 202) {
            text.value = '';
            if (fields.idempotencyKey) fields.idempotencyKey.value = newKey();
            recount();
            announce('viewing', true);
            refresh();
          } else {
            showError(errorOf(r.json) ?? say('replyNotQueued', { status: r.status }));
          }
        },
        () => showError(say('offline')),
      )
      .finally(() => {
        sending = false;
        sendBtn.disabled = false;
      });
  });
  const saved = document.getElementById('saved-reply-form') as HTMLFormElement | null;
  if (saved && text)
    saved.addEventListener('submit', (e) => {
      e.preventDefault();
      const pick = (saved.elements as unknown as Record<string, HTMLSelectElement>).saved;
      void api<{ text: string }>('POST', `/api/v1/saved-replies/${pick?.value ?? ''}/render`, { conversationId }).then(
        (r) => {
          if (!r.ok || !r.json) {
            showError(errorOf(r.json) ?? say('savedReplyFailed'));
            return;
          }
          const at = text.selectionStart || text.value.length;
          text.value = text.value.slice(0, at) + r.json.text + text.value.slice(text.selectionEnd || at);
          text.focus();
          recount();
        },
      );
    });
}
