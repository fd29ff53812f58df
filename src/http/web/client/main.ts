/**
 * The one browser script (bundled by scripts/build-client.ts into client-bundle.generated.json, served
 * from /static with a hashed URL: the CSP allows no inline script). Pages work without it; with it the
 * inbox is live (Server-Sent Events: a changed conversation's row alone is fetched, reply status, who
 * else is viewing or typing), keyboard-driven (j/k/o/x/a/e/r, "/" and "?"), and the reply composer
 * counts as the platform does and sends with one idempotency key per composed reply; "Why negative?" under a
 * post loads what decided its label when opened. Every fragment
 * is server-rendered, so every piece of text stays escaped by the server's JSX.
 */
import { conversation } from './conversation';
import { meta } from './dom';
import { inboxList } from './inbox-list';
import { helpButton } from './keyboard-help';
import { similarIdeas, unreadBadge } from './side-panels';
import { whyDisclosures } from './why';

helpButton();
if (meta('user-id')) unreadBadge();
similarIdeas();
inboxList();
conversation();
whyDisclosures();
