import { api } from './api';
import { parseFragment } from './dom';
import { live } from './live';
import { refresher } from './refresher';

/** The unread notifications badge in the sidebar, kept current while the page is live. */
export function unreadBadge(): void {
  const badge = document.getElementById('unread-count');
  if (!badge) return;
  const update = refresher(async () => {
    const r = await api<{ unread: number }>('GET', '/api/v1/notifications');
    if (!r.ok || !r.json) return;
    badge.textContent = String(r.json.unread);
    badge.hidden = !r.json.unread;
  });
  update();
  live((e) => {
    if (e.type === 'note' || e.type === 'conversation' || e.type === 'resync') update();
  });
}

/** The community's idea form: ideas like the title being typed, before a duplicate is posted. */
export function similarIdeas(): void {
  const input = document.querySelector<HTMLInputElement>('[data-similar-ideas]');
  const box = document.getElementById('similar-ideas');
  if (!input || !box) return;
  const url = input.getAttribute('data-similar-ideas') ?? '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const title = input.value.trim();
      if (title.length < 3 || title === asked) return;
      asked = title;
      const r = await fetch(`${url}?title=${encodeURIComponent(title)}`, { credentials: 'same-origin' });
      // Server-rendered and escaped; parsed, never run.
      box.replaceChildren(...parseFragment(r.ok ? await r.text() : ''));
    }, 250);
  });
}
