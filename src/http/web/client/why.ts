import { html } from './api';
import { parseFragment } from './dom';
import { say } from './messages';

/**
 * "Why negative?" under a post: opening the disclosure loads what decided the label (once) into its live
 * region, so it is read out when it arrives. Without this script the region's link opens it as a page.
 * Listened for on the document: the thread is swapped in again by live updates.
 */
export function whyDisclosures(): void {
  document.addEventListener(
    'toggle',
    (e) => {
      const details = e.target;
      if (!(details instanceof HTMLDetailsElement) || !details.open) return;
      const url = details.getAttribute('data-why');
      const body = details.querySelector<HTMLElement>('.why-body');
      if (!url || !body || details.hasAttribute('data-loaded')) return;
      details.setAttribute('data-loaded', '');
      void load(url, body, details);
    },
    // toggle does not bubble; the capture phase still passes the document.
    true,
  );
}

async function load(url: string, body: HTMLElement, details: HTMLElement) {
  const fallback = Array.from(body.childNodes);
  body.setAttribute('aria-busy', 'true');
  body.textContent = say('loading');
  const r = await html(`${url}?fragment=1`).catch(() => ({ text: null }));
  body.removeAttribute('aria-busy');
  if (r.text === null) {
    // Tried again on the next opening; the link still leads to the page.
    details.removeAttribute('data-loaded');
    body.replaceChildren(document.createTextNode(`${say('loadFailed')} `), ...fallback);
    return;
  }
  // Server-rendered and escaped; parsed, never run.
  body.replaceChildren(...parseFragment(r.text));
}
