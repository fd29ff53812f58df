import { defineMessages } from '@formatjs/intl';
import type { Translator } from '../../core/i18n/translator';
import { useT } from './i18n';

/**
 * The words the browser script (./client) shows, handed to it in the viewer's language: the page shell
 * renders them from the catalogue into one JSON block (`#client-messages`), and the script reads them there
 * (client/messages.ts). A message with a `{name}` keeps it as a slot the script fills; counts the script
 * shows come from the server already worded (the composer's "280 characters allowed").
 */
const m = defineMessages({
  replyNotQueued: {
    id: 'web.client.replyNotQueued',
    defaultMessage: 'The reply could not be queued ({status}).',
    description: 'status is the HTTP status of the answer (500)',
  },
  offline: {
    id: 'web.client.offline',
    defaultMessage:
      'Could not reach the server. Your reply is still here: send it again (it will not be posted twice).',
  },
  savedReplyFailed: { id: 'web.client.savedReplyFailed', defaultMessage: 'Could not fill that saved reply in.' },
  typing: {
    id: 'web.client.typing',
    defaultMessage: '{name} is typing a reply…',
    description: 'a teammate on the same conversation',
  },
  viewing: {
    id: 'web.client.viewing',
    defaultMessage: '{name} is viewing',
    description: 'a teammate on the same conversation',
  },
  saved: { id: 'web.client.saved', defaultMessage: 'Saved.', description: 'beside a triage control, once changed' },
  notSaved: { id: 'web.client.notSaved', defaultMessage: 'Could not reach the server: not saved. Try again.' },
  overLimit: {
    id: 'web.client.overLimit',
    defaultMessage: 'Too long for the platform: shorten the reply to send it.',
    description: 'under the reply composer, while the reply is over the platform’s length limit',
  },
  loading: { id: 'web.client.loading', defaultMessage: 'Loading…' },
  newOne: {
    id: 'web.client.newOne',
    defaultMessage: '1 new conversation — show',
    description: 'banner over the inbox list; clicking it shows the conversation that arrived',
  },
  newMany: {
    id: 'web.client.newMany',
    defaultMessage: '{count} new conversations — show',
    description: 'banner over the inbox list (count is 2 or more); clicking it shows them',
  },
  closed: { id: 'web.client.closed', defaultMessage: 'Closed “{subject}”.', description: 'a toast after the e key' },
  assigned: {
    id: 'web.client.assigned',
    defaultMessage: 'Assigned “{subject}” to you.',
    description: 'a toast after the a key',
  },
  changeFailed: { id: 'web.client.changeFailed', defaultMessage: 'Could not change it ({status}).' },
  undo: { id: 'web.client.undo', defaultMessage: 'Undo', description: 'button in a toast' },
  undone: { id: 'web.client.undone', defaultMessage: 'Undone.' },
  undoFailed: { id: 'web.client.undoFailed', defaultMessage: 'Could not undo it ({status}).' },
  offlineShort: { id: 'web.client.offlineShort', defaultMessage: 'Could not reach the server.' },
  loadFailed: {
    id: 'web.client.loadFailed',
    defaultMessage: 'Could not load this.',
    description: 'followed by a link that opens it as a page',
  },
});

/** What the script may say; its `{slots}` are filled in the browser. */
export type ClientMessageKey = keyof typeof m;

/** The id of the JSON block in the page. */
export const CLIENT_MESSAGES_ID = 'client-messages';

// Each slot's name, as a value: the message comes out with `{name}` where the browser puts the name.
const SLOTS = { status: '{status}', name: '{name}', count: '{count}', subject: '{subject}' };

/** The script's words in a translator's language. */
export function clientMessages(translator: Translator): Record<ClientMessageKey, string> {
  const out = {} as Record<ClientMessageKey, string>;
  for (const key of Object.keys(m) as ClientMessageKey[]) out[key] = translator.t(m[key], SLOTS);
  return out;
}

/**
 * The block in the page: JSON, which browsers keep as data (the CSP's "no inline script" is not about
 * it). `<` is written as \u003c, so no text in it can end the element.
 */
export function ClientMessages() {
  const json = JSON.stringify(clientMessages(useT())).replace(/</g, '\\u003c');
  return <script type="application/json" id={CLIENT_MESSAGES_ID} dangerouslySetInnerHTML={{ __html: json }} />;
}
