import { randomBytes } from 'node:crypto';
import { type FakeRequest, type FakeResponse, type FakeServer, startFakeServer } from './fake-http';

/**
 * A fake YouTube Data API v3 (youtube.googleapis.com) and Google token endpoint, speaking their wire format:
 *
 * - `POST /token` (form-encoded, grant_type=refresh_token with client_id/client_secret): a new access token
 *   every time ({access_token, expires_in, scope, token_type: 'Bearer'}); a revoked or unknown refresh token
 *   gets 400 {error: 'invalid_grant', error_description: 'Token has been expired or revoked.'}, a wrong client
 *   401 {error: 'invalid_client'}.
 * - Every API call wants `Authorization: Bearer <token>`: none is 401 with reason `required`, an unknown,
 *   expired or revoked one 401 with reason `authError` ("Invalid Credentials"), status UNAUTHENTICATED and a
 *   WWW-Authenticate header, as Google answers.
 * - `GET /youtube/v3/commentThreads` (allThreadsRelatedToChannelId | videoId | id; order=time newest first;
 *   maxResults 1-100, default 20; textFormat html|plainText; parts snippet and replies, at most 5 replies
 *   inline); a video with comments off answers 403 `commentsDisabled`. `POST` makes a top-level comment.
 * - `GET /youtube/v3/comments` (parentId with paging, or id=<list> without), `POST /youtube/v3/comments`
 *   (a reply: snippet.parentId, snippet.textOriginal), `POST /youtube/v3/comments/setModerationStatus`
 *   (id, moderationStatus heldForReview|published|rejected; 204; the channel owning the video only).
 * - `GET /youtube/v3/search` (q with YouTube's | for OR and -word to leave out, type=video, order=date,
 *   publishedAfter, maxResults 0-50, default 5), `GET /youtube/v3/channels` (id; no `items` when none match),
 *   `GET /youtube/v3/videos` (id).
 * - Lists page with `nextPageToken` / `pageToken` (opaque tokens, tied to the query they came from).
 * - Quota: each request costs YouTube's units (search 100, comments.insert / commentThreads.insert /
 *   setModerationStatus 50, every list 1); once the settable daily limit is spent, 403 `quotaExceeded` in the
 *   `youtube.quota` domain with YouTube's own message.
 * Comments held for review or rejected leave the public lists; a rejected or deleted one is gone by id too.
 */
export interface FakeYtChannel {
  id: string;
  title: string;
}

export interface FakeYtVideo {
  id: string;
  channelId: string;
  title: string;
  description: string;
  publishedAt: number;
  commentsDisabled?: boolean;
}

export type FakeModerationStatus = 'published' | 'heldForReview' | 'likelySpam' | 'rejected';

export interface FakeYtComment {
  id: string;
  videoId: string;
  /** The channel the video belongs to (whose owner moderates). */
  channelId: string;
  parentId: string | null;
  author: { channelId: string; name: string };
  text: string;
  publishedAt: number;
  updatedAt: number;
  likeCount: number;
  moderationStatus: FakeModerationStatus;
  deleted?: boolean;
}

export interface FakeYtGrant {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The channel of the signed-in Google account. */
  channelId: string;
  revoked?: boolean;
}

