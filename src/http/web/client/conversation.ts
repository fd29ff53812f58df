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
/** What the triage route answers the script: where to go next, or what went wrong. */
interface TriageAnswer {
  saved?: boolean;
  left?: boolean;
  next?: string | null;
  location?: string;
  error?: { message?: string };
}
// crypto.randomUUID exists only in secure contexts (HTTPS, localhost): a plain-http address on a LAN has none.
const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
const errorOf = (json: unknown) => (json as { error?: { message?: string } } | null)?.error?.message;

/** The parts of the page a refresh fetches again. */
const REGIONS = ['conv-meta', 'thread', 'triage', 'author-card'];

/** The conversation's element: `root` itself, or the one inside it. */
function paneIn(root: ParentNode): HTMLElement | null {
  if (root instanceof HTMLElement && root.id === 'conversation-pane') return root;
  return root.querySelector<HTMLElement>('#conversation-pane');
}

/**
 * One conversation: live thread and triage, presence, triage controls that save as they are chosen, the
 * composer that counts as the platform does. Works inside `root` only (the whole page, or the inbox's split
 * view), and returns what stops it: its live subscription, timers and listeners outside the conversation.
 * A change that takes the conversation out of the person's list is announced as `conversation:left` on the
 * document; on its own page the script then follows the server to the next conversation (or the list).
 */
export function conversation(root: ParentNode = document): () => void {
  const pane = paneIn(root);
  if (!pane) return () => {};
  const inSplit = pane.closest('#split-pane') !== null;
  const me = meta('user-id');
  const csrf = meta('csrf-token');
  const id = pane.getAttribute('data-conversation-id') ?? '';
  const base = `/api/v1/conversations/${id}`;
  const page = `/inbox/c/${id}`;
  const stops: (() => void)[] = [];
  let disposed = false;
  // The region being worked in (the triage control holding the focus) is left as the person has it.
  const refresh = refresher(() => (disposed ? null : swapFrom(page, REGIONS, ['triage'], pane)));

  const present = new Map<string, Presence>();
  const renderPresence = () => {
    const el = pane.querySelector('#presence');
    if (!el) return;
    const lines = presenceLines(present, Date.now(), { typing: say('typing'), viewing: say('viewing') });
    el.textContent = lines.join(' · ');
    el.classList.toggle('active', lines.length > 0);
  };
  const presenceTimer = setInterval(renderPresence, 5000);
  stops.push(() => clearInterval(presenceTimer));
  stops.push(
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
    }),
  );

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
  const presenceBeat = setInterval(() => {
    if (document.visibilityState === 'visible') announce(state, true);
  }, 15_000);
  const leave = () => announce('left', true);
  window.addEventListener('pagehide', leave);
  stops.push(() => {
    clearInterval(presenceBeat);
    window.removeEventListener('pagehide', leave);
    leave();
  });

  stops.push(triage(pane, { id, inSplit, refresh }));
  stops.push(composer(pane, { base, conversationId: id, inSplit, refresh, announce }));

  const keys = (e: KeyboardEvent) => shortcut(e, pane, inSplit);
  document.addEventListener('keydown', keys);
  stops.push(() => document.removeEventListener('keydown', keys));

  return () => {
    if (disposed) return;
    disposed = true;
    for (const stop of stops) stop();
  };
}

/**
 * The conversation's single-key shortcuts (none when the person turned them off on their profile, WCAG 2.1.4).
 * In the split view the list has the keyboard: only `r` (reply) is the conversation's there.
 */
