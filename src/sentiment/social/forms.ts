/**
 * The shape of a curated social lexicon, and helpers that spell out inflected forms, so a list
 * names "kaputt" once and still matches "kaputte", "kaputten" (lookups are by exact word: a stemmer
 * would cost time on every token and merge words that differ in sense).
 */
export interface SocialLexicon {
  /** Word -> valence on VADER's -4..4 scale; 0 silences a wrong reading of the base lexicon. */
  words: Record<string, number>;
  /**
   * Phrases of two to five words -> valence. Politeness formulas are 0: "Mit freundlichen Grüßen"
   * and "Vielen Dank im Voraus" close a complaint as often as praise, so their words must not count.
   */
  phrases: Record<string, number>;
  /** Verbs that say something works: negated they are a complaint ("hält nicht", "no funciona"). */
  working: string[];
  /** Right after the negation, these make a working verb mean something else ("geht nicht um": is not about). */
  unlessNext?: string[];
  /** Regret that a negation does not turn ("leider nicht" is no less unfortunate). */
  unflipped: string[];
  /** "but": what follows is what the writer means. */
  contrast: string[];
}

/** Each word with each ending added: ('kaputt', ['', 'e']) -> kaputt, kaputte. */
export function withEndings(words: Record<string, number>, endings: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [w, v] of Object.entries(words)) for (const e of endings) out[w + e] = v;
  return out;
}

/** Each word's last letter swapped for each ending: ('malo', ['o', 'a']) -> malo, mala. */
export function swapLast(words: Record<string, number>, endings: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [w, v] of Object.entries(words)) for (const e of endings) out[w.slice(0, -1) + e] = v;
  return out;
}

/** German adjective endings (strong and weak declension, no comparison). */
export const DE_ADJECTIVE = ['', 'e', 'en', 'er', 'es', 'em'] as const;
/** Spanish and Portuguese adjectives in -o; Italian in -o; French past participles and adjectives. */
export const ES_PT_O = ['o', 'a', 'os', 'as'] as const;
export const IT_O = ['o', 'a', 'i', 'e'] as const;
export const FR_ADJECTIVE = ['', 'e', 's', 'es'] as const;
/** Dutch adjectives: attributive -e. */
export const NL_ADJECTIVE = ['', 'e'] as const;
