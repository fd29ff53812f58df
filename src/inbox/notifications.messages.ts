import { defineMessages } from '@formatjs/intl';

/** The words of the notifications page (English source; German in de.json). */
export const m = defineMessages({
  title: { id: 'inbox.notifications.title', defaultMessage: 'Notifications' },
  markAllRead: { id: 'inbox.notifications.markAllRead', defaultMessage: 'Mark all read' },
  empty: {
    id: 'inbox.notifications.empty',
    defaultMessage:
      'Nothing yet. You hear here when a conversation is assigned to you or a teammate @-mentions you in a note.',
  },
  kind: {
    id: 'inbox.notifications.kind',
    defaultMessage:
      '{kind, select, assigned {Assigned to you} note_mention {Mentioned in a note} mention {mention} spike {spike} ' +
      'other {{kind}}}',
    description: 'what a notification is about',
  },
});