export interface FakeYouTube extends FakeServer {
  tokenUrl: string;
  channels: Map<string, FakeYtChannel>;
  videos: FakeYtVideo[];
  comments: FakeYtComment[];
  /** Replies made through the API, in order. */
  replies: { parentId: string; text: string; id: string }[];
  /** Top-level comments made through the API, in order. */
  threadsMade: { videoId: string; text: string; id: string }[];
  /** setModerationStatus calls, in order. */
  moderation: { id: string; status: string }[];
  /** Units spent today, and the limit after which YouTube answers quotaExceeded (Infinity: none). */
  quota: { used: number; limit: number };
  /** Access tokens handed out, and whether each still works. */
  accessTokens: Map<string, { channelId: string; valid: boolean }>;
  addChannel(c?: Partial<FakeYtChannel>): FakeYtChannel;
  addGrant(channelId: string): FakeYtGrant;
  revokeGrant(refreshToken: string): void;
  /** Every access token handed out so far stops working (as after its hour, or a password change). */
  expireAccessTokens(): void;
  addVideo(v: Partial<FakeYtVideo> & { channelId: string }): FakeYtVideo;
  addComment(c: Partial<FakeYtComment> & { videoId: string; text: string }): FakeYtComment;
  editComment(id: string, text: string): void;
  deleteComment(id: string): void;
  /** How many replies the API made under this top-level comment. */
  replyCount(parentId: string): number;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const etag = () => randomBytes(20).toString('base64url').slice(0, 27);
let seq = 0;
const ytId = (prefix: string, len: number) =>
  `${prefix}${randomBytes(len)
    .toString('base64url')
    .slice(0, len - prefix.length)}${(++seq).toString(36)}`;

export const channelIdFor = () => `UC${randomBytes(16).toString('base64url').slice(0, 22)}`;

const QUOTA_MESSAGE =
  'The request cannot be completed because you have exceeded your ' +
  '<a href="/youtube/v3/getting-started#quota">quota</a>.';
const DEVCONSOLE = 'See https://developers.google.com/identity/sign-in/web/devconsole-project.';
const VIDEO_ID_PARAM =
  'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code>';

const handleOrChannel = (a: { channelId: string; name: string }) =>
  a.name.startsWith('@') ? a.name : `channel/${a.channelId}`;

function googleError(code: number, message: string, errors: Record<string, string>[], status?: string) {
  return { error: { code, message, errors, ...(status ? { status } : {}) } };
}

export async function startFakeYouTube(): Promise<FakeYouTube> {
  const channels = new Map<string, FakeYtChannel>();
  const videos: FakeYtVideo[] = [];
  const comments: FakeYtComment[] = [];
  const grants = new Map<string, FakeYtGrant>();
  const accessTokens = new Map<string, { channelId: string; valid: boolean }>();
  const replies: FakeYouTube['replies'] = [];
  const threadsMade: FakeYouTube['threadsMade'] = [];
  const moderation: FakeYouTube['moderation'] = [];
  const quota = { used: 0, limit: Number.POSITIVE_INFINITY };
  // One second apart, an hour ago: every comment has its own time, all inside a first sweep's window.
  let clock = Date.now() - 3_600_000;
  const tick = () => {
    clock += 1000;
    return clock;
  };

  const err = (status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse => ({
    status,
    json: body,
    headers,
  });
  const badRequest = (reason: string, message: string, location?: string) =>
    err(
      400,
      googleError(
        400,
        message,
        [
          {
            message,
            domain: 'youtube.parameter',
            reason,
            ...(location ? { location, locationType: 'parameter' } : {}),
          },
        ],
        'INVALID_ARGUMENT',
      ),
    );
  const forbidden = (reason: string, message: string, domain = 'youtube.comment') =>
    err(403, googleError(403, message, [{ message, domain, reason }], 'PERMISSION_DENIED'));
  const notFound = (reason: string, message: string, domain = 'youtube.comment') =>
    err(404, googleError(404, message, [{ message, domain, reason }], 'NOT_FOUND'));

  /** The caller's channel, or Google's 401 for a missing or bad token. */
  const authorise = (req: FakeRequest): string | FakeResponse => {
    const h = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/i.exec(h)?.[1];
    if (!token) {
      const message =
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or ' +
        `other valid authentication credential. ${DEVCONSOLE}`;
      return err(
        401,
        googleError(
          401,
          message,
          [
            {
              message: 'Login Required.',
              domain: 'global',
              reason: 'required',
              location: 'Authorization',
              locationType: 'header',
            },
          ],
          'UNAUTHENTICATED',
        ),
      );
    }
    const known = accessTokens.get(token);
    if (!known?.valid) {
      const message =
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other ' +
        `valid authentication credential. ${DEVCONSOLE}`;
      return err(
        401,
        googleError(
          401,
          message,
          [
            {
              message: 'Invalid Credentials',
              domain: 'global',
              reason: 'authError',
              location: 'Authorization',
              locationType: 'header',
            },
          ],
          'UNAUTHENTICATED',
        ),
        { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
      );
    }
    return known.channelId;
  };

  /** Charges the units, or answers quotaExceeded once the day's are spent (nothing is done then). */
  const charge = (units: number): FakeResponse | null => {
    if (quota.used + units > quota.limit)
      return err(
        403,
        googleError(403, QUOTA_MESSAGE, [{ message: QUOTA_MESSAGE, domain: 'youtube.quota', reason: 'quotaExceeded' }]),
      );
    quota.used += units;
    return null;
  };

  /** A repeated or comma-separated parameter (the client sends part=a&part=b, people write part=a,b). */
  const multi = (q: URLSearchParams, name: string) =>
    q
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);

  /** Page tokens are opaque to clients; here: the offset and the query they belong to. */
  const pageOf = <T>(req: FakeRequest, items: T[], max: number, dflt: number, min = 1) => {
    const raw = req.query.get('maxResults');
    const size = raw === null ? dflt : Number(raw);
    if (!Number.isInteger(size) || size < min || size > max)
      return {
        error: badRequest(
          'invalidParameter',
          `Invalid value '${raw}'. Values must be within the range: [${min}, ${max}]`,
          'maxResults',
        ),
      };
    const key = [...req.query].filter(([k]) => k !== 'pageToken').map(([k, v]) => `${k}=${v}`);
    const bind = key.sort().join('&');
    const token = req.query.get('pageToken');
    let start = 0;
    if (token) {
      try {
        const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o: number; q: string };
        if (parsed.q !== bind) throw new Error('another query');
        start = parsed.o;
      } catch {
        return { error: badRequest('invalidPageToken', 'The request specifies an invalid page token.', 'pageToken') };
      }
    }
    const slice = items.slice(start, start + size);
    const next = start + size < items.length;
    return {
      slice,
      total: items.length,
      size,
      nextPageToken: next ? Buffer.from(JSON.stringify({ o: start + size, q: bind })).toString('base64url') : null,
    };
  };

  const escapeHtml = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '<br>');

