import { defineMessages } from '@formatjs/intl';

/** The words of Settings > Saved replies (English source; German in de.json). */
export const savedReplyMessages = defineMessages({
  title: { id: 'inbox.savedReplies.title', defaultMessage: 'Saved replies' },
  okSaved: { id: 'inbox.savedReplies.ok.saved', defaultMessage: 'Saved reply saved.' },
  okDeleted: { id: 'inbox.savedReplies.ok.deleted', defaultMessage: 'Saved reply deleted.' },
  empty: {
    id: 'inbox.savedReplies.empty',
    defaultMessage: 'No saved replies yet. Save the answers you give often; insert them from the reply composer.',
  },
  variables: {
    id: 'inbox.savedReplies.variables',
    defaultMessage: 'Variables filled in per conversation:',
    description: 'followed by the variables, such as {{first_name}}',
  },
  columnName: { id: 'inbox.savedReplies.column.name', defaultMessage: 'Name' },
  columnReply: { id: 'inbox.savedReplies.column.reply', defaultMessage: 'Reply' },
  columnFor: { id: 'inbox.savedReplies.column.for', defaultMessage: 'For', description: 'who may use a saved reply' },
  forTeam: { id: 'inbox.savedReplies.for.team', defaultMessage: 'team' },
  forMe: { id: 'inbox.savedReplies.for.me', defaultMessage: 'only me' },
  edit: { id: 'inbox.savedReplies.edit', defaultMessage: 'Edit' },
  delete: { id: 'inbox.savedReplies.delete', defaultMessage: 'Delete' },
  editHeading: { id: 'inbox.savedReplies.editHeading', defaultMessage: 'Edit “{name}”' },
  newHeading: { id: 'inbox.savedReplies.newHeading', defaultMessage: 'Save a reply' },
  name: { id: 'inbox.savedReplies.form.name', defaultMessage: 'Name' },
  namePlaceholder: { id: 'inbox.savedReplies.form.name.placeholder', defaultMessage: 'Order delayed' },
  body: { id: 'inbox.savedReplies.form.body', defaultMessage: 'Reply' },
  bodyPlaceholder: {
    id: 'inbox.savedReplies.form.body.placeholder',
    defaultMessage: 'Hi {firstName}, sorry about the wait! DM us your order number. {agentFirstName}',
    description: 'an example reply; the arguments are the variables {{first_name}} and {{agent_first_name}}',
  },
  share: { id: 'inbox.savedReplies.form.share', defaultMessage: 'Share with the whole team' },
  save: { id: 'inbox.savedReplies.form.save', defaultMessage: 'Save' },
  saveNew: { id: 'inbox.savedReplies.form.saveNew', defaultMessage: 'Save reply' },
  cancel: { id: 'inbox.savedReplies.form.cancel', defaultMessage: 'Cancel' },
});
