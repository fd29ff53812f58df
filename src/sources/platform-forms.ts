import { z } from 'zod';
import type { Platform } from '../core/platforms';
import type { MessageDescriptor, MessageValues, Translator } from '../core/i18n/translator';
import { platformFormMessages as m } from './messages';

/**
 * Words of a form: a message of the catalogue (with the numbers it says), or a name said the same in every
 * language ("Mastodon").
 */
export type FormText = string | MessageDescriptor | { message: MessageDescriptor; values: MessageValues };

/** A form's words in the reader's language. */
export const sayFormText = (t: Translator['t'], text: FormText): string =>
  typeof text === 'string' ? text : 'message' in text ? t(text.message, text.values) : t(text);

const saying = (message: MessageDescriptor, values: MessageValues): FormText => ({ message, values });

/**
 * What the "add a source" form asks for, per platform. Field names say where a value goes
 * (config.* or credentials.*); the connector's own zod schema still has the last word.
 */
export interface FormField {
  name: `config.${string}` | `credentials.${string}`;
  label: FormText;
  /** `key`: a key file to upload (its text is the value; `placeholder` is the file types to accept). */
  type: 'text' | 'password' | 'url' | 'number' | 'checkbox' | 'list' | 'key';
  required?: boolean;
  help?: FormText;
  /** An example of what to type (or a key file's types): not translated. */
  placeholder?: string;
}

export interface PlatformForm {
  label: FormText;
  intro: FormText;
  /** What access the platform must grant, said before the fields (X: which API level searches). */
  access?: FormText[];
  /** Where the credentials are made (the platform's developer portal). */
  portal?: { href: string; label: FormText };
  fields: FormField[];
}

/** Where tokens come from (Google's, LinkedIn's token endpoint), for a test server or a proxy. */
const tokenUrl = (placeholder: string): FormField => ({
  name: 'config.tokenUrl',
  label: m.tokenUrl,
  type: 'url',
  placeholder,
  help: m.tokenUrlHelp,
});

const baseUrl = (placeholder: string): FormField => ({
  name: 'config.baseUrl',
  label: m.baseUrl,
  type: 'url',
  placeholder,
  help: m.baseUrlHelp,
});

