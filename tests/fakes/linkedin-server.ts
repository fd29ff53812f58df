import { type FakeRequest, type FakeResponse, type FakeServer, startFakeServer } from './fake-http';

/**
 * A fake LinkedIn API (api.linkedin.com/rest, Community Management) speaking LinkedIn's wire format:
 * - every /rest call needs `LinkedIn-Version: YYYYMM` (else 400 VERSION_MISSING; a sunset one 426
 *   NONEXISTENT_VERSION), `X-Restli-Protocol-Version: 2.0.0` (else 400), and `Authorization: Bearer`, checked as
 *   LinkedIn does: 401 {status, serviceErrorCode 65600/65601/65602/65604, code, message} for an invalid, revoked,
 *   expired or missing token, 403 ACCESS_DENIED (serviceErrorCode 100) for a missing permission;
 * - URNs in paths must be Rest.li 2.0 encoded (`urn%3Ali%3Ashare%3A1`, a comment's parentheses and comma too), else
 *   400; query URNs must decode to URNs, List(...) and (start:..,end:..) must parse;
 * - collections as {elements, paging: {start, count, links, total}} paged by start/count;
 * - GET /rest/posts?q=author&author= (newest change first), GET /rest/posts/{urn},
 *   GET|POST /rest/socialActions/{post or comment urn}/comments (comments oldest first, one nesting level, with
 *   commentsSummary/likesSummary; POST answers 201 with the comment and x-restli-id), GET|DELETE
 *   /rest/socialActions/{urn}/comments/{id} (DELETE needs ?actor= = the author),
 *   GET /rest/organizationalEntityNotifications?q=criteria (SHARE_MENTION and COMMENT, timeRange on
 *   lastModifiedAt), GET /rest/organizations/{id};
 * - 429 {status, serviceErrorCode 101, code TOO_MANY_REQUESTS, message} for the daily throttle;
 * - the OAuth token endpoint POST /oauth/v2/accessToken (form): refresh_token and authorization_code grants,
 *   {access_token, expires_in 5184000, refresh_token, refresh_token_expires_in, scope}, or 400
 *   {error, error_description}.
 * Comments created are counted per parent with their actor, so a test can assert "exactly one reply".
 */
export const ALL_SCOPES = ['r_organization_social', 'w_organization_social', 'rw_organization_admin'];

export interface FakeLiOrg {
  urn: string;
  id: string;
  name: string;
  vanityName: string;
}

export interface FakeLiPost {
  urn: string;
  /** The activity the post is on LinkedIn's feed: comment URNs name it. */
  activity: string;
  author: string;
  commentary: string;
  createdAt: number;
  lastModifiedAt: number;
  /** Organisations the post mentions (each gets a SHARE_MENTION notification). */
  mentions: string[];
  deleted: boolean;
}

export interface FakeLiComment {
  id: string;
  urn: string;
  postUrn: string;
  actor: string;
  /** The member who acted for an organisation. */
  agent?: string;
  text: string;
  createdAt: number;
  lastModifiedAt: number;
  parentUrn: string | null;
  deleted: boolean;
}

export interface FakeLiToken {
  member: string;
  scopes: string[];
  state: 'valid' | 'expired' | 'revoked';
}

export interface FakeLinkedIn extends FakeServer {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  orgs: Map<string, FakeLiOrg>;
  posts: FakeLiPost[];
  comments: FakeLiComment[];
  tokens: Map<string, FakeLiToken>;
  /** Refresh tokens and whether they still hold. */
  refreshTokens: Map<string, { member: string; revoked: boolean }>;
  /** Every comment created through the API, in order. */
  created: { parent: string; actor: string; urn: string; text: string }[];
  /** Comments created under this post or comment (by this actor, when given). */
  createdUnder(parent: string, actor?: string): number;
  addOrganization(o: { name: string }): FakeLiOrg;
  /** An access token of a member (all three permissions unless said), with its refresh token. */
  issueToken(o?: { scopes?: string[] }): { accessToken: string; refreshToken: string; member: string };
  /** A code the connect flow's redirect would carry, for this redirect address. */
  issueCode(redirectUri: string): string;
  /** The consent page (/oauth/v2/authorization): the scopes each sign-in asked for. */
  authorizeUrl: string;
  consents: string[][];
  /** The Pages a member administers (organizationAcls): every organisation, unless a test narrows it. */
  administers(member: string): string[];
  addPost(p: Partial<FakeLiPost> & { author: string; commentary: string }): FakeLiPost;
  addComment(c: { post: string; actor: string; text: string; parent?: string; createdAt?: number }): FakeLiComment;
  editComment(urn: string, text: string): void;
  deleteComment(urn: string): void;
  /** The next /rest call answers LinkedIn's daily throttle (429), with Retry-After when given. */
  throttleNext(o?: { retryAfter?: number }): void;
}

