import type { SearchPlan } from '../core/search-plan';
import type { QueryNode } from './query';

/**
 * Turns a topic query into what each platform's own search understands. The server-side search
 * only needs to be a superset: every post is matched locally afterwards (match.ts), so a platform
 * without OR gets one search per OR branch, and one without exclusions simply drops them.
 */
export const SEARCH_PLATFORMS = [
  'x',
  'mastodon',
  'bluesky',
  'reddit',
  'hackernews',
  'threads',
  'instagram',
  'youtube',
] as const;
export type SearchPlatform = (typeof SEARCH_PLATFORMS)[number];

export class CompileError extends Error {
  override name = 'CompileError';
}

/** Most platforms allow at most this many searches per topic; beyond it the query is too broad. */
export const MAX_BRANCHES = 10;
export const X_MAX_QUERY = 512;

const quote = (s: string) => `"${s.replace(/"/g, '')}"`;

/** Full boolean syntax with parentheses: X (`-` and OR) and Reddit (NOT and OR). */
function boolean(node: QueryNode, dialect: 'x' | 'reddit'): string {
  const group = (n: QueryNode) =>
    n.type === 'or' || n.type === 'and' ? `(${boolean(n, dialect)})` : boolean(n, dialect);
  switch (node.type) {
    case 'term':
      return /[\s:()"]/.test(node.value) ? quote(node.value) : node.value;
    case 'phrase':
      return quote(node.value);
    case 'hashtag':
      return `#${node.value}`;
    case 'handle':
      return dialect === 'x' ? `(@${node.value} OR from:${node.value})` : quote(node.value);
    case 'not':
      return dialect === 'x' ? `-${group(node.child)}` : `NOT ${group(node.child)}`;
    case 'and':
      return node.children
        .map((c) => (c.type === 'or' ? group(c) : boolean(c, dialect)))
        .join(dialect === 'x' ? ' ' : ' AND ');
    case 'or':
      return node.children.map((c) => (c.type === 'and' ? group(c) : boolean(c, dialect))).join(' OR ');
  }
}

type Literal = Exclude<QueryNode, { type: 'and' | 'or' | 'not' }>;

/** Disjunctive normal form over positive literals only (exclusions dropped: superset-safe). */
function positiveDnf(node: QueryNode): Literal[][] {
  switch (node.type) {
    case 'not':
      return [[]];
    case 'or':
      return node.children.flatMap(positiveDnf);
    case 'and':
      return node.children.reduce<Literal[][]>(
        (acc, child) => acc.flatMap((left) => positiveDnf(child).map((right) => [...left, ...right])),
        [[]],
      );
    default:
      return [[node]];
  }
}

function branches(node: QueryNode): Literal[][] {
  const seen = new Set<string>();
  const out: Literal[][] = [];
  for (const conj of positiveDnf(node)) {
    if (conj.length === 0) continue;
    const key = conj
      .map((l) => `${l.type}:${l.value}`)
      .sort()
      .join('|');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(conj);
    }
  }
  if (out.length === 0) throw new CompileError('The query has nothing to search for');
  if (out.length > MAX_BRANCHES)
    throw new CompileError(`The query expands to ${out.length} searches; at most ${MAX_BRANCHES} are allowed`);
  return out;
}

const plainLiteral = (l: Literal) =>
  l.type === 'phrase'
    ? quote(l.value)
    : l.type === 'hashtag'
      ? `#${l.value}`
      : l.type === 'handle'
        ? `@${l.value}`
        : l.value;

export function compileQuery(node: QueryNode, platform: SearchPlatform): SearchPlan {
  switch (platform) {
    case 'x': {
      const q = boolean(node, 'x');
      if (q.length > X_MAX_QUERY)
        throw new CompileError(`The X search would be ${q.length} characters; X allows ${X_MAX_QUERY}`);
      return { queries: [q], hashtags: [] };
    }
    case 'reddit':
      return { queries: [boolean(node, 'reddit')], hashtags: [] };
    // Instagram searches hashtags only: a branch's hashtag, else its one plain word read as one (#acme for acme).
    case 'instagram': {
      const hashtags = new Set<string>();
      for (const conj of branches(node)) {
        const tag = conj.find((l) => l.type === 'hashtag') ?? (conj.length === 1 ? conj[0] : undefined);
        const word = tag?.value.toLowerCase().replace(/[^\p{L}\p{N}_]/gu, '');
        if (word && (tag!.type === 'hashtag' || tag!.type === 'term')) hashtags.add(word);
      }
      return { queries: [], hashtags: [...hashtags] };
    }
    // Threads' keyword search takes words (a phrase without its quotes), one search per branch.
    case 'threads':
      return { queries: branches(node).map((conj) => conj.map((l) => l.value).join(' ')), hashtags: [] };
    // A YouTube search costs 100 of the day's 10,000 units: one search per topic, its branches joined by `|`.
    case 'youtube':
      return {
        queries: [
          branches(node)
            .map((conj) => conj.map(plainLiteral).join(' '))
            .join(' | '),
        ],
        hashtags: [],
      };
    case 'bluesky':
    case 'hackernews':
      return { queries: branches(node).map((conj) => conj.map(plainLiteral).join(' ')), hashtags: [] };
    case 'mastodon': {
      // A branch that holds a hashtag is read from that hashtag's timeline; the rest is searched.
      const queries: string[] = [];
      const hashtags = new Set<string>();
      for (const conj of branches(node)) {
        const tag = conj.find((l) => l.type === 'hashtag');
        if (tag) hashtags.add(tag.value);
        else queries.push(conj.map((l) => (l.type === 'phrase' ? quote(l.value) : plainLiteral(l))).join(' '));
      }
      return { queries, hashtags: [...hashtags] };
    }
  }
}
