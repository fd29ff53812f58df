import { z } from 'zod';
import type { Platform } from '../core/platforms';

/**
 * What the "add a source" form asks for, per platform. Field names say where a value goes
 * (config.* or credentials.*); the connector's own zod schema still has the last word.
 */
export interface FormField {
  name: `config.${string}` | `credentials.${string}`;
  label: string;
  type: 'text' | 'password' | 'url' | 'number' | 'checkbox' | 'list';
  required?: boolean;
  help?: string;
  placeholder?: string;
}

export interface PlatformForm {
  label: string;
  intro: string;
  fields: FormField[];
}

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
  return { shape: { config: z.object(config), credentials: z.object(credentials) }, options: { lists } };
}
