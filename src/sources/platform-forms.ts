import { z } from 'zod';
import type { Platform } from '../core/platforms';

/**
 * What the "add a source" form asks for, per platform. Field names say where a value goes
 * (config.* or credentials.*); the connector's own zod schema still has the last word.
 */
export interface FormField {
  name: `config.${string}` | `credentials.${string}`;
  label: string;
  /** `key`: a key file to upload (its text is the value; `placeholder` is the file types to accept). */
  type: 'text' | 'password' | 'url' | 'number' | 'checkbox' | 'list' | 'key';
  required?: boolean;
  help?: string;
  placeholder?: string;
}

export interface PlatformForm {
  label: string;
  intro: string;
  fields: FormField[];
}

/** Where tokens come from (Google's, LinkedIn's token endpoint), for a test server or a proxy. */
const tokenUrl = (placeholder: string): FormField => ({
  name: 'config.tokenUrl',
  label: 'Token address',
  type: 'url',
  placeholder,
  help: "Leave empty for the platform's own; set it for a test server.",
});

const baseUrl = (placeholder: string): FormField => ({
  name: 'config.baseUrl',
  label: 'API address',
  type: 'url',
  placeholder,
  help: 'Leave empty for the official endpoint; set it for a self-hosted instance or a test server.',
});

