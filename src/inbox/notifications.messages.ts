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

/**
 * What a notification says, one message a kind: a notice keeps its values and is put in words in the reader's
 * language when shown (notification-text.ts). A note that @-mentions someone is shown as its author wrote it.
 */
export const noticeWords = defineMessages({
  assigned: {
    id: 'inbox.notice.assigned',
    defaultMessage:
      '{by, select, rule {A routing rule assigned a conversation to you} other {A conversation was assigned to you}}',
    description: 'by is rule when a routing rule assigned it',
  },
  sourceStopped: {
    id: 'inbox.notice.sourceStopped',
    defaultMessage: '{platform} source "{name}" stopped: {reason}',
    description: 'reason is the platform’s own answer, as it gave it',
  },
  sourceExpiry: {
    id: 'inbox.notice.sourceExpiry',
    defaultMessage:
      '{platform} source "{name}" {ended, select, yes {stopped: its access ended} ' +
      'other {needs reconnecting soon: its access ends}} on {date}: reconnect it to keep listening',
    description: 'a source whose sign-in runs out; ended is yes once it has',
  },
  spike: {
    id: 'inbox.notice.spike',
    defaultMessage:
      '{named, select, yes {Spike on {topic}} other {Spike on a topic}}: {volume, plural, one {# mention} ' +
      'other {# mentions}} in the last hour (usually {usual}), {negative} negative',
    description: 'usual is the hourly baseline; negative the share of negative mentions (42%)',
  },
});
