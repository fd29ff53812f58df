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

/** A letter, then letters, digits, apostrophes or hyphens: a char-code loop for ASCII words (per token). */
function isContentWord(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c > 127) return CONTENT_WORD.test(w);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (k === 0 ? !letter : !(letter || (c >= 48 && c <= 57) || c === 39 || c === 45)) return false;
  }
  return w.length > 0;
}
const CLAUSE_END = /^[.!?;,]$|^but$|^and$|^though$|^although$/i;

function candidate(tokens: Token[], i: number, opinion: Set<number>): boolean {
  const t = tokens[i];
  if (t?.type !== 'word' || opinion.has(i)) return false;
  const w = t.lower;
  return w.length >= 3 && !STOPWORDS.has(w) && isContentWord(w);
}

/** Whether a clause boundary lies strictly between token positions a < b. */
function clauseBetween(tokens: Token[], a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (CLAUSE_END.test(tokens[k]!.value)) return true;
  return false;
}

export function findAspects(tokens: Token[], hits: Hit[]): Aspect[] {
  if (hits.length === 0) return [];
  // Runs for every mention: plain loops, no per-candidate arrays.
  const opinion = new Set<number>();
  for (const h of hits) opinion.add(h.index);
  const found = new Map<string, number>();
  for (const hit of hits) {
    const h = hit.index;
    if (tokens[h]?.type !== 'word') continue;
    let at = -1;
    // Nearest content word, looking both ways (before first), never across a clause boundary.
    for (let d = 1; d <= 4 && at < 0; d++) {
      const before = h - d;
      if (before >= 0 && !clauseBetween(tokens, before, h) && candidate(tokens, before, opinion)) at = before;
      else {
        const after = h + d;
        if (after < tokens.length && !clauseBetween(tokens, h, after) && candidate(tokens, after, opinion)) at = after;
      }
    }
    if (at < 0) continue;
    // "battery life", "customer service": join a content word right before or after.
    let term = tokens[at]!.lower;
    if (candidate(tokens, at - 1, opinion)) term = `${tokens[at - 1]!.lower} ${term}`;
    else if (candidate(tokens, at + 1, opinion)) term = `${term} ${tokens[at + 1]!.lower}`;
    found.set(term, (found.get(term) ?? 0) + hit.valence);
  }
  const aspects: Aspect[] = [];
  for (const [term, v] of found)
    aspects.push({
      term,
      sentiment: v >= 0 ? 'positive' : 'negative',
      score: Math.round((v / Math.sqrt(v * v + 15)) * 1000) / 1000,
    });
  return aspects;
}

/** Content words and hashtags, most frequent first: what the mention is about. */
export function keyTerms(tokens: Token[], limit = 8): string[] {
  // A post has a few dozen tokens: arrays beat a Map here (this runs for every mention).
  const terms: string[] = [];
  const counts: number[] = [];
  for (const t of tokens) {
    let w = t.lower;
    if (t.type === 'hashtag') w = w.slice(1);
    else if (t.type !== 'word') continue;
    if (w.length < 3 || STOPWORDS.has(w) || !isContentWord(w)) continue;
    const at = terms.indexOf(w);
    if (at >= 0) counts[at]!++;
    else {
      terms.push(w);
      counts.push(1);
    }
  }
  // Text order already; only repeated words move up (a stable sort keeps ties in text order).
  if (counts.some((n) => n > 1)) {
    const order = terms.map((_, i) => i).sort((a, b) => counts[b]! - counts[a]!);
    return order.slice(0, limit).map((i) => terms[i]!);
  }
  return terms.length > limit ? terms.slice(0, limit) : terms;
}