export const PLATFORM_FORMS: Partial<Record<Platform, PlatformForm>> = {
  x: {
    label: 'X (Twitter)',
    intro: 'Searches recent posts for your topics with an app bearer token. Replies need the account keys too.',
    fields: [
      { name: 'credentials.bearerToken', label: 'Bearer token', type: 'password', required: true },
      {
        name: 'config.accountHandle',
        label: 'Your account (@handle)',
        type: 'text',
        placeholder: '@acme',
        help: 'Mentions of it are searched too.',
      },
      {
        name: 'config.query',
        label: 'Search override',
        type: 'text',
        help: 'Leave empty to search for all active topics.',
      },
      { name: 'credentials.appKey', label: 'API key (for replies)', type: 'password' },
      { name: 'credentials.appSecret', label: 'API key secret', type: 'password' },
      { name: 'credentials.accessToken', label: 'Access token', type: 'password' },
      { name: 'credentials.accessSecret', label: 'Access token secret', type: 'password' },
      baseUrl('https://api.x.com/'),
    ],
  },
  mastodon: {
    label: 'Mastodon',
    intro: 'Reads hashtag timelines and searches statuses on any instance; replies as the connected account.',
    fields: [
      {
        name: 'config.baseUrl',
        label: 'Instance',
        type: 'url',
        required: true,
        placeholder: 'https://mastodon.social',
      },
      {
        name: 'credentials.accessToken',
        label: 'Access token',
        type: 'password',
        help: 'Needed for search and replies; hashtags work without.',
      },
    ],
  },
  bluesky: {
    label: 'Bluesky',
    intro: 'Searches posts (latest first) and replies with proper thread references.',
    fields: [
      { name: 'credentials.identifier', label: 'Handle or email', type: 'text', placeholder: 'acme.bsky.social' },
      { name: 'credentials.appPassword', label: 'App password', type: 'password' },
      baseUrl('https://bsky.social'),
    ],
  },
  reddit: {
    label: 'Reddit',
    intro: 'Searches new posts, and reads new comments of chosen subreddits, with a Reddit OAuth app.',
    fields: [
      {
        name: 'config.subreddits',
        label: 'Subreddits',
        type: 'list',
        placeholder: 'acme, gadgets',
        help: 'Comma separated; empty searches all of Reddit (posts only).',
      },
      { name: 'config.includeComments', label: 'Include comments', type: 'checkbox' },
      { name: 'credentials.clientId', label: 'Client id', type: 'text', required: true },
      { name: 'credentials.clientSecret', label: 'Client secret', type: 'password', required: true },
      { name: 'credentials.username', label: 'Username (for replies)', type: 'text' },
      { name: 'credentials.password', label: 'Password', type: 'password' },
    ],
  },
  facebook: {
    label: 'Facebook Page',
    intro:
      "Reads the Page's feed (visitors' posts, every comment and reply), posts that tag the Page and its ratings, " +
      'and replies as the Page. Paste a Page access token (pages_read_engagement, pages_read_user_content, ' +
      'pages_manage_engagement).',
    fields: [
      { name: 'config.pageId', label: 'Page id', type: 'text', required: true, placeholder: '1234567890' },
      { name: 'credentials.accessToken', label: 'Page access token', type: 'password', required: true },
      {
        name: 'credentials.appSecret',
        label: 'App secret',
        type: 'password',
        help: "Your Meta app's secret: every call then carries an appsecret_proof.",
      },
      baseUrl('https://graph.facebook.com'),
    ],
  },
  instagram: {
    label: 'Instagram account',
    intro:
      "Reads the comments and replies on the account's recent media, media it is tagged in, and recent posts " +
      "under your topics' hashtags (30 different hashtags in 7 days); replies under comments. Paste the linked " +
      "Page's token (instagram_basic, instagram_manage_comments, pages_read_engagement).",
    fields: [
      { name: 'config.igUserId', label: 'Instagram account id', type: 'text', required: true },
      { name: 'credentials.accessToken', label: 'Page access token', type: 'password', required: true },
      { name: 'config.hashtags', label: "Search your topics' hashtags", type: 'checkbox' },
      baseUrl('https://graph.facebook.com'),
    ],
  },
  threads: {
    label: 'Threads profile',
    intro:
      "Reads the replies under the profile's posts, posts that mention it, and keyword search for your topics " +
      '(sorted recent); replies as the profile. Paste a Threads access token (threads_basic, threads_read_replies, ' +
      'threads_manage_replies, threads_manage_mentions, threads_keyword_search).',
    fields: [
      { name: 'config.threadsUserId', label: 'Threads user id', type: 'text', required: true },
      { name: 'credentials.accessToken', label: 'Access token', type: 'password', required: true },
      { name: 'config.keywordSearch', label: 'Search your topics (2,200 searches a day)', type: 'checkbox' },
      baseUrl('https://graph.threads.net'),
    ],
  },
  linkedin: {
    label: 'LinkedIn Page',
    intro:
      "Reads the comments and replies under your Page's posts and posts that mention the Page, and replies as the " +
      "Page. LinkedIn offers no search of members' posts: only what happens on or to your Page can be read. " +
      'Connect LinkedIn gives the token; or paste one with r_organization_social, w_organization_social and ' +
      "rw_organization_admin (60 days; with a refresh token and the app's client it renews itself).",
    fields: [
      {
        name: 'config.organizationUrn',
        label: 'Page (organization URN or id)',
        type: 'text',
        required: true,
        placeholder: 'urn:li:organization:123456',
      },
      { name: 'credentials.accessToken', label: 'Access token', type: 'password', required: true },
      { name: 'credentials.refreshToken', label: 'Refresh token', type: 'password' },
      { name: 'credentials.clientId', label: 'App client id (for renewing)', type: 'text' },
      { name: 'credentials.clientSecret', label: 'App client secret', type: 'password' },
      baseUrl('https://api.linkedin.com'),
      tokenUrl('https://www.linkedin.com/oauth/v2/accessToken'),
    ],
  },
  youtube: {
    label: 'YouTube channel',
    intro:
      "Reads the comments on your channel's videos (replies included) and, when searching is on, new videos that " +
      'mention your topics and their comments; replies as the channel and holds comments for review. YouTube gives ' +
      'a project 10,000 units a day and a search costs 100: polling plans to stay inside them and pauses until ' +
      'midnight Pacific time when they are spent. Connect Google gives the credentials; or paste an OAuth client ' +
      'and a refresh token with the youtube.force-ssl scope.',
    fields: [
      { name: 'config.channelId', label: 'Channel id', type: 'text', required: true, placeholder: 'UC…' },
      { name: 'config.search', label: 'Search new videos for your topics (100 units a search)', type: 'checkbox' },
      {
        name: 'config.dailyQuota',
        label: 'Daily units of your Google Cloud project',
        type: 'number',
        placeholder: '10000',
      },
      { name: 'credentials.clientId', label: 'OAuth client id', type: 'text', required: true },
      { name: 'credentials.clientSecret', label: 'OAuth client secret', type: 'password', required: true },
      { name: 'credentials.refreshToken', label: 'Refresh token', type: 'password', required: true },
      baseUrl('https://youtube.googleapis.com/'),
      tokenUrl('https://oauth2.googleapis.com/token'),
    ],
  },
  google_reviews: {
    label: 'Google reviews (Business Profile)',
    intro:
      "Reads each location's reviews with their stars (an edited review updates in place) and answers them as the " +
      'business; the answer is the public owner response. Connect Google gives the credentials; or paste an OAuth ' +
      'client and a refresh token with the business.manage scope.',
    fields: [
      { name: 'config.accountId', label: 'Account id', type: 'text', required: true, placeholder: 'accounts/123' },
      {
        name: 'config.locationIds',
        label: 'Location ids',
        type: 'list',
        required: true,
        placeholder: 'locations/456, locations/789',
      },
      { name: 'credentials.clientId', label: 'OAuth client id', type: 'text', required: true },
      { name: 'credentials.clientSecret', label: 'OAuth client secret', type: 'password', required: true },
      { name: 'credentials.refreshToken', label: 'Refresh token', type: 'password', required: true },
      baseUrl('https://mybusiness.googleapis.com/'),
      tokenUrl('https://oauth2.googleapis.com/token'),
    ],
  },
  app_store: {
    label: 'App Store reviews',
    intro:
      "Reads your app's customer reviews in every territory (newest first) and answers them: the answer is the " +
      'public developer response. Upload an App Store Connect API key (Users and Access > Integrations) with the ' +
      'Customer Support, App Manager or Admin role; it is tried once when saved and never shown again.',
    fields: [
      {
        name: 'config.appId',
        label: 'Apple ID of the app',
        type: 'text',
        required: true,
        placeholder: '1234567890',
        help: 'App Store Connect > your app > App Information > Apple ID.',
      },
      { name: 'credentials.issuerId', label: 'Issuer id', type: 'text', required: true },
      { name: 'credentials.keyId', label: 'Key id', type: 'text', required: true, placeholder: 'ABCDE12345' },
      {
        name: 'credentials.privateKey',
        label: 'Private key (.p8 file)',
        type: 'key',
        required: true,
        placeholder: '.p8',
      },
      baseUrl('https://api.appstoreconnect.apple.com/'),
    ],
  },
  google_play: {
    label: 'Google Play reviews',
    intro:
      "Reads your app's reviews with stars, device, app version and language, and answers them (350 characters; " +
      'the answer is the public developer reply). Google Play gives only the last 7 days of reviews: polling keeps ' +
      'up, older ones cannot be fetched. Upload a service account key (JSON) and invite its email in Play Console ' +
      '(Users and permissions: View app information, Reply to reviews); it is tried once when saved.',
    fields: [
      {
        name: 'config.packageName',
        label: 'Package name',
        type: 'text',
        required: true,
        placeholder: 'com.example.app',
      },
      {
        name: 'credentials.serviceAccountJson',
        label: 'Service account key (.json file)',
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
    intro: 'Searches stories and comments by date through the public Algolia API. No key needed; no replies.',
    fields: [baseUrl('https://hn.algolia.com/api/v1/')],
  },
  rss: {
    label: 'RSS or Atom feed',
    intro: 'Google Alerts, review sites, blogs: every new item is matched against your topics.',
    fields: [
      {
        name: 'config.feedUrl',
        label: 'Feed address',
        type: 'url',
        required: true,
        placeholder: 'https://www.google.com/alerts/feeds/…',
      },
      { name: 'credentials.username', label: 'Username (protected feeds)', type: 'text' },
      { name: 'credentials.password', label: 'Password', type: 'password' },
    ],
  },
  demo: {
    label: 'Demo replay',
    intro: 'Replays bundled public posts as if live. For trying the app without any account.',
    fields: [{ name: 'config.batch', label: 'Posts per poll', type: 'number', placeholder: '8' }],
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