function shortcut(e: KeyboardEvent, pane: HTMLElement, inSplit: boolean): void {
  if (e.key === 'Escape' && isTyping(e.target)) {
    (e.target as HTMLElement).blur();
    return;
  }
  if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target) || meta('keyboard-shortcuts') === 'off') return;
  if (!pane.isConnected || (inSplit && e.key !== 'r')) return;
  switch (e.key) {
    case 'r': {
      const text = pane.querySelector<HTMLElement>('#reply-text');
      if (!text) return;
      text.focus();
      break;
    }
    case 'a': {
      const sel = pane.querySelector<HTMLElement>('[data-triage="assignee"] select');
      if (!sel) return;
      sel.focus();
      break;
    }
    case 'e': {
      // The Close button: the same way as a click (saved, then the next conversation opens).
      const close = pane.querySelector<HTMLButtonElement>('[data-shortcut="close"]');
      if (!close) return;
      close.click();
      break;
    }
    case '/':
      location.href = '/inbox#search';
      break;
    case 'u':
      location.href = document.querySelector<HTMLAnchorElement>('a[data-shortcut="back"]')?.href ?? '/inbox';
      break;
    case '?':
      openHelp();
      break;
    default:
      return;
  }
  e.preventDefault();
}

/** Notices of the page's last form ("Saved.", "Reply queued") go once something newer happened. */
function clearNotices(pane: HTMLElement, inSplit: boolean): void {
  for (const el of Array.from(pane.querySelectorAll('.flash.ok'))) el.remove();
  if (inSplit) return;
  const url = new URL(location.href);
  if (!url.searchParams.has('ok')) return;
  url.searchParams.delete('ok');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}

/** A form's current choices become what it "came with": a refresh may replace it again (api.ts `edited`). */
function settle(form: HTMLFormElement): void {
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLSelectElement) for (const o of Array.from(el.options)) o.defaultSelected = o.selected;
    else if (el instanceof HTMLInputElement && el.type !== 'hidden') el.defaultValue = el.value;
  }
}

/**
 * The triage controls: each is a form of its own. A select sends itself when changed, any of them is sent
 * without leaving the page, and its status says "Saved." or what went wrong. Listened for on the conversation,
 * so the controls a refresh swaps in work too. The snooze menu closes with Escape or a click elsewhere, as a
 * menu does. Returns what stops the listener outside the conversation.
 */
function triage(pane: HTMLElement, ctx: { id: string; inSplit: boolean; refresh: () => void }): () => void {
  pane.setAttribute('data-triage-live', '');
  let stale = false;
  const menu = () => pane.querySelector<HTMLDetailsElement>('details.snooze-menu[open]');
  pane.addEventListener('keydown', (e) => {
    const open = menu();
    if (e.key !== 'Escape' || !open?.contains(e.target as Node)) return;
    open.open = false;
    open.querySelector<HTMLElement>('summary')?.focus();
    e.stopPropagation();
  });
  const outside = (e: MouseEvent) => {
    const open = menu();
    if (open && !open.contains(e.target as Node)) open.open = false;
  };
  document.addEventListener('click', outside);
  pane.addEventListener('change', (e) => {
    const field = e.target as HTMLElement;
    if (!field.matches?.('[data-autosubmit]')) return;
    (field as HTMLSelectElement).form?.requestSubmit();
  });
  pane.addEventListener('submit', (e) => {
    const form = (e.target as Element).closest<HTMLFormElement>('form[data-triage]');
    if (!form) return;
    e.preventDefault();
    void send(form, e.submitter);
  });
  // What the live refresh left alone while a control had the focus is fetched once the focus moves on.
  pane.addEventListener('focusout', (e) => {
    const region = pane.querySelector('#triage');
    if (!stale || !region || region.contains(e.relatedTarget as Node | null)) return;
    stale = false;
    ctx.refresh();
  });

  async function send(form: HTMLFormElement, submitter: HTMLElement | null) {
    if (form.getAttribute('aria-busy') === 'true') return;
    const status = form.querySelector<HTMLElement>('[data-status]');
    for (const other of Array.from(pane.querySelectorAll<HTMLElement>('[data-status]'))) {
      other.textContent = '';
      other.classList.remove('error-text');
    }
    const body = new URLSearchParams();
    for (const [k, v] of new FormData(form, submitter)) if (typeof v === 'string') body.append(k, v);
    form.setAttribute('aria-busy', 'true');
    const said = (text: string, error = false) => {
      if (!status) return;
      status.textContent = text;
      status.classList.toggle('error-text', error);
    };
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          Accept: 'application/json',
          'Accept-Language': document.documentElement.lang,
          'X-CSRF-Token': meta('csrf-token') ?? '',
        },
        body,
      });
      const json = (await res.json().catch(() => null)) as TriageAnswer | null;
      if (!res.ok || !json?.saved) {
        said(json?.error?.message ?? say('notSaved'), true);
        return;
      }
      clearNotices(pane, ctx.inSplit);
      settle(form);
      said(say('saved'));
      if (json.left) {
        document.dispatchEvent(new CustomEvent('conversation:left', { detail: { id: ctx.id, next: json.next } }));
        // In the split view the list opens the next one; on its own page the server said where to go.
        if (!ctx.inSplit && json.location) location.assign(json.location);
        return;
      }
      stale = true;
      ctx.refresh();
    } catch {
      said(say('notSaved'), true);
    } finally {
      form.removeAttribute('aria-busy');
    }
  }
  return () => document.removeEventListener('click', outside);
}

