import { defineMessages } from '@formatjs/intl';

/** The words of Settings > Topics (English source; German in de.json). */
export const topicMessages = defineMessages({
  title: { id: 'topics.settings.title', defaultMessage: 'Topics' },
  empty: {
    id: 'topics.settings.empty',
    defaultMessage: 'No topics yet. A topic is a brand, competitor, product or campaign to listen for.',
  },
  columnTopic: { id: 'topics.settings.column.topic', defaultMessage: 'Topic' },
  columnKind: { id: 'topics.settings.column.kind', defaultMessage: 'Kind' },
  columnQuery: { id: 'topics.settings.column.query', defaultMessage: 'Query' },
  paused: { id: 'topics.settings.paused', defaultMessage: 'paused' },
  kind: {
    id: 'topics.settings.kind',
    defaultMessage:
      '{kind, select, brand {brand} competitor {competitor} product {product} campaign {campaign} other {{kind}}}',
  },
  pause: { id: 'topics.settings.pause', defaultMessage: 'Pause' },
  resume: { id: 'topics.settings.resume', defaultMessage: 'Resume' },
  delete: { id: 'topics.settings.delete', defaultMessage: 'Delete' },
  addHeading: { id: 'topics.settings.addHeading', defaultMessage: 'Track a topic' },
  name: { id: 'topics.settings.form.name', defaultMessage: 'Name' },
  kindLabel: { id: 'topics.settings.form.kind', defaultMessage: 'Kind' },
  query: { id: 'topics.settings.form.query', defaultMessage: 'Query' },
  queryPlaceholder: {
    id: 'topics.settings.form.query.placeholder',
    defaultMessage: 'acme OR "acme cloud" -job #acme @acmehq',
    description: 'an example query: OR, quotes, -, # and @ are its syntax',
  },
  add: { id: 'topics.settings.form.add', defaultMessage: 'Add topic' },
  queryHelp: {
    id: 'topics.settings.form.query.help',
    defaultMessage:
      'Words must all appear; "quoted phrases" appear as written; OR for alternatives; -word excludes; #hashtags ' +
      'and @handles; parentheses group.',
  },
  actions: { id: 'topics.settings.column.actions', defaultMessage: 'Actions' },
  edit: { id: 'topics.settings.edit', defaultMessage: 'Edit' },
  editTitle: { id: 'topics.settings.edit.title', defaultMessage: 'Edit {name}' },
  save: { id: 'topics.settings.edit.save', defaultMessage: 'Save changes' },
  cancel: { id: 'topics.settings.cancel', defaultMessage: 'Cancel' },
  back: { id: 'topics.settings.back', defaultMessage: 'All topics' },
  editQueryNote: {
    id: 'topics.settings.edit.queryNote',
    defaultMessage:
      'A changed query finds posts from the next poll on; mentions already stored keep the topics they have.',
  },
  deleteTitle: { id: 'topics.settings.delete.title', defaultMessage: 'Delete {name}?' },
  deleteExplain: {
    id: 'topics.settings.delete.explain',
    defaultMessage:
      '{count, plural, =0 {No stored mention carries {name} yet.} one {The # mention found for {name} stays in ' +
      'the inbox, contacts and reports, but no longer carries the topic {name}.} other {The # mentions found for ' +
      '{name} stay in the inbox, contacts and reports, but no longer carry the topic {name}.}} Its spike alerts ' +
      'are deleted, and posts are no longer searched for it.',
  },
  deletePauseHint: {
    id: 'topics.settings.delete.pauseHint',
    defaultMessage: 'To stop listening but keep the topic on its mentions, pause it instead.',
  },
  deleteConfirm: { id: 'topics.settings.delete.confirm', defaultMessage: 'Delete topic' },
  pauseInstead: { id: 'topics.settings.delete.pauseInstead', defaultMessage: 'Pause instead' },
  okAdded: {
    id: 'topics.settings.ok.added',
    defaultMessage: 'Topic added. New posts are matched against it from the next poll.',
  },
  okSaved: { id: 'topics.settings.ok.saved', defaultMessage: 'Topic saved.' },
  okPaused: { id: 'topics.settings.ok.paused', defaultMessage: 'Topic paused: posts are no longer searched for it.' },
  okResumed: { id: 'topics.settings.ok.resumed', defaultMessage: 'Topic resumed.' },
  okDeleted: { id: 'topics.settings.ok.deleted', defaultMessage: 'Topic deleted. Its mentions stay.' },
});
