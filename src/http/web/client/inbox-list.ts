import { api, html, swapFrom } from './api';
import { $, $$, afterTriage, isSingleKey, meta, parseFragment, singleKeys } from './dom';
import { liveStep, nextOpen, type RowState, undoPatch } from './inbox-logic';
import { openHelp } from './keyboard-help';
import { live } from './live';
import { say } from './messages';
import { refresher } from './refresher';
import { type SplitView, splitView } from './split-view';
import { toast, undoLast } from './toast';

/** How long the tab counts may lag behind while events flow: they are the costly part of the page. */
const COUNTS_EVERY_MS = 30_000;

const rowState = (row: HTMLElement): RowState => ({
  status: row.getAttribute('data-status') ?? 'open',
  assigneeId: row.getAttribute('data-assignee') || null,
  snoozedUntil: row.getAttribute('data-snoozed-until') || null,
});
const subjectOf = (row: HTMLElement) => {
  const text = (row.querySelector('.conv-subject')?.textContent ?? '').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};
// Links, buttons and disclosures keep Enter for themselves.
const isControl = (t: EventTarget | null) => Boolean((t as Element | null)?.closest?.('a, button, summary, label'));

/**
 * The inbox list: keyboard (with Undo toasts for `a` and `e`), select-all, live rows (only the row that changed
 * is fetched; new conversations wait behind a "3 new — show" banner so nothing moves under the reader), and on
 * wide screens the split view, where `o` opens the selected conversation beside the list and `e` closes it and
 * opens the next.
 */