  const commentJson = (c: FakeYtComment, plain: boolean) => ({
    kind: 'youtube#comment',
    etag: etag(),
    id: c.id,
    snippet: {
      channelId: c.channelId,
      videoId: c.videoId,
      textDisplay: plain ? c.text : escapeHtml(c.text),
      textOriginal: c.text,
      ...(c.parentId ? { parentId: c.parentId } : {}),
      authorDisplayName: c.author.name,
      authorProfileImageUrl: `https://yt3.ggpht.com/ytc/${c.author.channelId}=s48-c-k-c0x00ffffff-no-rj`,
      authorChannelUrl: `http://www.youtube.com/${handleOrChannel(c.author)}`,
      authorChannelId: { value: c.author.channelId },
      canRate: true,
      viewerRating: 'none',
      likeCount: c.likeCount,
      ...(c.moderationStatus !== 'published' ? { moderationStatus: c.moderationStatus } : {}),
      publishedAt: iso(c.publishedAt),
      updatedAt: iso(c.updatedAt),
    },
  });

  const visible = (c: FakeYtComment) => !c.deleted && c.moderationStatus === 'published';
  const newestFirst = (a: { publishedAt: number }, b: { publishedAt: number }) => b.publishedAt - a.publishedAt;
  const repliesOf = (id: string) => comments.filter((r) => r.parentId === id && visible(r));

