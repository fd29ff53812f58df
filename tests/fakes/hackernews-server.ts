import { type FakeRequest, type FakeResponse, type FakeServer, startFakeServer } from './fake-http';

/**
 * A fake Algolia HN Search API (hn.algolia.com/api/v1) speaking its real wire format:
 * GET /api/v1/search_by_date with query, tags (comma = AND, parentheses = OR), numericFilters
 * (created_at_i, points, num_comments with < <= = != >= >), page, hitsPerPage (default 20, max
 * 1000) and the 1,000-hit pagination cap; answers { hits, nbHits, page, nbPages, hitsPerPage,
 * processingTimeMS, query, params, exhaustive* }; errors are { message, status }.
 */
export interface FakeHnItem {
  objectID: string;
  created_at: string;
  created_at_i: number;
  updated_at: string;
  author: string | null;
  title?: string | null;
  url?: string | null;
  story_text?: string | null;
  comment_text?: string | null;
  story_id?: number | null;
  parent_id?: number;
  story_title?: string | null;
  story_url?: string | null;
  points?: number | null;
  num_comments?: number | null;
  children?: number[];
  _tags: string[];
}

export interface FakeHackerNews extends FakeServer {
  /** The API root to configure as baseUrl (…/api/v1/). */
  baseUrl: string;
  items: FakeHnItem[];
  addStory(s: Partial<FakeHnItem> & { title: string }): FakeHnItem;
  addComment(c: Partial<FakeHnItem> & { comment_text: string; parent_id: number; story_id: number }): FakeHnItem;
  /** n stories mentioning `word`, `perSecond` to a second, the newest at `newestAt` (epoch seconds). */
  addMany(n: number, opts?: { word?: string; newestAt?: number; perSecond?: number }): void;
  rateLimitNext(retryAfterSeconds?: number): void;
}

let seq = 41_000_000;
const NUMERIC_ATTRS = new Set(['created_at_i', 'points', 'num_comments']);
// Algolia's default paginationLimitedTo: nothing past the first 1,000 hits can be paged to.
const PAGINATION_LIMIT = 1000;

const bad = (message: string): FakeResponse => ({ status: 400, json: { message, status: 400 } });

type NumericTest = (item: FakeHnItem) => boolean;

function parseNumericFilters(raw: string | null): NumericTest[] | string {
  if (!raw) return [];
  const tests: NumericTest[] = [];
  for (const part of raw.split(',')) {
    const m = /^\s*([a-z_]+)\s*(<=|>=|!=|<|>|=)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!m) return `Invalid syntax for numeric condition:${part}`;
    const [, attr, op, num] = m as unknown as [string, string, string, string];
    if (!NUMERIC_ATTRS.has(attr))
      return `Attribute ${attr} is not specified in the numericAttributesForFiltering setting`;
    const n = Number(num);
    tests.push((item) => {
      const v = item[attr as 'points'];
      if (typeof v !== 'number') return false;
      return op === '<'
        ? v < n
        : op === '<='
          ? v <= n
          : op === '>'
            ? v > n
            : op === '>='
              ? v >= n
              : op === '='
                ? v === n
                : v !== n;
    });
  }
  return tests;
}

