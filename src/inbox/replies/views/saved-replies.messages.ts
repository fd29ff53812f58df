import { defineMessages } from '@formatjs/intl';

/** What Settings > Saved replies says before deleting one (English source; German in de.json). */
export const savedReplyDeleteWords = defineMessages({
  confirm: { id: 'inbox.savedReplies.delete.confirm', defaultMessage: 'Yes, delete {name}' },
  explain: {
    id: 'inbox.savedReplies.delete.explain',
    defaultMessage:
      '{shared, select, yes {Nobody in the team can insert {name} any more.} other {You can no longer insert ' +
      '{name}.}} Replies already sent with it stay as they were.',
  },
});
