import data from './lexicons.generated.json' with { type: 'json' };

/**
 * The lexicons, as Maps for fast lookup. Built by scripts/build-lexicons.ts from the packages that
 * maintain them (VADER, AFINN-165 through wink-sentiment, natural's multilingual lexicons).
 */
type Lex = Record<string, number>;
const toMap = (o: Lex) => new Map(Object.entries(o));
const d = data as unknown as Record<string, Lex> & { negations: Record<string, string[]> };

/** English valences, -4..4 (VADER's scale). */
export const EN = toMap(d.en!);
export const EN_BIGRAMS = toMap(d.enBigrams!);
export const EMOJI = toMap(d.emoji!);

export const OTHER_LANGUAGES = ['de', 'es', 'fr', 'pt', 'it', 'nl'] as const;
export type OtherLanguage = (typeof OTHER_LANGUAGES)[number];

/** Valences -1..1 per language (natural's pattern, senticon and AFINN lexicons). */
export const OTHER: Record<OtherLanguage, Map<string, number>> = {
  de: toMap(d.de!),
  es: toMap(d.es!),
  fr: toMap(d.fr!),
  pt: toMap(d.pt!),
  it: toMap(d.it!),
  nl: toMap(d.nl!),
};

/** German forms only a noun has: read only where a post capitalises them ("Sucht", not "sucht"). */
export const DE_NOUN_ONLY = new Set((data as unknown as { deNounOnly: string[] }).deNounOnly);

// natural ships negation lists for four of the six; French and Italian are short enough to write.
export const NEGATIONS: Record<OtherLanguage, Set<string>> = {
  de: new Set([...(d.negations.de ?? []), 'keine', 'keinen', 'keinem', 'keiner', 'nie', 'niemals', 'nichts', 'kaum']),
  es: new Set(d.negations.es ?? []),
  nl: new Set(d.negations.nl ?? []),
  pt: new Set(d.negations.pt ?? []),
  fr: new Set(['ne', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'personne', 'guère', "n'", 'sans']),
  it: new Set(['non', 'mai', 'niente', 'nulla', 'nessuno', 'nessuna', 'senza', 'né']),
};

const lists = (data as unknown as { stopwords: Record<OtherLanguage, string[]> }).stopwords;
/** stopwords-iso's function words of each of the six (MIT): no key terms, and no opinion unless curated. */
export const OTHER_STOPWORDS: Record<OtherLanguage, Set<string>> = {
  de: new Set(lists.de),
  es: new Set(lists.es),
  fr: new Set(lists.fr),
  pt: new Set(lists.pt),
  it: new Set(lists.it),
  nl: new Set(lists.nl),
};

/** The six languages' stopwords that are no English words ("und", "avec"; not "war", "car"), for key terms. */
export const FOREIGN_ONLY_STOPWORDS: readonly string[] = (data as unknown as { foreignStopwords: string[] })
  .foreignStopwords;

const words = (data as unknown as { languageWords: { english: string[]; foreign: string[] } }).languageWords;
/** English stopwords no other scored language uses as one, and theirs English lacks (stopwords-iso). */
export const ENGLISH_STOPWORDS = new Set(words.english);
export const FOREIGN_STOPWORDS = new Set(words.foreign);
