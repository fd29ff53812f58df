import { defineMessages } from '@formatjs/intl';

/**
 * The connectors' settings schemas' words: what is wrong with a source's config or credentials, shown on the
 * source form (SOURCE_CONFIG_INVALID, SOURCE_CREDENTIALS_INVALID) through `said(...)`, so in the reader's
 * language. A pattern to type (`accounts/<digits>`) is an argument: ICU would read `<digits>` as a tag.
 */
export const connectorWords = defineMessages({
  appStoreAppId: {
    id: 'connectors.config.appStoreAppId',
    defaultMessage: 'The app’s Apple ID: digits, as App Store Connect shows under App Information',
  },
  appStoreIssuerId: {
    id: 'connectors.config.appStoreIssuerId',
    defaultMessage: 'The issuer id shown above the keys in App Store Connect (a UUID)',
  },
  appStoreKeyId: {
    id: 'connectors.config.appStoreKeyId',
    defaultMessage: 'The key id: 10 letters and digits, as App Store Connect lists it',
  },
  appStorePrivateKey: {
    id: 'connectors.config.appStorePrivateKey',
    defaultMessage: 'The text of the .p8 file ({begin})',
    description: 'begin is the file’s first line, -----BEGIN PRIVATE KEY-----',
  },
  blueskyBothOrNeither: {
    id: 'connectors.config.blueskyBothOrNeither',
    defaultMessage: 'Give both the Bluesky handle and an app password, or neither',
  },
  playPackageName: {
    id: 'connectors.config.playPackageName',
    defaultMessage: 'The app’s package name, like {example}',
    description: 'example is com.example.app',
  },
  googleAccountId: {
    id: 'connectors.config.googleAccountId',
    defaultMessage: 'The Business Profile account id: digits, or {pattern}',
    description: 'pattern is accounts/<digits>, as typed',
  },
  googleLocationId: {
    id: 'connectors.config.googleLocationId',
    defaultMessage: 'A location id: digits, or {pattern}',
    description: 'pattern is locations/<digits>, as typed',
  },
  linkedinPage: {
    id: 'connectors.config.linkedinPage',
    defaultMessage: 'The LinkedIn Page as {pattern}',
    description: 'pattern is urn:li:organization:<digits>, as typed',
  },
  facebookPageId: { id: 'connectors.config.facebookPageId', defaultMessage: 'The numeric id of the Facebook Page' },
  instagramAccountId: {
    id: 'connectors.config.instagramAccountId',
    defaultMessage: 'The numeric id of the Instagram professional account',
  },
  threadsProfileId: {
    id: 'connectors.config.threadsProfileId',
    defaultMessage: 'The numeric id of the Threads profile',
  },
  subreddit: {
    id: 'connectors.config.subreddit',
    defaultMessage: 'A subreddit name, like “{name}” or “r/{name}”',
    description: 'name is an example subreddit, typescript',
  },
  redditBothOrNeither: {
    id: 'connectors.config.redditBothOrNeither',
    defaultMessage: 'Give both the Reddit username and password, or neither',
  },
  youtubeChannelId: {
    id: 'connectors.config.youtubeChannelId',
    defaultMessage: 'A YouTube channel id: UC followed by 22 letters, digits, - or _',
  },
});