/**
 * The reply composer: counts as the platform does (the server asks twitter-text), cannot be sent while over
 * the platform's limit (the server refuses it too), sends once per key. Returns what stops its timers.
 */
function composer(
  pane: HTMLElement,
  ctx: {
    base: string;
    conversationId: string;
    inSplit: boolean;
    refresh: () => void;
    announce: (s: Presence['state'], force?: boolean) => void;
  },
): () => void {
  const { base, conversationId, refresh, announce } = ctx;
  const form = pane.querySelector<HTMLFormElement>('#reply-form');
  const text = pane.querySelector<HTMLTextAreaElement>('#reply-text');
  const count = pane.querySelector<HTMLElement>('#reply-count');
  const over = pane.querySelector<HTMLElement>('#reply-over');
  const sendBtn = pane.querySelector<HTMLButtonElement>('#reply-send');
  const errorBox = pane.querySelector<HTMLElement>('#reply-error');
  // "280 characters allowed", as the server worded it in the viewer's language: shown again for an empty draft.
  const allowed = count?.textContent ?? '';
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let tooLong = false;
  let sending = false;
  const showError = (msg: string) => {
    if (!errorBox) return;
    errorBox.textContent = msg;
    errorBox.hidden = !msg;
  };
  const setOver = (value: boolean) => {
    tooLong = value;
    count?.classList.toggle('over', value);
    // Said once on the way over (a live region), not again with each key.
    const words = value ? say('overLimit') : '';
    if (over && over.textContent !== words) over.textContent = words;
    if (sendBtn) sendBtn.disabled = value || sending;
  };
  const recount = () => {
    if (!text || !count) return;
    clearTimeout(countTimer);
    countTimer = setTimeout(() => {
      const draft = text.value;
      if (!draft) {
        count.textContent = allowed;
        setOver(false);
        return;
      }
      void api<ReplyAnswer>('POST', `${base}/replies/check`, { text: draft }).then((r) => {
        if (!r.ok || !r.json || text.value !== draft) return;
        count.textContent = `${formatCount(r.json.length)} / ${formatCount(r.json.limit)}`;
        setOver(r.json.length > r.json.limit);
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
    if (!ctx.inSplit && location.hash === '#reply') text.focus();
  }
  form?.addEventListener('submit', (e) => {
    e.preventDefault();
    // A second click while the first is on its way is the same reply: it is not sent again; one over the
    // limit is not sent at all (Enter in a field would otherwise send it past the disabled button).
    if (sending || tooLong || !text || !sendBtn) return;
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
            clearNotices(pane, ctx.inSplit);
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
        sendBtn.disabled = tooLong;
      });
  });
  const saved = pane.querySelector<HTMLFormElement>('#saved-reply-form');
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
  return () => {
    clearTimeout(countTimer);
    clearTimeout(idleTimer);
  };
}