export const PLATFORM_FORMS: Partial<Record<Platform, PlatformForm>> = {
  x: {
    label: 'X (Twitter)',
    intro: m.xIntro,
    access: [m.xAccessSearch, m.xAccessReplies],
    portal: { href: 'https://developer.x.com/en/portal/dashboard', label: m.xPortal },
    fields: [
      { name: 'credentials.bearerToken', label: m.xBearerToken, type: 'password', required: true },
      {
        name: 'config.accountHandle',
        label: m.xAccountHandle,
        type: 'text',
        placeholder: '@acme',
        help: m.xAccountHandleHelp,
      },
      {
        name: 'config.query',
        label: m.xQuery,
        type: 'text',
        help: m.xQueryHelp,
      },
      { name: 'credentials.appKey', label: m.xAppKey, type: 'password' },
      { name: 'credentials.appSecret', label: m.xAppSecret, type: 'password' },
      { name: 'credentials.accessToken', label: m.accessToken, type: 'password' },
      { name: 'credentials.accessSecret', label: m.xAccessSecret, type: 'password' },
      baseUrl('https://api.x.com/'),
    ],
  },
  mastodon: {
    label: 'Mastodon',
    intro: m.mastodonIntro,
    fields: [
      {
        name: 'config.baseUrl',
        label: m.mastodonInstance,
        type: 'url',
        required: true,
        placeholder: 'https://mastodon.social',
      },
      {
        name: 'credentials.accessToken',
        label: m.accessToken,
        type: 'password',
        help: m.mastodonAccessTokenHelp,
      },
    ],
  },
  bluesky: {
    label: 'Bluesky',
    intro: m.blueskyIntro,
    fields: [
      { name: 'credentials.identifier', label: m.blueskyIdentifier, type: 'text', placeholder: 'acme.bsky.social' },
      { name: 'credentials.appPassword', label: m.blueskyAppPassword, type: 'password' },
      baseUrl('https://bsky.social'),
    ],
  },
  reddit: {
    label: 'Reddit',
    intro: m.redditIntro,
    fields: [
      {
        name: 'config.subreddits',
        label: m.redditSubreddits,
        type: 'list',
        placeholder: 'acme, gadgets',
        help: m.redditSubredditsHelp,
      },
      { name: 'config.includeComments', label: m.redditIncludeComments, type: 'checkbox' },
      { name: 'credentials.clientId', label: m.redditClientId, type: 'text', required: true },
      { name: 'credentials.clientSecret', label: m.redditClientSecret, type: 'password', required: true },
      { name: 'credentials.username', label: m.redditUsername, type: 'text' },
      { name: 'credentials.password', label: m.password, type: 'password' },
    ],
  },
  facebook: {
    label: m.facebookLabel,
    intro: m.facebookIntro,
    fields: [
      { name: 'config.pageId', label: m.facebookPageId, type: 'text', required: true, placeholder: '1234567890' },
      { name: 'credentials.accessToken', label: m.pageAccessToken, type: 'password', required: true },
      {
        name: 'credentials.appSecret',
        label: m.facebookAppSecret,
        type: 'password',
        help: m.facebookAppSecretHelp,
      },
      baseUrl('https://graph.facebook.com'),
    ],
  },
  instagram: {
    label: m.instagramLabel,
    intro: saying(m.instagramIntro, { hashtags: 30, days: 7 }),
    fields: [
      { name: 'config.igUserId', label: m.instagramUserId, type: 'text', required: true },
      { name: 'credentials.accessToken', label: m.pageAccessToken, type: 'password', required: true },
      { name: 'config.hashtags', label: m.instagramHashtags, type: 'checkbox' },
      baseUrl('https://graph.facebook.com'),
    ],
  },
  threads: {
    label: m.threadsLabel,
    intro: m.threadsIntro,
    fields: [
      { name: 'config.threadsUserId', label: m.threadsUserId, type: 'text', required: true },
      { name: 'credentials.accessToken', label: m.accessToken, type: 'password', required: true },
      { name: 'config.keywordSearch', label: saying(m.threadsKeywordSearch, { searches: 2200 }), type: 'checkbox' },
      baseUrl('https://graph.threads.net'),
    ],
  },
  linkedin: {
    label: m.linkedinLabel,
    intro: saying(m.linkedinIntro, { days: 60 }),
    fields: [
      {
        name: 'config.organizationUrn',
        label: m.linkedinOrganization,
        type: 'text',
        required: true,
        placeholder: 'urn:li:organization:123456',
      },
      { name: 'credentials.accessToken', label: m.accessToken, type: 'password', required: true },
      { name: 'credentials.refreshToken', label: m.refreshToken, type: 'password' },
      { name: 'credentials.clientId', label: m.linkedinClientId, type: 'text' },
      { name: 'credentials.clientSecret', label: m.linkedinClientSecret, type: 'password' },
      baseUrl('https://api.linkedin.com'),
      tokenUrl('https://www.linkedin.com/oauth/v2/accessToken'),
    ],
  },
  youtube: {
    label: m.youtubeLabel,
    intro: saying(m.youtubeIntro, { units: 10000, cost: 100 }),
    fields: [
      { name: 'config.channelId', label: m.youtubeChannelId, type: 'text', required: true, placeholder: 'UC…' },
      { name: 'config.search', label: saying(m.youtubeSearch, { cost: 100 }), type: 'checkbox' },
      {
        name: 'config.dailyQuota',
        label: m.youtubeDailyQuota,
        type: 'number',
        placeholder: '10000',
      },
      { name: 'credentials.clientId', label: m.oauthClientId, type: 'text', required: true },
      { name: 'credentials.clientSecret', label: m.oauthClientSecret, type: 'password', required: true },
      { name: 'credentials.refreshToken', label: m.refreshToken, type: 'password', required: true },
      baseUrl('https://youtube.googleapis.com/'),
      tokenUrl('https://oauth2.googleapis.com/token'),
    ],
  },
  google_reviews: {
    label: m.googleReviewsLabel,
    intro: m.googleReviewsIntro,
    fields: [
      {
        name: 'config.accountId',
        label: m.googleReviewsAccountId,
        type: 'text',
        required: true,
        placeholder: 'accounts/123',
      },
      {
        name: 'config.locationIds',
        label: m.googleReviewsLocationIds,
        type: 'list',
        required: true,
        placeholder: 'locations/456, locations/789',
      },
      { name: 'credentials.clientId', label: m.oauthClientId, type: 'text', required: true },
      { name: 'credentials.clientSecret', label: m.oauthClientSecret, type: 'password', required: true },
      { name: 'credentials.refreshToken', label: m.refreshToken, type: 'password', required: true },
      baseUrl('https://mybusiness.googleapis.com/'),
      tokenUrl('https://oauth2.googleapis.com/token'),
    ],
  },
  app_store: {
    label: m.appStoreLabel,
    intro: m.appStoreIntro,
    fields: [
      {
        name: 'config.appId',
        label: m.appStoreAppId,
        type: 'text',
        required: true,
        placeholder: '1234567890',
        help: m.appStoreAppIdHelp,
      },
      { name: 'credentials.issuerId', label: m.appStoreIssuerId, type: 'text', required: true },
      { name: 'credentials.keyId', label: m.appStoreKeyId, type: 'text', required: true, placeholder: 'ABCDE12345' },
      {
        name: 'credentials.privateKey',
        label: m.appStorePrivateKey,
        type: 'key',
        required: true,
        placeholder: '.p8',
      },
      baseUrl('https://api.appstoreconnect.apple.com/'),
    ],
  },
  google_play: {
    label: m.googlePlayLabel,
    intro: saying(m.googlePlayIntro, { characters: 350, days: 7 }),
    fields: [
      {
        name: 'config.packageName',
        label: m.googlePlayPackageName,
        type: 'text',
        required: true,
        placeholder: 'com.example.app',
      },
      {
        name: 'credentials.serviceAccountJson',
        label: m.googlePlayServiceAccount,
        type: 'key',
        required: true,
        placeholder: '.json,application/json',
      },
      baseUrl('https://androidpublisher.googleapis.com/'),
      tokenUrl('https://oauth2.googleapis.com/token'),
    ],
  },
  hackernews: {
    label: 'Hacker News',
    intro: m.hackernewsIntro,
    fields: [baseUrl('https://hn.algolia.com/api/v1/')],
  },
  rss: {
    label: m.rssLabel,
    intro: m.rssIntro,
    fields: [
      {
        name: 'config.feedUrl',
        label: m.rssFeedUrl,
        type: 'url',
        required: true,
        placeholder: 'https://www.google.com/alerts/feeds/…',
      },
      { name: 'credentials.username', label: m.rssUsername, type: 'text' },
      { name: 'credentials.password', label: m.password, type: 'password' },
    ],
  },
  demo: {
    label: m.demoLabel,
    intro: m.demoIntro,
    fields: [{ name: 'config.batch', label: m.demoBatch, type: 'number', placeholder: '8' }],
  },
};

/**
 * The form's config and credentials fields as the schema parseForm reads them with (`config.baseUrl` fills
 * `config`): an empty field is left out (so defaults apply), numbers, checkboxes and lists (typed with commas
 * or spaces) get their types. The connector's own schema checks the values.
 */
export function platformFormFields(form: Pick<PlatformForm, 'fields'>) {
  const config: Record<string, z.ZodType> = {};
  const credentials: Record<string, z.ZodType> = {};
  const lists: Record<string, RegExp> = {};
  for (const field of form.fields) {
    const [where, key] = field.name.split('.') as ['config' | 'credentials', string];
    (where === 'config' ? config : credentials)[key] =
      field.type === 'checkbox'
        ? z.boolean()
        : field.type === 'number'
          ? z.number().optional()
          : field.type === 'list'
            ? z.array(z.string()).optional()
            : z.string().trim().optional();
    if (field.type === 'list') lists[field.name] = /[\s,]+/;
  }
  const filesAsText = form.fields.filter((f) => f.type === 'key').map((f) => f.name);
  return { shape: { config: z.object(config), credentials: z.object(credentials) }, options: { lists, filesAsText } };
}