let seq = 7_100_000_000_000_000_000n;
let memberSeq = 0;
// An hour ago, a second an item: recent enough for every window.
let clock = Date.now() - 3_600_000;
const nextId = () => String(++seq);
const tick = () => (clock += 1000);

/** Rest.li 2.0 encoding of one value, as LinkedIn's client does it. */
const restli = (v: string) =>
  encodeURIComponent(v).replace(/[,()':]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export const linkedinErrorAnswer = (status: number, code: string, message: string, serviceErrorCode?: number) => ({
  status,
  json: { status, ...(serviceErrorCode !== undefined ? { serviceErrorCode } : {}), code, message },
});

const TOKEN_ERRORS = {
  missing: linkedinErrorAnswer(401, 'EMPTY_ACCESS_TOKEN', 'Empty oauth2_access_token', 65604),
  invalid: linkedinErrorAnswer(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600),
  expired: linkedinErrorAnswer(401, 'EXPIRED_ACCESS_TOKEN', 'The token used in the request has expired', 65602),
  revoked: linkedinErrorAnswer(
    401,
    'REVOKED_ACCESS_TOKEN',
    'The token used in the request has been revoked by the user',
    65601,
  ),
};

const notFound = () => linkedinErrorAnswer(404, 'RESOURCE_NOT_FOUND', 'No virtual resource found');
const badPath = () => linkedinErrorAnswer(400, 'ILLEGAL_ARGUMENT', 'Syntax exception in path variables');
const badQuery = (what: string) => linkedinErrorAnswer(400, 'ILLEGAL_ARGUMENT', `Invalid query parameter: ${what}`);

/** A URN path segment, only when Rest.li 2.0 encoded exactly. */
function pathUrn(segment: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return /^urn:li:[A-Za-z]+:/.test(decoded) && restli(decoded) === segment ? decoded : null;
}

