import { normalize, type QueryNode } from './query';

/**
 * Local matching of a parsed topic query against one post: every mention learns which topics it
 * hits, whatever the platform's own search returned. Whole words, case-insensitive; CJK terms
 * (written without spaces) match as substrings.
 */
export interface MatchInput {
  text: string;
  authorHandle?: string | null;
}

export interface PreparedText {
  normalized: string;
  words: string[];
  hashtags: Set<string>;
  handles: Set<string>;
}

const WORD = /[\p{L}\p{N}_]+/gu;
const HASHTAG = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu;
const HANDLE = /(?:^|[^\p{L}\p{N}_])@([\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}.-]+)?)/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/** Tokenises a post once, so many topics can be matched against it cheaply. */
export function prepareText(input: MatchInput): PreparedText {
  const normalized = normalize(input.text);
  const hashtags = new Set<string>();
  const handles = new Set<string>();
  for (const m of normalized.matchAll(HASHTAG)) hashtags.add(m[1]!);
  for (const m of normalized.matchAll(HANDLE)) {
    const h = m[1]!.replace(/[.-]+$/, '');
    handles.add(h);
    // @user@instance also counts as @user (Mastodon writes both forms).
    if (h.includes('@')) handles.add(h.split('@')[0]!);
  }
  if (input.authorHandle) {
    const a = normalize(input.authorHandle).replace(/^@/, '');
    handles.add(a);
    if (a.includes('@')) handles.add(a.split('@')[0]!);
  }
  return { normalized, words: normalized.match(WORD) ?? [], hashtags, handles };
}

const splitWords = (s: string) => s.match(WORD) ?? [];

function containsSequence(words: string[], seq: string[]): boolean {
  if (seq.length === 0) return false;
  outer: for (let i = 0; i + seq.length <= words.length; i++) {
    for (let j = 0; j < seq.length; j++) if (words[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

function matchWords(text: PreparedText, value: string): boolean {
  if (CJK.test(value)) return text.normalized.includes(value);
  return containsSequence(text.words, splitWords(value));
}

export function matches(node: QueryNode, text: PreparedText): boolean {
  switch (node.type) {
    case 'term':
    case 'phrase':
      return matchWords(text, node.value);
    case 'hashtag':
      return text.hashtags.has(node.value);
    case 'handle':
      return text.handles.has(node.value);
    case 'not':
      return !matches(node.child, text);
    case 'and':
      return node.children.every((c) => matches(c, text));
    case 'or':
      return node.children.some((c) => matches(c, text));
  }
}

/** The ids of the topics a post hits. */
export function matchTopics(topics: { id: string; query: QueryNode }[], input: MatchInput): string[] {
  const text = prepareText(input);
  return topics.filter((t) => matches(t.query, text)).map((t) => t.id);
}
