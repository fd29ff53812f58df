import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import { sameReplyText } from '../reply-match';
import { type Connector, ConnectorError, type ReplyContext } from '../types';
import { LINKEDIN_BASE_URL, LINKEDIN_TOKEN_URL, LinkedInClient, restliEncode } from './linkedin-client';
import { commentUrnOf, commentUrnParts, liCommentSchema } from './linkedin-items';
import { ADMIN_PERMISSION, READ_PERMISSION, SLACK_MS, sweepPage, WRITE_PERMISSION } from './linkedin-sweep';
import { refreshLinkedInToken } from './linkedin-token';
import { said } from '../../http/input-words';
import { connectorWords as w, verifiedAs, verifyWords as vw } from '../messages';

/**
 * A LinkedIn Page (organisation) through the Community Management API: the comments and replies under the Page's
 * recent posts, and posts by others that mention the Page (organisation notifications); replies as the Page; the
 * Page's own comments deleted. LinkedIn has no public search of members' posts, so nothing is searched. See
 * linkedin-sweep.ts for how a sweep reads, linkedin-client.ts for the wire (plain fetch through the guard).
 */
const ORG_URN = /^urn:li:organization:\d{1,20}$/;

export const linkedinConfigSchema = z.object({
  /** The Page, as urn:li:organization:<digits> (its bare number is taken too). */
  organizationUrn: z
    .string()
    .trim()
    .transform((v) => (/^\d{1,20}$/.test(v) ? `urn:li:organization:${v}` : v))
    .pipe(z.string().regex(ORG_URN, said(w.linkedinPage, { pattern: 'urn:li:organization:<digits>' }))),
  baseUrl: z.url().default(LINKEDIN_BASE_URL),
  tokenUrl: z.url().default(LINKEDIN_TOKEN_URL),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
});
export type LinkedInConfig = z.infer<typeof linkedinConfigSchema>;

export const linkedinCredentialsSchema = z.object({
  /** A member access token (60 days) with r_organization_social, w_organization_social, rw_organization_admin. */
  accessToken: z.string().trim().min(1).max(4000),
  /** Only apps LinkedIn approved for refresh tokens get one (a year); with it the token renews itself. */
  refreshToken: z.string().trim().min(1).max(4000).optional(),
  clientId: z.string().trim().min(1).max(300).optional(),
  clientSecret: z.string().trim().min(1).max(300).optional(),
});
export type LinkedInCredentials = z.infer<typeof linkedinCredentialsSchema>;

/** Our reply is looked for in at most this many pages of the parent's comments. */
const MAX_FIND_PAGES = 10;
const FIND_PAGE = 100;

const client = (
  http: OutboundHttp,
  config: LinkedInConfig,
  credentials: LinkedInCredentials,
  signal?: AbortSignal,
  now?: Date,
) =>
  new LinkedInClient({
    baseUrl: config.baseUrl,
    accessToken: credentials.accessToken,
    http,
    timeoutMs: config.timeoutMs,
    signal,
    ...(now ? { now: () => now } : {}),
  });

const refused = (message: string) => new ConnectorError('invalid_request', message, { platform: 'linkedin' });