/** Comma-separated tags are ANDed; a parenthesised group is ORed. */
function parseTags(raw: string | null): string[][] | string {
  if (!raw) return [];
  const groups: string[][] = [];
  const re = /\(([^()]*)\)|([^,()]+)/g;
  for (const m of raw.matchAll(re)) {
    const group = (m[1] ?? m[2] ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (group.length) groups.push(group);
  }
  if (raw.split('(').length !== raw.split(')').length) return `Invalid syntax for tagFilters:${raw}`;
  return groups;
}

function queryTerms(q: string): string[] {
  const terms: string[] = [];
  for (const m of q.toLowerCase().matchAll(/"([^"]*)"|(\S+)/g)) {
    const t = (m[1] ?? m[2] ?? '').replace(/^[#@]+/, '').trim();
    if (t) terms.push(t);
  }
  return terms;
}

const searchable = (i: FakeHnItem) =>
  [i.title, i.url, i.story_text, i.comment_text, i.author].filter(Boolean).join(' ').toLowerCase();

function highlight(value: string | null | undefined, terms: string[]) {
  const v = value ?? '';
  const matched = terms.filter((t) => v.toLowerCase().includes(t));
  let out = v;
  for (const t of matched)
    out = out.replace(new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), (s) => `<em>${s}</em>`);
  return {
    value: out,
    matchLevel: matched.length === 0 ? 'none' : matched.length === terms.length ? 'full' : 'partial',
    matchedWords: matched,
  };
}

function withHighlight(item: FakeHnItem, terms: string[]) {
  const fields = ['author', 'title', 'url', 'story_text', 'comment_text', 'story_title', 'story_url'] as const;
  const hr: Record<string, unknown> = {};
  for (const f of fields) if (item[f] != null) hr[f] = highlight(item[f], terms);
  return { ...item, _highlightResult: hr };
}

export async function startFakeHackerNews(): Promise<FakeHackerNews> {
  const items: FakeHnItem[] = [];

  function searchByDate(req: FakeRequest): FakeResponse {
    const q = req.query;
    const hitsPerPage = q.has('hitsPerPage') ? Number(q.get('hitsPerPage')) : 20;
    const page = q.has('page') ? Number(q.get('page')) : 0;
    if (!Number.isInteger(hitsPerPage) || hitsPerPage < 0 || hitsPerPage > 1000)
      return bad('Value too big for parameter hitsPerPage (maximum: 1000)');
    if (!Number.isInteger(page) || page < 0) return bad(`Invalid value for page: ${q.get('page')}`);
    const numeric = parseNumericFilters(q.get('numericFilters'));
    if (typeof numeric === 'string') return bad(numeric);
    const tags = parseTags(q.get('tags'));
    if (typeof tags === 'string') return bad(tags);
    const terms = queryTerms(q.get('query') ?? '');

    const matching = items
      .filter((i) => tags.every((group) => group.some((t) => i._tags.includes(t))))
      .filter((i) => numeric.every((test) => test(i)))
      .filter((i) => {
        const text = searchable(i);
        return terms.every((t) => text.includes(t));
      })
      .sort((a, b) => b.created_at_i - a.created_at_i || Number(b.objectID) - Number(a.objectID));
    const reachable = Math.min(matching.length, PAGINATION_LIMIT);
    const nbPages = hitsPerPage === 0 ? 0 : Math.ceil(reachable / hitsPerPage);
    const start = page * hitsPerPage;
    const hits = start >= reachable ? [] : matching.slice(start, Math.min(start + hitsPerPage, reachable));
    return {
      json: {
        exhaustive: { nbHits: true, typo: true },
        exhaustiveNbHits: true,
        exhaustiveTypo: true,
        hits: hits.map((i) => withHighlight(i, terms)),
        hitsPerPage,
        nbHits: matching.length,
        nbPages,
        page,
        params: `${q.toString()}&advancedSyntax=true&analytics=false`,
        processingTimeMS: 1,
        query: q.get('query') ?? '',
        serverTimeMS: 2,
      },
    };
  }

  const server = await startFakeServer((req) => {
    if (req.method === 'GET' && req.path === '/api/v1/search_by_date') return searchByDate;
    if (req.path.startsWith('/api/v1/'))
      return () => ({ status: 404, json: { message: 'Index does not exist', status: 404 } });
    return undefined;
  });

  const stamp = (at: number) => ({
    created_at_i: at,
    created_at: new Date(at * 1000).toISOString().replace('.000Z', 'Z'),
    updated_at: new Date(at * 1000).toISOString(),
  });
  const nowSec = () => Math.floor(Date.now() / 1000);

  return {
    ...server,
    baseUrl: `${server.url}api/v1/`,
    items,
    addStory(s) {
      const id = s.objectID ? Number(s.objectID) : ++seq;
      const author = s.author === undefined ? 'pg' : s.author;
      const item: FakeHnItem = {
        ...stamp(s.created_at_i ?? nowSec()),
        author,
        children: [],
        num_comments: 0,
        points: 1,
        story_id: id,
        url: null,
        story_text: null,
        ...s,
        title: s.title,
        objectID: String(id),
        _tags: s._tags ?? ['story', ...(author ? [`author_${author}`] : []), `story_${id}`],
      };
      items.push(item);
      return item;
    },
    addComment(c) {
      const id = c.objectID ? Number(c.objectID) : ++seq;
      const author = c.author === undefined ? 'dang' : c.author;
      const story = items.find((i) => i.objectID === String(c.story_id));
      const item: FakeHnItem = {
        ...stamp(c.created_at_i ?? nowSec()),
        author,
        children: [],
        story_title: story?.title ?? null,
        story_url: story?.url ?? null,
        ...c,
        objectID: String(id),
        _tags: c._tags ?? ['comment', ...(author ? [`author_${author}`] : []), `story_${c.story_id}`],
      };
      items.push(item);
      return item;
    },
    addMany(n, opts = {}) {
      const word = opts.word ?? 'acme';
      const newestAt = opts.newestAt ?? nowSec();
      const perSecond = opts.perSecond ?? 1;
      for (let k = 0; k < n; k++) {
        const id = ++seq;
        const author = `user${k % 13}`;
        items.push({
          ...stamp(newestAt - Math.floor(k / perSecond)),
          author,
          title: `${word} story ${k}`,
          url: `https://example.com/${k}`,
          story_text: null,
          story_id: id,
          points: k % 50,
          num_comments: k % 7,
          children: [],
          objectID: String(id),
          _tags: ['story', `author_${author}`, `story_${id}`],
        });
      }
    },
    rateLimitNext(retryAfterSeconds) {
      server.fault({
        status: 429,
        ...(retryAfterSeconds !== undefined ? { headers: { 'retry-after': String(retryAfterSeconds) } } : {}),
        json: { message: 'Too many requests', status: 429 },
      });
    },
  };
}
