import type { Hit } from './english';
import { STOPWORDS } from './stopwords';
import type { Token } from './tokens';

/**
 * The things a mention has an opinion about ("battery life" negative, "camera" positive): the
 * nearest content words to each opinion word, in the same clause, two in a row kept as one term.
 * No part-of-speech model: it runs for every mention, so it stays a cheap window search.
 */
export interface Aspect {
  term: string;
  sentiment: 'positive' | 'negative';
  score: number;
}

const CONTENT_WORD = /^[\p{L}][\p{L}\p{N}'-]*$/u;
const CLAUSE_END = /^[.!?;,]$|^but$|^and$|^though$|^although$/i;

function candidate(tokens: Token[], i: number, opinion: Set<number>): boolean {
  const t = tokens[i];
  if (!t || t.type !== 'word' || opinion.has(i)) return false;
  const w = t.lower;
  return w.length >= 3 && !STOPWORDS.has(w) && CONTENT_WORD.test(w);
}

export function findAspects(tokens: Token[], hits: Hit[]): Aspect[] {
  const opinion = new Set(hits.map((h) => h.index));
  const found = new Map<string, number>();
  for (const hit of hits) {
    if (tokens[hit.index]?.type !== 'word') continue;
    let at = -1;
    // Nearest content word, looking both ways, never across a clause boundary.
    for (let d = 1; d <= 4 && at < 0; d++) {
      for (const i of [hit.index - d, hit.index + d]) {
        if (i < 0 || i >= tokens.length) continue;
        const between = i < hit.index ? tokens.slice(i + 1, hit.index) : tokens.slice(hit.index + 1, i);
        if (between.some((t) => CLAUSE_END.test(t.value))) continue;
        if (candidate(tokens, i, opinion)) {
          at = i;
          break;
        }
      }
    }
    if (at < 0) continue;
    // "battery life", "customer service": join a content word right before or after.
    let start = at;
    let end = at;
    if (candidate(tokens, at - 1, opinion)) start = at - 1;
    else if (candidate(tokens, at + 1, opinion)) end = at + 1;
    const term = tokens
      .slice(start, end + 1)
      .map((t) => t.lower)
      .join(' ');
    found.set(term, (found.get(term) ?? 0) + hit.valence);
  }
  return [...found].map(([term, v]) => ({ term, sentiment: v >= 0 ? 'positive' : 'negative', score: Math.round((v / Math.sqrt(v * v + 15)) * 1000) / 1000 }));
}

/** Content words and hashtags, most frequent first: what the mention is about. */
export function keyTerms(tokens: Token[], limit = 8): string[] {
  const counts = new Map<string, number>();
  for (const t of tokens) {
    let w = t.lower;
    if (t.type === 'hashtag') w = w.slice(1);
    else if (t.type !== 'word') continue;
    if (w.length < 3 || STOPWORDS.has(w) || !CONTENT_WORD.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  // Insertion order already follows the text; only repeated words need to move up.
  const terms = [...counts];
  if (terms.some(([, n]) => n > 1)) terms.sort((a, b) => b[1] - a[1]);
  return terms.slice(0, limit).map(([w]) => w);
}