  const threadJson = (top: FakeYtComment, parts: string[], plain: boolean) => {
    const rs = repliesOf(top.id).sort((a, b) => a.publishedAt - b.publishedAt);
    return {
      kind: 'youtube#commentThread',
      etag: etag(),
      id: top.id,
      ...(parts.includes('snippet')
        ? {
            snippet: {
              channelId: top.channelId,
              videoId: top.videoId,
              topLevelComment: commentJson(top, plain),
              canReply: true,
              totalReplyCount: rs.length,
              isPublic: true,
            },
          }
        : {}),
      // YouTube includes only some replies in a thread; the rest are read with comments.list.
      ...(parts.includes('replies') && rs.length
        ? { replies: { comments: rs.slice(0, 5).map((r) => commentJson(r, plain)) } }
        : {}),
    };
  };

  const listBody = (
    kind: string,
    page: { slice: unknown[]; total: number; size: number; nextPageToken: string | null },
  ) => ({
    kind,
    etag: etag(),
    ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    pageInfo: { totalResults: page.total, resultsPerPage: page.size },
    items: page.slice,
  });

  const jsonBody = (req: FakeRequest): Record<string, unknown> | null => {
    try {
      const v = JSON.parse(req.body) as unknown;
      return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };

  /** YouTube's search syntax, simply: `a|b` any of, `-c` none of, the other words all of, case-insensitive. */
  const matches = (q: string, text: string) => {
    const hay = text.toLowerCase();
    const words = q.match(/-?"[^"]*"|\S+/g) ?? [];
    return words.every((w) => {
      const neg = w.startsWith('-');
      const body = (neg ? w.slice(1) : w).replace(/"/g, '').toLowerCase();
      if (!body) return true;
      const any = body.split('|').some((alt) => alt && hay.includes(alt));
      return neg ? !any : any;
    });
  };

  const route = (req: FakeRequest) => {
    if (req.method === 'POST' && req.path === '/token') return () => tokenGrant(req);
    if (!req.path.startsWith('/youtube/v3/')) return undefined;
    return () => api(req);
  };

  function tokenGrant(req: FakeRequest): FakeResponse {
    const form = new URLSearchParams(req.body);
    if (form.get('grant_type') !== 'refresh_token')
      return err(400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: ' });
    const grant = grants.get(form.get('refresh_token') ?? '');
    if (grant && (grant.clientId !== form.get('client_id') || grant.clientSecret !== form.get('client_secret')))
      return err(401, { error: 'invalid_client', error_description: 'Unauthorized' });
    if (!grant || grant.revoked)
      return err(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    const token = `ya29.${randomBytes(24).toString('base64url')}`;
    accessTokens.set(token, { channelId: grant.channelId, valid: true });
    return {
      json: {
        access_token: token,
        expires_in: 3599,
        scope: 'https://www.googleapis.com/auth/youtube.force-ssl',
        token_type: 'Bearer',
      },
    };
  }

  function api(req: FakeRequest): FakeResponse {
    const who = authorise(req);
    if (typeof who !== 'string') return who;
    const path = req.path.replace(/^\/youtube\/v3\//, '');
    const q = req.query;
    const plain = q.get('textFormat') === 'plainText';
    const parts = multi(q, 'part');
    if (parts.length === 0 && path !== 'comments/setModerationStatus')
      return badRequest('required', 'Required parameter: part', 'part');

    if (req.method === 'GET' && path === 'commentThreads') {
      const spent = charge(1);
      if (spent) return spent;
      const channel = q.get('allThreadsRelatedToChannelId');
      const videoId = q.get('videoId');
      const ids = multi(q, 'id');
      let tops: FakeYtComment[];
      if (channel) tops = comments.filter((c) => !c.parentId && c.channelId === channel && visible(c));
      else if (videoId) {
        const video = videos.find((v) => v.id === videoId);
        if (!video)
          return notFound('videoNotFound', `${VIDEO_ID_PARAM} parameter could not be found.`, 'youtube.commentThread');
        if (video.commentsDisabled)
          return forbidden(
            'commentsDisabled',
            `${VIDEO_ID_PARAM} parameter has disabled comments.`,
            'youtube.commentThread',
          );
        tops = comments.filter((c) => !c.parentId && c.videoId === videoId && visible(c));
      } else if (ids.length) tops = comments.filter((c) => !c.parentId && ids.includes(c.id) && visible(c));
      else
        return badRequest(
          'missingRequiredParameter',
          'No filter selected. Expected one of: id, videoId, allThreadsRelatedToChannelId, channelId',
        );
      tops.sort(newestFirst);
      const page = pageOf(req, tops, 100, 20);
      if ('error' in page) return page.error!;
      return {
        json: listBody('youtube#commentThreadListResponse', {
          ...page,
          slice: page.slice.map((c) => threadJson(c, parts, plain)),
        }),
      };
    }

    if (req.method === 'POST' && path === 'commentThreads') {
      const spent = charge(50);
      if (spent) return spent;
      const body = jsonBody(req) as {
        snippet?: { videoId?: string; topLevelComment?: { snippet?: { textOriginal?: string } } };
      } | null;
      const videoId = body?.snippet?.videoId;
      const text = body?.snippet?.topLevelComment?.snippet?.textOriginal;
      const video = videos.find((v) => v.id === videoId);
      if (!video) return notFound('videoNotFound', 'The video could not be found.', 'youtube.commentThread');
      if (!text)
        return badRequest(
          'commentTextRequired',
          'The comment resource that is being inserted must specify a value for the ' +
            'snippet.topLevelComment.snippet.textOriginal property.',
        );
      if (video.commentsDisabled)
        return forbidden('commentsDisabled', 'The video has disabled comments.', 'youtube.commentThread');
      const made = fake.addComment({
        videoId: video.id,
        text,
        publishedAt: Date.now(),
        author: { channelId: who, name: channels.get(who)?.title ?? who },
      });
      threadsMade.push({ videoId: video.id, text, id: made.id });
      return { json: threadJson(made, ['snippet'], false) };
    }

    if (req.method === 'GET' && path === 'comments') {
      const spent = charge(1);
      if (spent) return spent;
      const ids = multi(q, 'id');
      const parentId = q.get('parentId');
      if (ids.length) {
        if (q.has('maxResults') || q.has('pageToken'))
          return badRequest(
            'incompatibleParameters',
            'The request specifies two or more parameters that cannot be used in the same request.',
          );
        if (ids.length > 50) return badRequest('invalidParameter', 'Too many ids.', 'id');
        const found = ids.flatMap((id) =>
          comments.filter((c) => c.id === id && !c.deleted && c.moderationStatus !== 'rejected'),
        );
        return {
          json: listBody('youtube#commentListResponse', {
            slice: found.map((c) => commentJson(c, plain)),
            total: found.length,
            size: found.length,
            nextPageToken: null,
          }),
        };
      }
      if (!parentId) return badRequest('missingRequiredParameter', 'No filter selected. Expected one of: id, parentId');
      const rs = repliesOf(parentId).sort((a, b) => a.publishedAt - b.publishedAt);
      const page = pageOf(req, rs, 100, 20);
      if ('error' in page) return page.error!;
      return {
        json: listBody('youtube#commentListResponse', { ...page, slice: page.slice.map((c) => commentJson(c, plain)) }),
      };
    }

    if (req.method === 'POST' && path === 'comments') {
      const spent = charge(50);
      if (spent) return spent;
      const body = jsonBody(req) as { snippet?: { parentId?: string; textOriginal?: string } } | null;
      const parentId = body?.snippet?.parentId;
      const text = body?.snippet?.textOriginal;
      if (!parentId) return badRequest('parentIdMissing', 'No parent ID specified.');
      if (!text)
        return badRequest(
          'commentTextRequired',
          'The comment resource that is being inserted must specify a value for the snippet.textOriginal property.',
        );
      if (text.length > 10_000)
        return badRequest(
          'commentTextTooLong',
          'The comment resource that is being inserted or updated contains too many characters in the ' +
            'snippet.textOriginal property.',
        );
      const parent = comments.find((c) => c.id === parentId && !c.deleted);
      if (!parent)
        return notFound('parentCommentNotFound', 'The parent comment specified for the comment could not be found.');
      if (parent.parentId)
        return badRequest('operationNotSupported', 'The API user is not able to insert a comment in reply to a reply.');
      const made = fake.addComment({
        videoId: parent.videoId,
        parentId,
        text,
        publishedAt: Date.now(),
        author: { channelId: who, name: channels.get(who)?.title ?? who },
      });
      replies.push({ parentId, text, id: made.id });
      return { json: commentJson(made, false) };
    }

    if (req.method === 'POST' && path === 'comments/setModerationStatus') {
      const spent = charge(50);
      if (spent) return spent;
      const ids = multi(q, 'id');
      const status = q.get('moderationStatus');
      if (!status || !['heldForReview', 'published', 'rejected'].includes(status))
        return badRequest(
          'invalidModerationStatus',
          'The moderation status specified in the API request is not valid.',
          'moderationStatus',
        );
      const targets = ids.map((id) => comments.find((c) => c.id === id && !c.deleted));
      if (targets.some((t) => !t)) return notFound('commentNotFound', 'The specified comment could not be found.');
      if (targets.some((t) => t!.channelId !== who))
        return forbidden('forbidden', 'The comment could not be moderated: the request is not properly authorized.');
      for (const t of targets) {
        t!.moderationStatus = status as FakeModerationStatus;
        moderation.push({ id: t!.id, status });
      }
      return { status: 204, raw: '' };
    }

    if (req.method === 'GET' && path === 'search') {
      const spent = charge(100);
      if (spent) return spent;
      const text = q.get('q') ?? '';
      const after = q.get('publishedAfter');
      const afterMs = after ? Date.parse(after) : Number.NEGATIVE_INFINITY;
      if (after && !Number.isFinite(afterMs))
        return badRequest('invalidPublishedAfter', "Invalid value for 'publishedAfter'.", 'publishedAfter');
      const found = videos
        .filter((v) => v.publishedAt > afterMs && matches(text, `${v.title}\n${v.description}`))
        .sort(newestFirst);
      const page = pageOf(req, found, 50, 5, 0);
      if ('error' in page) return page.error!;
      const items = page.slice.map((v) => ({
        kind: 'youtube#searchResult',
        etag: etag(),
        id: { kind: 'youtube#video', videoId: v.id },
        snippet: {
          publishedAt: iso(v.publishedAt),
          channelId: v.channelId,
          title: v.title,
          // Search results carry a shortened description.
          description: v.description.slice(0, 160),
          thumbnails: { default: { url: `https://i.ytimg.com/vi/${v.id}/default.jpg`, width: 120, height: 90 } },
          channelTitle: channels.get(v.channelId)?.title ?? 'Someone',
          liveBroadcastContent: 'none',
          publishTime: iso(v.publishedAt),
        },
      }));
      return { json: { ...listBody('youtube#searchListResponse', { ...page, slice: items }), regionCode: 'US' } };
    }

    if (req.method === 'GET' && path === 'channels') {
      const spent = charge(1);
      if (spent) return spent;
      const found = multi(q, 'id').flatMap((id) => (channels.has(id) ? [channels.get(id)!] : []));
      const items = found.map((c) => ({
        kind: 'youtube#channel',
        etag: etag(),
        id: c.id,
        snippet: {
          title: c.title,
          description: '',
          customUrl: `@${c.title.toLowerCase().replace(/\W+/g, '')}`,
          publishedAt: iso(clock - 86_400_000 * 900),
        },
      }));
      return {
        json: {
          kind: 'youtube#channelListResponse',
          etag: etag(),
          pageInfo: { totalResults: items.length, resultsPerPage: 5 },
          ...(items.length ? { items } : {}),
        },
      };
    }

    if (req.method === 'GET' && path === 'videos') {
      const spent = charge(1);
      if (spent) return spent;
      const found = videos.filter((v) => multi(q, 'id').includes(v.id));
      return {
        json: listBody('youtube#videoListResponse', {
          slice: found.map((v) => ({
            kind: 'youtube#video',
            etag: etag(),
            id: v.id,
            snippet: {
              publishedAt: iso(v.publishedAt),
              channelId: v.channelId,
              title: v.title,
              description: v.description,
              channelTitle: channels.get(v.channelId)?.title ?? '',
            },
          })),
          total: found.length,
          size: found.length,
          nextPageToken: null,
        }),
      };
    }
    return notFound('notFound', 'Not found', 'global');
  }

  const server = await startFakeServer(route);
  const fake: FakeYouTube = {
    ...server,
    tokenUrl: `${server.url}token`,
    channels,
    videos,
    comments,
    replies,
    threadsMade,
    moderation,
    quota,
    accessTokens,
    addChannel(c = {}) {
      const ch = { id: c.id ?? channelIdFor(), title: c.title ?? `Channel ${++seq}` };
      channels.set(ch.id, ch);
      return ch;
    },
    addGrant(channelId) {
      const g: FakeYtGrant = {
        clientId: `${randomBytes(6).toString('hex')}.apps.googleusercontent.com`,
        clientSecret: `GOCSPX-${randomBytes(12).toString('base64url')}`,
        refreshToken: `1//0${randomBytes(30).toString('base64url')}`,
        channelId,
      };
      grants.set(g.refreshToken, g);
      return g;
    },
    revokeGrant(refreshToken) {
      const g = grants.get(refreshToken);
      if (g) g.revoked = true;
      for (const [t, a] of accessTokens)
        if (g && a.channelId === g.channelId) accessTokens.set(t, { ...a, valid: false });
    },
    expireAccessTokens() {
      for (const [t, a] of accessTokens) accessTokens.set(t, { ...a, valid: false });
    },
    addVideo(v) {
      const video: FakeYtVideo = {
        id: v.id ?? randomBytes(8).toString('base64url').slice(0, 11),
        channelId: v.channelId,
        title: v.title ?? 'A video',
        description: v.description ?? '',
        publishedAt: v.publishedAt ?? tick(),
        ...(v.commentsDisabled ? { commentsDisabled: true } : {}),
      };
      videos.push(video);
      return video;
    },
    addComment(c) {
      const video = videos.find((v) => v.id === c.videoId);
      if (!video) throw new Error(`no video ${c.videoId}`);
      const at = c.publishedAt ?? tick();
      const comment: FakeYtComment = {
        id: c.parentId ? `${c.parentId}.${ytId('A', 22)}` : ytId('Ugz', 26),
        videoId: video.id,
        channelId: video.channelId,
        parentId: c.parentId ?? null,
        author: c.author ?? { channelId: channelIdFor(), name: `@viewer${++seq}` },
        text: c.text,
        publishedAt: at,
        updatedAt: c.updatedAt ?? at,
        likeCount: c.likeCount ?? 0,
        moderationStatus: c.moderationStatus ?? 'published',
      };
      comments.push(comment);
      return comment;
    },
    editComment(id, text) {
      const c = comments.find((x) => x.id === id);
      if (!c) throw new Error(`no comment ${id}`);
      c.text = text;
      c.updatedAt = Math.max(tick(), c.updatedAt + 1000);
    },
    deleteComment(id) {
      for (const c of comments) if (c.id === id || c.parentId === id) c.deleted = true;
    },
    replyCount: (parentId) => replies.filter((r) => r.parentId === parentId).length,
  };
  return fake;
}