export function inboxList(): void {
  if (!document.getElementById('inbox-list')) return;
  const me = meta('user-id');
  let selectedId: string | null = null;
  const rows = () => $$('[data-testid="conversation-row"]');
  const ids = () => rows().map((r) => r.getAttribute('data-id') ?? '');
  const rowOf = (id: string) => rows().find((r) => r.getAttribute('data-id') === id) ?? null;
  const current = () => (selectedId ? rowOf(selectedId) : null);
  const select = (row: HTMLElement | null) => {
    for (const r of rows()) r.classList.toggle('kbd-selected', r === row);
    if (!row) return;
    selectedId = row.getAttribute('data-id');
    row.scrollIntoView({ block: 'nearest' });
  };
  const move = (step: number) => {
    const all = rows();
    if (!all.length) return;
    const here = current();
    const i = here ? all.indexOf(here) : -1;
    select(all[Math.max(0, Math.min(all.length - 1, i < 0 ? 0 : i + step))] ?? null);
  };

  // The order the person saw when a conversation opened: what "next" means after it leaves.
  let order: string[] = [];
  const split: SplitView | null = splitView((id) => {
    if (!id) return;
    order = ids();
    const row = rowOf(id);
    if (row && selectedId !== id) select(row);
  });
  const inPane = () => (split?.current() ? split : null);

  // New conversations held back until the person asks for them.
  const held = new Set<string>();
  const banner = document.querySelector<HTMLButtonElement>('[data-action="show-new"]');
  const showBanner = () => {
    if (!banner) return;
    banner.hidden = held.size === 0;
    banner.textContent = held.size === 1 ? say('newOne') : say('newMany', { count: held.size });
  };

  // The whole list and tabs, as the page renders them: after a resync, on "show", and for the counts now and then.
  const refreshAll = refresher(async () => {
    const checked = $$<HTMLInputElement>('input[name="ids"]:checked').map((c) => c.value);
    await swapFrom(location.href, onFirstPage() ? ['inbox-tabs', 'inbox-list'] : ['inbox-tabs']);
    held.clear();
    showBanner();
    for (const id of checked) {
      const c = $<HTMLInputElement>(`input[name="ids"][value="${id}"]`);
      if (c) c.checked = true;
    }
    if (selectedId) select(current());
    const open = split?.current();
    if (open) rowOf(open)?.classList.add('open');
  });
  const refreshCounts = refresher(() => swapFrom(`/inbox/tabs${location.search}`, ['inbox-tabs']), COUNTS_EVERY_MS);

  // One changed conversation: its row alone, placed where this view's order puts it without pushing rows
  // (see liveStep). Answers for one id may come back out of order: only the newest asked for counts.
  const asked = new Map<string, number>();
  // Rows the person brought back with Undo: they return at once, whichever answer (theirs, the event's) is newest.
  const restored = new Set<string>();
  const updateRow = async (id: string, undo = false) => {
    if (undo) restored.add(id);
    refreshCounts();
    if (!onFirstPage() && !rowOf(id)) return;
    const turn = (asked.get(id) ?? 0) + 1;
    asked.set(id, turn);
    const search = new URLSearchParams(location.search);
    search.delete('open');
    const query = search.toString();
    const res = await html(`/inbox/rows/${id}${query ? `?${query}` : ''}`);
    if (asked.get(id) !== turn) return;
    const after = res.headers.get('Inbox-Row-After');
    // Only "not on this page" (204) or "not yours" (404) removes a row; anything else unexpected (an
    // error, the login page of an ended session) redraws the list as the page renders it.
    if (res.status !== 204 && res.status !== 404 && (res.text === null || after === null)) throw new Error('row');
    const answer = { status: res.status, after: after || null };
    const present = ids();
    const direct = restored.has(id);
    // On the first page, a neighbour this tab does not show yet is one whose own event is still on its way.
    if (answer.status === 200 && answer.after !== null && !present.includes(answer.after) && onFirstPage()) {
      if (!direct && !present.includes(id) && present.length > 0) {
        held.add(id);
        showBanner();
        return;
      }
      return refreshAll();
    }
    const where = liveStep(present, id, answer, direct);
    if (where.kind === 'hold') {
      held.add(id);
      showBanner();
      return;
    }
    if (held.delete(id)) showBanner();
    if (where.kind === 'insert' || where.kind === 'replace') restored.delete(id);
    const old = rowOf(id);
    const wasChecked = old ? ($<HTMLInputElement>('input[name="ids"]', old)?.checked ?? false) : false;
    if (where.kind === 'remove' || where.kind === 'insert') {
      if (old && selectedId === id && where.kind === 'remove') {
        // The selection moves on rather than vanishing with its row.
        const all = rows();
        const i = all.indexOf(old);
        select(all[i + 1] ?? all[i - 1] ?? null);
        if (selectedId === id) selectedId = null;
      }
      old?.remove();
    }
    if (where.kind === 'replace' || where.kind === 'insert' || where.kind === 'stay') {
      const [row] = parseFragment(res.text ?? '').filter((n): n is HTMLElement => n instanceof HTMLElement);
      if (!row) return;
      if (where.kind === 'insert') insertRow(row, where.after);
      else old?.replaceWith(row);
      const box = $<HTMLInputElement>('input[name="ids"]', row);
      if (box) box.checked = wasChecked;
      if (selectedId === id) select(row);
      if (split?.current() === id) row.classList.add('open');
    }
  };
  const onFirstPage = () => document.getElementById('inbox-list')?.getAttribute('data-first-page') === 'true';
  // After a key's change, when no live stream will bring its event (the stream is down).
  const afterChange = (id: string) => {
    if (document.documentElement.getAttribute('data-live') !== 'ready') void updateRow(id).catch(() => refreshAll());
  };
  const insertRow = (row: HTMLElement, after: string | null) => {
    const ol = $('[data-testid="conversations"]');
    if (!ol) {
      refreshAll();
      return;
    }
    const prev = after ? rowOf(after) : null;
    if (prev) prev.after(row);
    else ol.prepend(row);
  };

  live((e) => {
    if (e.type === 'resync') refreshAll();
    else if (e.type === 'conversation') void updateRow(e.id).catch(() => refreshAll());
  });
  banner?.addEventListener('click', () => {
    const first = held.values().next().value;
    refreshAll();
    // The banner goes once they are in: the focus moves on to the first of them rather than to nowhere.
    let tries = 0;
    const land = () => {
      const row = first ? rowOf(first) : null;
      if (row) row.querySelector<HTMLElement>('.conv-subject')?.focus();
      else if (held.size && ++tries < 30) setTimeout(land, 100);
    };
    setTimeout(land, 200);
  });

  /** A conversation left the list by the person's hand: the next opens in the pane, or the list comes back. */
  const leave = (id: string) => {
    if (!split || split.current() !== id) return;
    const next = afterTriage() === 'next' ? nextOpen(order, id, ids()) : null;
    if (next) void split.open(next);
    else split.close();
  };
  // The conversation script says so when its own triage (close, assign away, snooze) took it off the list.
  document.addEventListener('conversation:left', (e) => {
    const id = (e as CustomEvent<{ id?: string }>).detail?.id;
    if (id) leave(id);
  });

  /** `e` and `a`: the change, then a toast whose Undo puts back what was there through the same API. */
  const change = (row: HTMLElement, kind: 'close' | 'assign') => {
    const id = row.getAttribute('data-id') ?? '';
    const before = rowState(row);
    const subject = subjectOf(row);
    const patch = kind === 'close' ? { status: 'closed' } : { assigneeId: me };
    void api('PATCH', `/api/v1/conversations/${id}`, patch).then(
      (r) => {
        if (!r.ok) {
          toast(say('changeFailed', { status: r.status }));
          return;
        }
        afterChange(id);
        toast(say(kind === 'close' ? 'closed' : 'assigned', { subject }), async () => {
          const back = await api('PATCH', `/api/v1/conversations/${id}`, undoPatch(before, kind));
          if (back.ok) {
            // Its row comes back where it was, at once: the person asked for it.
            await updateRow(id, true).catch(() => refreshAll());
            if (kind === 'close' && split?.wide() && split.current() !== null) void split.open(id);
          }
          return back;
        });
      },
      () => toast(say('offlineShort')),
    );
    if (kind === 'close') {
      if (inPane()?.current() === id) leave(id);
      else if (selectedId === id) move(1);
    }
  };

  document.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement;
    if (t.matches?.('[data-action="select-all"]')) {
      for (const c of $$<HTMLInputElement>('input[name="ids"]')) c.checked = t.checked;
    }
  });
  // A subject clicked on a wide screen opens beside the list (a modified click still opens a tab). Listened for
  // on the document: a refresh swaps the list for a new one.
  document.addEventListener('click', (e) => {
    const link = (e.target as Element | null)?.closest?.('#inbox-list a.conv-subject');
    const row = link?.closest<HTMLElement>('[data-testid="conversation-row"]');
    if (!link || !row || !split?.wide() || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    select(row);
    void split.open(row.getAttribute('data-id') ?? '', { focus: true });
  });
  if (location.hash === '#search') $('[data-shortcut="search"]')?.focus();
  if (!singleKeys()) return;

  // Listened for before the conversation script's own keys (capture on window): in the split view the list's
  // keys win, and the pane's conversation does not act on the same key again.
  window.addEventListener(
    'keydown',
    (e) => {
      if (!isSingleKey(e) || document.querySelector('dialog[open]')) return;
      const row = current();
      const open = inPane()?.current() ?? null;
      switch (e.key) {
        case 'j':
          move(1);
          break;
        case 'k':
          move(-1);
          break;
        case 'o':
        case 'Enter': {
          if (!row || (e.key === 'Enter' && isControl(e.target))) return;
          const href = row.getAttribute('data-href') ?? '/inbox';
          if (split?.wide()) void split.open(row.getAttribute('data-id') ?? '', { focus: true });
          else location.href = href;
          break;
        }
        case 'Escape':
          if (!open || !split) return;
          split.close();
          break;
        case 'r':
          // In the split view the pane's own `r` focuses its composer.
          if (open || !row) return;
          location.href = `${row.getAttribute('data-href')}#reply`;
          break;
        case 'x': {
          const c = row ? $<HTMLInputElement>('input[name="ids"]', row) : null;
          if (c) c.checked = !c.checked;
          break;
        }
        case 'a': {
          const target = row ?? (open ? rowOf(open) : null);
          if (!target || !me) return;
          change(target, 'assign');
          break;
        }
        case 'e': {
          // In the split view `e` closes the conversation being read; else the selected row.
          const target = open ? rowOf(open) : row;
          if (!target) return;
          change(target, 'close');
          break;
        }
        case 'z':
          if (!undoLast()) return;
          break;
        case '/':
          $('[data-shortcut="search"]')?.focus();
          break;
        case '?':
          openHelp();
          break;
        default:
          return;
      }
      e.preventDefault();
      e.stopPropagation();
    },
    { capture: true },
  );
}
