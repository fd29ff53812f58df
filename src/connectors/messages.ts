import { defineMessages } from '@formatjs/intl';
import { ENGLISH, type MessageDescriptor } from '../core/i18n/translator';
import type { VerifyResult } from './types';

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

/**
 * A `verify` answer in our own words: `message` in English (the API's, unchanged), `said` for the source page to
 * say in its reader's language. A platform's own error text is not ours and stays a plain `message`.
 */
export function verifiedAs(
  ok: boolean,
  account: string | null,
  message: MessageDescriptor,
  values?: Record<string, string | number>,
): VerifyResult {
  return { ok, account, message: ENGLISH.t(message, values), said: values ? { message, values } : { message } };
}

/** What `verify` says when the platform accepted the credentials (a product or platform name stays as it is). */
export const verifyWords = defineMessages({
  hackernews: { id: 'connectors.verify.hackernews', defaultMessage: 'The Hacker News search API (Algolia) answered.' },
  mastodonPublic: {
    id: 'connectors.verify.mastodonPublic',
    defaultMessage:
      'Reached {domain} without an access token: public hashtags can be read, but searching and replying need a token.',
    description: 'domain is the Mastodon server, like mastodon.social',
  },
  mastodon: {
    id: 'connectors.verify.mastodon',
    defaultMessage: 'Mastodon accepted the access token for @{account}.',
  },
  googleReviews: {
    id: 'connectors.verify.googleReviews',
    defaultMessage: '{label} accepted the sign-in for {location} ({count, plural, one {# review} other {# reviews}}).',
    description: 'label is Google Business Profile; location is accounts/<digits>/locations/<digits>',
  },
  googlePlay: {
    id: 'connectors.verify.googlePlay',
    defaultMessage: 'Google Play let {email} read the reviews of {packageName}.',
    description: 'email is the service account; packageName is the app’s, like com.example.app',
  },
  x: { id: 'connectors.verify.x', defaultMessage: 'X accepted the bearer token' },
  rssNotModified: { id: 'connectors.verify.rssNotModified', defaultMessage: 'The feed at {url} answered.' },
  rss: {
    id: 'connectors.verify.rss',
    defaultMessage: 'Read the feed "{name}" with {count, plural, one {# item} other {# items}}.',
  },
  linkedin: {
    id: 'connectors.verify.linkedin',
    defaultMessage: 'LinkedIn accepted the token for the Page "{name}".',
  },
  threads: { id: 'connectors.verify.threads', defaultMessage: 'Threads accepted the token for @{account}.' },
  instagram: { id: 'connectors.verify.instagram', defaultMessage: 'Instagram accepted the token for @{account}.' },
  facebook: {
    id: 'connectors.verify.facebook',
    defaultMessage: 'Facebook accepted the token for the Page "{name}".',
  },
  youtube: {
    id: 'connectors.verify.youtube',
    defaultMessage: 'YouTube accepted the sign-in; the channel is "{title}".',
  },
  youtubeNoChannel: {
    id: 'connectors.verify.youtubeNoChannel',
    defaultMessage: 'YouTube accepted the sign-in but knows no channel {channelId}.',
  },
  demo: {
    id: 'connectors.verify.demo',
    defaultMessage: 'Demo replay of {count, plural, one {# bundled post} other {# bundled posts}}',
  },
  blueskyPublic: {
    id: 'connectors.verify.blueskyPublic',
    defaultMessage: 'Bluesky search answers without an account; replying needs a handle and an app password',
  },
  bluesky: { id: 'connectors.verify.bluesky', defaultMessage: 'Logged in to Bluesky as @{handle}' },
  reddit: {
    id: 'connectors.verify.reddit',
    defaultMessage: 'Reddit accepted the app and the account u/{name}.',
  },
  redditApp: {
    id: 'connectors.verify.redditApp',
    defaultMessage: 'Reddit accepted the app credentials (read-only, no account: replies are off).',
  },
  appStore: {
    id: 'connectors.verify.appStore',
    defaultMessage: 'App Store Connect accepted the API key for the app "{name}".',
  },
  appStoreBundle: {
    id: 'connectors.verify.appStoreBundle',
    defaultMessage: 'App Store Connect accepted the API key for the app "{name}" ({bundle}).',
    description: 'bundle is the app’s bundle id, like com.example.app',
  },
});
