import type { Token } from './tokens';

/**
 * A workspace's own vocabulary: a term or phrase, its language (null: every language) and a weight
 * -4..+4 on the lexicons' scale ("sick" +3 for a skate brand; a product name 0, i.e. neutral). A
 * matched term replaces what the model and the rules made of its words.
 */
export interface LexiconEntry {
  term: string;
  language: string | null;
  weight: number;
}

interface Compiled {
  words: string[];
  language: string | null;
  weight: number;
  term: string;
}

export type CompiledLexicon = Map<string, Compiled[]>;

export const LEXICON_WEIGHT_RANGE = { min: -4, max: 4 } as const;

const wordsOf = (term: string) =>
  term
    .normalize('NFC')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/^#/, ''));

/** Entries by their first word; longer phrases first, so "not sick" wins over "sick". */
export function compileLexicon(entries: readonly LexiconEntry[]): CompiledLexicon {
  const out: CompiledLexicon = new Map();
  for (const e of entries) {
    const words = wordsOf(e.term);
    if (words.length === 0) continue;
    const list = out.get(words[0]!) ?? [];
    list.push({ words, language: e.language, weight: e.weight, term: e.term });
    out.set(words[0]!, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
}

export interface LexiconMatch {
  term: string;
  weight: number;
  /** Token indices the term covers. */
  tokens: number[];
}

const wordOf = (t: Token) => (t.type === 'hashtag' ? t.lower.slice(1) : t.type === 'word' ? t.lower : null);

export function matchLexicon(lexicon: CompiledLexicon, tokens: Token[], language: string | null): LexiconMatch[] {
  if (lexicon.size === 0) return [];
  const matches: LexiconMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = wordOf(tokens[i]!);
    const candidates = first === null ? undefined : lexicon.get(first);
    if (!candidates) continue;
    for (const c of candidates) {
      if (c.language !== null && c.language !== language) continue;
      const at: number[] = [i];
      let j = i;
      for (let k = 1; k < c.words.length; k++) {
        j++;
        while (j < tokens.length && tokens[j]!.type === 'punctuation') j++;
        if (j >= tokens.length || wordOf(tokens[j]!) !== c.words[k]) break;
        at.push(j);
      }
      if (at.length !== c.words.length) continue;
      matches.push({ term: c.term, weight: c.weight, tokens: at });
      i = at[at.length - 1]!;
      break;
    }
  }
  return matches;
}
