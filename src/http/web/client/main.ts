/**
 * The one browser script (bundled by scripts/build-client.ts into client-bundle.generated.json, served
 * from /static with a hashed URL: the CSP allows no inline script). Pages work without it; with it the
 * inbox is live (Server-Sent Events: a changed conversation's row alone is fetched, new ones wait behind a
 * "3 new — show" banner, reply status, who else is viewing or typing), keyboard-driven (j/k/o/x/a/e/r/z, "/"
 * and "?", with Undo toasts; single keys can be turned off in the profile), split into list and conversation
 * on wide screens, and the reply composer counts as the platform does and sends with one idempotency key per
 * composed reply; "Why negative?" under a post loads what decided its label when opened. Every fragment is
 * server-rendered, so every piece of text stays escaped by the server's JSX.
 */
import { conversation } from './conversation';
import { isSingleKey, meta, singleKeys } from './dom';
import { inboxList } from './inbox-list';
import { helpButton } from './keyboard-help';
import { similarIdeas, unreadBadge } from './side-panels';
import { whyDisclosures } from './why';

// Single-key shortcuts turned off in the profile (WCAG 2.1.4): no single key reaches any page's handlers, before
// they are added (capture on window); keys with Ctrl, ⌘ or Alt, and typing in fields, are untouched.
if (!singleKeys())
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key.length === 1 && isSingleKey(e)) e.stopImmediatePropagation();
    },
    { capture: true },
  );
helpButton();
if (meta('user-id')) unreadBadge();
similarIdeas();
inboxList();
conversation();
whyDisclosures();
