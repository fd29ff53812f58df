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
});
