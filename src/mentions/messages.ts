import { defineMessages } from '@formatjs/intl';

/** The words of the mention stream (English source; German in de.json). */
export const m = defineMessages({
  title: { id: 'mentions.list.title', defaultMessage: 'Mentions' },
  conversations: {
    id: 'mentions.list.conversations',
    defaultMessage: 'Conversations',
    description: 'link back to the conversation inbox',
  },
  search: { id: 'mentions.list.search', defaultMessage: 'Search', description: 'label of the search box' },
  searchHint: {
    id: 'mentions.list.searchHint',
    defaultMessage: 'words, "phrases", -exclusions',
    description: 'placeholder of the search box: the quotes and the minus are the search syntax',
  },
  topic: { id: 'mentions.list.topic', defaultMessage: 'Topic' },
  allTopics: { id: 'mentions.list.allTopics', defaultMessage: 'All topics' },
  platform: { id: 'mentions.list.platform', defaultMessage: 'Platform' },
  allPlatforms: { id: 'mentions.list.allPlatforms', defaultMessage: 'All platforms' },
  filter: { id: 'mentions.list.filter', defaultMessage: 'Filter', description: 'button' },
  refresh: { id: 'mentions.list.refresh', defaultMessage: 'Refresh' },
  range: {
    id: 'mentions.list.range',
    defaultMessage:
      '{sentiment, select, positive {positive mentions} negative {negative mentions} neutral {neutral mentions} ' +
      'unscored {unscored mentions} other {Mentions}}' +
      '{range, select, both { from {from} to {to}} from { from {from}} to { to {to}} other {}} (UTC)',
    description: 'the filters a report linked here with; range is both, from, to or none; from and to are days',
  },
  inLanguage: { id: 'mentions.list.inLanguage', defaultMessage: ', in {language}', description: 'a language code' },
  fromSources: { id: 'mentions.list.fromSources', defaultMessage: ', from {sources}' },
  source: {
    id: 'mentions.list.source',
    defaultMessage: '{source, select, mentions {mentions} reviews {reviews} community {community} other {{source}}}',
    description: 'where posts come from: social mentions, platform reviews, the community board',
  },
  allMentions: { id: 'mentions.list.allMentions', defaultMessage: 'all mentions' },
  empty: {
    id: 'mentions.list.empty',
    defaultMessage: 'No mentions yet. Connect a source under Settings > Sources, or start the app with --demo.',
  },
  unknownAuthor: {
    id: 'mentions.list.unknownAuthor',
    defaultMessage: 'unknown',
    description: 'an author without a name',
  },
  followers: {
    id: 'mentions.list.followers',
    defaultMessage: '{n, plural, one {{count} follower} other {{count} followers}}',
    description: 'n is the number, count the same number written short (1.2K)',
  },
  truncated: { id: 'mentions.list.truncated', defaultMessage: 'Shown in part: the post is longer than we keep.' },
  readAll: { id: 'mentions.list.readAll', defaultMessage: 'Read it all on the platform' },
  deleted: { id: 'mentions.list.deleted', defaultMessage: 'deleted on the platform' },
  openOriginal: { id: 'mentions.list.openOriginal', defaultMessage: 'Open original' },
  older: { id: 'mentions.list.older', defaultMessage: 'Older mentions' },
});