export const linkedinConnector: Connector<LinkedInConfig, LinkedInCredentials> = {
  platform: 'linkedin',
  label: 'LinkedIn',
  configSchema: linkedinConfigSchema,
  credentialsSchema: linkedinCredentialsSchema,
  searches: false,

  poll({ config, credentials, cursor, now, since, signal, http }) {
    return sweepPage({
      api: client(http, config, credentials, signal, now),
      organizationUrn: config.organizationUrn,
      cursor,
      now,
      since,
    });
  },

  async reply({ config, credentials, inReplyTo, text, signal, http }) {
    const place = replyPlace(inReplyTo);
    const made = await client(http, config, credentials, signal).post(
      `/rest/socialActions/${restliEncode(place.on)}/comments`,
      {
        actor: config.organizationUrn,
        object: place.object,
        message: { text },
        ...(place.parentComment ? { parentComment: place.parentComment } : {}),
      },
      { permission: WRITE_PERMISSION },
    );
    const urn = made ? createdUrn(made.body, made.headers, place.object) : null;
    if (!urn)
      throw new ConnectorError('transient', 'LinkedIn accepted the reply but did not say which comment it made.', {
        platform: 'linkedin',
      });
    return { externalId: urn, url: commentUrl(urn) };
  },

  async findReply({ config, credentials, inReplyTo, text, signal, http, outbox }) {
    const api = client(http, config, credentials, signal);
    const place = replyPlace(inReplyTo);
    const oldest = outbox ? outbox.queuedAt.getTime() - SLACK_MS : Number.NEGATIVE_INFINITY;
    let start = 0;
    for (let i = 0; i < MAX_FIND_PAGES; i++) {
      const page = await api.page(`/rest/socialActions/${restliEncode(place.on)}/comments`, {}, start, FIND_PAGE, {
        permission: READ_PERMISSION,
        notFound: true,
      });
      for (const item of page.items) {
        const c = liCommentSchema.safeParse(item);
        if (!c.success || c.data.actor !== config.organizationUrn || c.data.created.time < oldest) continue;
        if (c.data.message?.text && sameReplyText(c.data.message.text, text)) {
          const urn = commentUrnOf(c.data);
          return { externalId: urn, url: commentUrl(urn) };
        }
      }
      if (page.next === undefined) break;
      start = page.next;
    }
    return null;
  },

  // LinkedIn lets a Page delete its own comments only; others' comments on its posts stay (no hide either).
  moderates: ['delete'],
  async moderate({ config, credentials, externalId, signal, http }, action) {
    const own = 'LinkedIn lets the Page delete only its own comments';
    if (action !== 'delete') throw refused(`${own}; it cannot ${action} a comment.`);
    const parts = commentUrnParts(externalId);
    if (!parts) throw refused(`${own}; this item is not a comment.`);
    const api = client(http, config, credentials, signal);
    const path = `/rest/socialActions/${restliEncode(parts.object)}/comments/${restliEncode(parts.id)}`;
    const body = await api.get(path, {}, { permission: READ_PERMISSION, notFound: true });
    if (body === null) return; // already gone: deleting again changes nothing
    const c = liCommentSchema.safeParse(body);
    if (!c.success)
      throw new ConnectorError('transient', 'LinkedIn answered the comment without its author.', {
        platform: 'linkedin',
      });
    if (c.data.actor !== config.organizationUrn) throw refused(`${own}; this one was written by someone else.`);
    await api.delete(
      path,
      { actor: restliEncode(config.organizationUrn) },
      { permission: WRITE_PERMISSION, notFound: true },
    );
  },

  async refreshToken({ config, credentials, http, now }) {
    const { refreshToken, clientId, clientSecret } = credentials;
    if (!refreshToken || !clientId || !clientSecret)
      throw new ConnectorError(
        'auth',
        'This LinkedIn connection has no refresh token (or no app client id and secret), so its token cannot be ' +
          'renewed: reconnect the LinkedIn account before it ends.',
        { platform: 'linkedin' },
      );
    const t = await refreshLinkedInToken(
      { http, tokenUrl: config.tokenUrl, timeoutMs: config.timeoutMs, now },
      { refreshToken, clientId, clientSecret },
    );
    return {
      // LinkedIn may hand back a new refresh token; otherwise the one we have still holds.
      credentials: { ...credentials, accessToken: t.accessToken, refreshToken: t.refreshToken ?? refreshToken },
      expiresAt: new Date(now.getTime() + t.expiresIn * 1000),
    };
  },

  async verify({ config, credentials, signal, http }) {
    try {
      const id = config.organizationUrn.split(':').pop()!;
      const org = (await client(http, config, credentials, signal).get(
        `/rest/organizations/${id}`,
        {},
        {
          permission: ADMIN_PERMISSION,
        },
      )) as { localizedName?: unknown; vanityName?: unknown } | null;
      const name =
        typeof org?.localizedName === 'string' && org.localizedName
          ? org.localizedName
          : typeof org?.vanityName === 'string' && org.vanityName
            ? org.vanityName
            : config.organizationUrn;
      return verifiedAs(true, name, vw.linkedin, { name });
    } catch (err) {
      const e = err instanceof ConnectorError ? err : new ConnectorError('transient', 'The LinkedIn check failed.');
      return { ok: false, account: null, message: e.message };
    }
  },
};

interface ReplyPlace {
  /** The URN the comment is made under (socialActions/{on}/comments). */
  on: string;
  /** The post (share, ugcPost or activity URN) it belongs to. */
  object: string;
  parentComment?: string;
}

/**
 * Where a reply to this item goes. A comment is answered with a nested comment; LinkedIn nests one level, so
 * an answer to a reply goes under the comment that reply answers (raw.parentComment, kept by the sweep). A
 * post that mentions the Page is answered with a comment on it.
 */
export function replyPlace(inReplyTo: ReplyContext<unknown, unknown>['inReplyTo']): ReplyPlace {
  const id = inReplyTo.externalId;
  if (id.startsWith('urn:li:comment:')) {
    const raw = (inReplyTo.raw ?? {}) as { parentComment?: unknown };
    const top = typeof raw.parentComment === 'string' && commentUrnParts(raw.parentComment) ? raw.parentComment : id;
    const object = commentUrnParts(top)?.object;
    if (!object) throw refused('LinkedIn cannot take a reply to this comment: its URN is not one LinkedIn makes.');
    return { on: top, object, parentComment: top };
  }
  if (/^urn:li:(share|ugcPost|activity):[^\s]+$/.test(id)) return { on: id, object: id };
  throw refused('LinkedIn cannot take a reply to this item: it is neither a post nor a comment.');
}

/** The new comment's URN: from the answer's body, else its x-restli-id header. */
function createdUrn(body: unknown, headers: Headers, object: string): string | null {
  const parsed = z
    .object({ commentUrn: z.string().optional(), $URN: z.string().optional(), id: z.string().optional() })
    .safeParse(body ?? {});
  const fromBody = parsed.success ? (parsed.data.commentUrn ?? parsed.data.$URN) : undefined;
  if (fromBody && commentUrnParts(fromBody)) return fromBody;
  let header = headers.get('x-restli-id') ?? (parsed.success ? parsed.data.id : undefined) ?? '';
  try {
    header = decodeURIComponent(header);
  } catch {
    return null;
  }
  if (commentUrnParts(header)) return header;
  return /^\d{1,30}$/.test(header) ? `urn:li:comment:(${object},${header})` : null;
}

const commentUrl = (urn: string) => {
  const object = commentUrnParts(urn)?.object;
  return object ? `https://www.linkedin.com/feed/update/${object}/?commentUrn=${encodeURIComponent(urn)}` : null;
};