export async function startFakeLinkedIn(
  o: { clientId?: string; clientSecret?: string; sunsetBefore?: number } = {},
): Promise<FakeLinkedIn> {
  const orgs = new Map<string, FakeLiOrg>();
  const posts: FakeLiPost[] = [];
  const comments: FakeLiComment[] = [];
  const tokens = new Map<string, FakeLiToken>();
  const refreshTokens = new Map<string, { member: string; revoked: boolean }>();
  const codes = new Map<string, { redirectUri: string; member: string }>();
  const created: FakeLinkedIn['created'] = [];
  const sunsetBefore = o.sunsetBefore ?? 202_503;
  let server: FakeServer;

  const newToken = (member: string, scopes = ALL_SCOPES) => {
    const accessToken = `AQV${nextId()}${Math.random().toString(36).slice(2, 10)}`;
    tokens.set(accessToken, { member, scopes: [...scopes], state: 'valid' });
    return accessToken;
  };

  const postByAny = (urn: string) => posts.find((p) => !p.deleted && (p.urn === urn || p.activity === urn));
  const commentByUrn = (urn: string) => comments.find((c) => !c.deleted && c.urn === urn);

  const commentJson = (c: FakeLiComment) => {
    const post = posts.find((p) => p.urn === c.postUrn)!;
    const replies = comments.filter((r) => !r.deleted && r.parentUrn === c.urn);
    return {
      id: c.id,
      commentUrn: c.urn,
      $URN: c.urn,
      actor: c.actor,
      ...(c.agent ? { agent: c.agent } : {}),
      object: post.activity,
      created: { actor: c.agent ?? c.actor, time: c.createdAt },
      lastModified: { actor: c.agent ?? c.actor, time: c.lastModifiedAt },
      message: { text: c.text, attributes: [] },
      ...(c.parentUrn ? { parentComment: c.parentUrn } : {}),
      commentsSummary: {
        selectedComments: replies.slice(0, 3).map((r) => r.urn),
        totalFirstLevelComments: replies.length,
        aggregatedTotalComments: replies.length,
      },
      likesSummary: { selectedLikes: [], aggregatedTotalLikes: 0, likedByCurrentUser: false, totalLikes: 0 },
    };
  };
  const postJson = (p: FakeLiPost) => ({
    id: p.urn,
    author: p.author,
    commentary: p.commentary,
    visibility: 'PUBLIC',
    lifecycleState: 'PUBLISHED',
    createdAt: p.createdAt,
    publishedAt: p.createdAt,
    lastModifiedAt: p.lastModifiedAt,
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    isReshareDisabledByAuthor: false,
    lifecycleStateInfo: { isEditedByAuthor: p.lastModifiedAt > p.createdAt },
  });

  /** LinkedIn's collection shape over `items`, cut at start/count. */
  const collection = (req: FakeRequest, items: unknown[], defaultCount = 10): FakeResponse => {
    const start = Number(req.query.get('start') ?? 0);
    const count = Number(req.query.get('count') ?? defaultCount);
    if (!Number.isInteger(start) || start < 0 || !Number.isInteger(count) || count < 1 || count > 100)
      return badQuery('start/count');
    const slice = items.slice(start, start + count);
    const links =
      start + count < items.length
        ? [{ type: 'application/json', rel: 'next', href: `${req.path}?start=${start + count}&count=${count}` }]
        : [];
    return { json: { elements: slice, paging: { start, count, links, total: items.length } } };
  };

  /** The token's member and permissions, or LinkedIn's refusal. */
  const authorise = (req: FakeRequest, scope: string): FakeLiToken | FakeResponse => {
    const header = String(req.headers.authorization ?? '');
    if (!header) return TOKEN_ERRORS.missing;
    const m = /^Bearer (\S+)$/.exec(header);
    if (!m) return linkedinErrorAnswer(401, 'INVALID_AUTHENTICATION', 'Unknown authentication scheme', 65603);
    const t = tokens.get(m[1]!);
    if (!t) return TOKEN_ERRORS.invalid;
    if (t.state === 'expired') return TOKEN_ERRORS.expired;
    if (t.state === 'revoked') return TOKEN_ERRORS.revoked;
    if (!t.scopes.includes(scope))
      return linkedinErrorAnswer(
        403,
        'ACCESS_DENIED',
        `Not enough permissions to access: ${req.method} ${req.path}`,
        100,
      );
    return t;
  };

  function tokenRoute(req: FakeRequest): FakeResponse {
    const form = new URLSearchParams(req.body);
    const oauthError = (error: string, description: string) => ({
      status: 400,
      json: { error, error_description: description },
    });
    if (form.get('client_id') !== fake.clientId || form.get('client_secret') !== fake.clientSecret)
      return { status: 401, json: { error: 'invalid_client', error_description: 'Client authentication failed' } };
    const grant = (member: string, refreshToken: string, refreshLeft: number): FakeResponse => ({
      json: {
        access_token: newToken(member),
        expires_in: 5_184_000,
        refresh_token: refreshToken,
        refresh_token_expires_in: refreshLeft,
        scope: ALL_SCOPES.join(','),
      },
    });
    if (form.get('grant_type') === 'refresh_token') {
      const rt = refreshTokens.get(form.get('refresh_token') ?? '');
      if (!rt || rt.revoked)
        return oauthError('invalid_grant', 'The provided authorization grant or refresh token is invalid or revoked');
      return grant(rt.member, form.get('refresh_token')!, 31_000_000);
    }
    if (form.get('grant_type') === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      if (!code || code.redirectUri !== form.get('redirect_uri'))
        return oauthError(
          'invalid_request',
          'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code',
        );
      codes.delete(form.get('code')!);
      const refreshToken = `AQX${nextId()}`;
      refreshTokens.set(refreshToken, { member: code.member, revoked: false });
      return grant(code.member, refreshToken, 31_536_000);
    }
    return oauthError('unsupported_grant_type', 'The grant type is not supported');
  }

  /**
   * LinkedIn's consent page, decided at once: `decision=cancel` sends the person back with
   * error=user_cancelled_authorize; otherwise with a code and the state (an unknown client is refused).
   */
  function consentRoute(req: FakeRequest): FakeResponse {
    const q = req.query;
    const redirect = q.get('redirect_uri');
    if (q.get('client_id') !== fake.clientId || !redirect || q.get('response_type') !== 'code')
      return { status: 400, raw: '<p>Invalid redirect_uri or client_id</p>', headers: { 'content-type': 'text/html' } };
    const back = new URL(redirect);
    if (q.get('decision') === 'cancel') {
      back.searchParams.set('error', 'user_cancelled_authorize');
      back.searchParams.set('error_description', 'The user cancelled the authorization');
    } else {
      fake.consents.push((q.get('scope') ?? '').split(' ').filter(Boolean));
      back.searchParams.set('code', fake.issueCode(redirect));
    }
    back.searchParams.set('state', q.get('state') ?? '');
    return { status: 302, headers: { location: back.toString() } };
  }

  function restRoute(req: FakeRequest): FakeResponse | Promise<FakeResponse> {
    const version = String(req.headers['linkedin-version'] ?? '');
    if (!version)
      return linkedinErrorAnswer(
        400,
        'VERSION_MISSING',
        'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
      );
    if (!/^20\d{4}$/.test(version) || Number(version) < sunsetBefore)
      return linkedinErrorAnswer(426, 'NONEXISTENT_VERSION', `Requested version ${version.slice(0, 10)} is not active`);
    if (req.headers['x-restli-protocol-version'] !== '2.0.0')
      return linkedinErrorAnswer(
        400,
        'ILLEGAL_ARGUMENT',
        'Rest.li protocol 2.0.0 is required: X-Restli-Protocol-Version',
      );
    const parts = req.path.split('/').filter(Boolean).slice(1);
    const [resource, target, sub, id] = parts;

    if (resource === 'posts' && req.method === 'GET') {
      const t = authorise(req, 'r_organization_social');
      if (!('member' in t)) return t;
      if (target !== undefined) {
        const urn = pathUrn(target);
        if (!urn || parts.length > 2) return badPath();
        const p = posts.find((x) => x.urn === urn && !x.deleted);
        return p ? { json: postJson(p) } : notFound();
      }
      if (req.query.get('q') !== 'author') return badQuery('q');
      const author = req.query.get('author') ?? '';
      if (!/^urn:li:(organization|person):[\w-]+$/.test(author)) return badQuery('author');
      const mine = posts.filter((p) => p.author === author && !p.deleted);
      mine.sort((a, b) => b.lastModifiedAt - a.lastModifiedAt);
      return collection(req, mine.map(postJson));
    }

    if (resource === 'socialActions' && target !== undefined && sub === 'comments') {
      const on = pathUrn(target);
      if (!on || parts.length > 4) return badPath();
      const post = on.startsWith('urn:li:comment:')
        ? posts.find((p) => p.urn === commentByUrn(on)?.postUrn && !p.deleted)
        : postByAny(on);
      if (req.method === 'GET' && id === undefined) {
        const t = authorise(req, 'r_organization_social');
        if (!('member' in t)) return t;
        if (!post) return notFound();
        const list = comments
          .filter((c) => !c.deleted && c.postUrn === post.urn)
          .filter((c) => (on.startsWith('urn:li:comment:') ? c.parentUrn === on : c.parentUrn === null))
          .sort((a, b) => a.createdAt - b.createdAt);
        return collection(req, list.map(commentJson));
      }
      if (req.method === 'POST' && id === undefined) return createComment(req, on, post);
      if (id !== undefined) {
        const c = comments.find((x) => x.id === decodeURIComponent(id) && !x.deleted);
        // The comment is addressed under its post (share or activity) or under the comment it answers.
        const under = c && post && c.postUrn === post.urn && (!on.startsWith('urn:li:comment:') || c.parentUrn === on);
        if (req.method === 'GET') {
          const t = authorise(req, 'r_organization_social');
          if (!('member' in t)) return t;
          return c && under ? { json: commentJson(c) } : notFound();
        }
        if (req.method === 'DELETE') {
          const t = authorise(req, 'w_organization_social');
          if (!('member' in t)) return t;
          if (!c || !under) return notFound();
          const actor = req.query.get('actor');
          if (!actor || !/^urn:li:(organization|person):[\w-]+$/.test(actor)) return badQuery('actor');
          if (actor !== c.actor)
            return linkedinErrorAnswer(403, 'ACCESS_DENIED', 'Not enough permissions to delete this comment', 100);
          c.deleted = true;
          return { status: 204, raw: '' };
        }
      }
    }

    if (resource === 'organizationalEntityNotifications' && req.method === 'GET' && target === undefined) {
      const t = authorise(req, 'rw_organization_admin');
      if (!('member' in t)) return t;
      if (req.query.get('q') !== 'criteria') return badQuery('q');
      const org = req.query.get('organizationalEntity') ?? '';
      if (!orgs.has(org)) return badQuery('organizationalEntity');
      const actions = /^List\(([A-Z_,]*)\)$/.exec(req.query.get('actions') ?? '')?.[1]?.split(',');
      if (!actions) return badQuery('actions');
      const range = req.query.get('timeRange');
      const r = range === null ? null : /^\(start:(\d+),end:(\d+)\)$/.exec(range);
      if (range !== null && !r) return badQuery('timeRange');
      const from = r ? Number(r[1]) : 0;
      const to = r ? Number(r[2]) : Number.MAX_SAFE_INTEGER;
      const notes = [
        ...posts
          .filter((p) => actions.includes('SHARE_MENTION') && !p.deleted && p.mentions.includes(org))
          .map((p) => ({
            action: 'SHARE_MENTION',
            organizationalEntity: org,
            sourcePost: p.urn,
            decoratedSourcePost: { entity: p.urn, owner: p.author },
            lastModifiedAt: p.createdAt,
          })),
        ...comments
          .filter((c) => actions.includes('COMMENT') && !c.deleted)
          .flatMap((c) => {
            const p = posts.find((x) => x.urn === c.postUrn && x.author === org);
            return p
              ? [
                  {
                    action: 'COMMENT',
                    organizationalEntity: org,
                    sourcePost: p.activity,
                    generatedActivity: c.urn,
                    decoratedGeneratedActivity: { comment: { entity: c.urn, owner: c.actor, text: c.text } },
                    lastModifiedAt: c.createdAt,
                  },
                ]
              : [];
          }),
      ]
        .filter((n) => n.lastModifiedAt >= from && n.lastModifiedAt <= to)
        .sort((a, b) => b.lastModifiedAt - a.lastModifiedAt);
      return collection(req, notes);
    }

    // The Pages the signed-in member administers (Connect LinkedIn lists them to pick from).
    if (resource === 'organizationAcls' && req.method === 'GET' && target === undefined) {
      const t = authorise(req, 'rw_organization_admin');
      if (!('member' in t)) return t;
      if (req.query.get('q') !== 'roleAssignee') return badQuery('q');
      const role = req.query.get('role');
      const acls = [...orgs.values()]
        .filter((org) => fake.administers(t.member).includes(org.urn))
        .map((org) => ({ organization: org.urn, role: 'ADMINISTRATOR', roleAssignee: t.member, state: 'APPROVED' }))
        .filter((a) => !role || a.role === role);
      return collection(req, acls);
    }

    if (resource === 'organizations' && req.method === 'GET' && target !== undefined && parts.length === 2) {
      const t = authorise(req, 'rw_organization_admin');
      if (!('member' in t)) return t;
      const org = [...orgs.values()].find((x) => x.id === target);
      return org
        ? { json: { id: Number(org.id), localizedName: org.name, vanityName: org.vanityName, name: { localized: {} } } }
        : notFound();
    }
    return notFound();
  }

  function createComment(req: FakeRequest, on: string, post: FakeLiPost | undefined): FakeResponse {
    const t = authorise(req, 'w_organization_social');
    if (!('member' in t)) return t;
    if (!post) return notFound();
    let body: { actor?: unknown; object?: unknown; message?: { text?: unknown }; parentComment?: unknown };
    try {
      body = JSON.parse(req.body);
    } catch {
      return linkedinErrorAnswer(400, 'ILLEGAL_ARGUMENT', 'Malformed JSON body');
    }
    const text = body.message?.text;
    if (typeof text !== 'string' || !text.trim())
      return linkedinErrorAnswer(422, 'UNPROCESSABLE_ENTITY', '/message/text :: field is required but not found');
    if ([...text].length > 1250)
      return linkedinErrorAnswer(422, 'UNPROCESSABLE_ENTITY', '/message/text :: length must be at most 1250');
    if (typeof body.actor !== 'string' || !orgs.has(body.actor))
      return linkedinErrorAnswer(403, 'ACCESS_DENIED', 'Not enough permissions to comment as this actor', 100);
    if (body.object !== post.urn && body.object !== post.activity)
      return linkedinErrorAnswer(400, 'ILLEGAL_ARGUMENT', '/object :: does not match the entity in the path');
    const parent = on.startsWith('urn:li:comment:') ? commentByUrn(on) : undefined;
    if (parent && (body.parentComment !== on || parent.parentUrn !== null))
      return linkedinErrorAnswer(
        400,
        'ILLEGAL_ARGUMENT',
        '/parentComment :: must be the first-level comment in the path',
      );
    const c = fake.addComment({
      post: post.urn,
      actor: body.actor,
      text,
      createdAt: Date.now(),
      ...(parent ? { parent: parent.urn } : {}),
    });
    c.agent = t.member;
    created.push({ parent: on, actor: body.actor, urn: c.urn, text });
    return { status: 201, headers: { 'x-restli-id': c.id }, json: commentJson(c) };
  }

  server = await startFakeServer((req) => {
    if (req.path === '/oauth/v2/accessToken' && req.method === 'POST') return tokenRoute;
    if (req.path === '/oauth/v2/authorization' && req.method === 'GET') return consentRoute;
    if (req.path.startsWith('/rest/')) return restRoute;
    return undefined;
  });

  const fake: FakeLinkedIn = {
    ...server,
    tokenUrl: `${server.url}oauth/v2/accessToken`,
    authorizeUrl: `${server.url}oauth/v2/authorization`,
    consents: [],
    administers: () => [...orgs.keys()],
    clientId: o.clientId ?? '86linkedinclient',
    clientSecret: o.clientSecret ?? 'WPL_AP1.fakesecret',
    orgs,
    posts,
    comments,
    tokens,
    refreshTokens,
    created,
    createdUnder: (parent, actor) => created.filter((c) => c.parent === parent && (!actor || c.actor === actor)).length,
    addOrganization({ name }) {
      const id = String(10_000_000 + orgs.size + Math.floor(Math.random() * 1000) * 1000);
      const org = { urn: `urn:li:organization:${id}`, id, name, vanityName: name.toLowerCase().replace(/\W+/g, '-') };
      orgs.set(org.urn, org);
      return org;
    },
    issueToken(t = {}) {
      const member = `urn:li:person:m${++memberSeq}Xq`;
      const accessToken = newToken(member, t.scopes);
      const refreshToken = `AQX${nextId()}`;
      refreshTokens.set(refreshToken, { member, revoked: false });
      return { accessToken, refreshToken, member };
    },
    issueCode(redirectUri) {
      const code = `AQT${nextId()}`;
      codes.set(code, { redirectUri, member: `urn:li:person:m${++memberSeq}Xq` });
      return code;
    },
    addPost(p) {
      const createdAt = p.createdAt ?? tick();
      const post: FakeLiPost = {
        urn: p.urn ?? `urn:li:share:${nextId()}`,
        activity: p.activity ?? `urn:li:activity:${nextId()}`,
        author: p.author,
        commentary: p.commentary,
        createdAt,
        lastModifiedAt: p.lastModifiedAt ?? createdAt,
        mentions: p.mentions ?? [],
        deleted: p.deleted ?? false,
      };
      posts.push(post);
      return post;
    },
    addComment(c) {
      const post = posts.find((p) => p.urn === c.post)!;
      const id = nextId();
      const createdAt = c.createdAt ?? tick();
      const comment: FakeLiComment = {
        id,
        urn: `urn:li:comment:(${post.activity},${id})`,
        postUrn: post.urn,
        actor: c.actor,
        text: c.text,
        createdAt,
        lastModifiedAt: createdAt,
        parentUrn: c.parent ?? null,
        deleted: false,
      };
      comments.push(comment);
      return comment;
    },
    editComment(urn, text) {
      const c = comments.find((x) => x.urn === urn)!;
      c.text = text;
      c.lastModifiedAt = Math.max(tick(), c.createdAt + 1);
    },
    deleteComment(urn) {
      comments.find((x) => x.urn === urn)!.deleted = true;
    },
    throttleNext(t = {}) {
      server.fault({
        match: (req) => req.path.startsWith('/rest/'),
        ...linkedinErrorAnswer(
          429,
          'TOO_MANY_REQUESTS',
          'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
          101,
        ),
        ...(t.retryAfter !== undefined ? { headers: { 'retry-after': String(t.retryAfter) } } : {}),
      });
    },
  };
  return fake;
}
