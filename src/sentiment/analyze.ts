import { type Aspect, findAspects, keyTerms } from './aspects';
import { hashtagsOfWords } from './hashtags';
import { type Intent, intentsOf } from './intents';
import { type Explanation, type Judgement, judge } from './judge';
import { read } from './reading';
import type { CompiledLexicon } from './workspace-lexicon';

import { ANALYSIS_VERSION } from './version';

export { ANALYSIS_VERSION };
export type { Contribution, Explanation } from './judge';

export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'unscored';

export interface Analysis {
  version: number;
  /** ISO 639-1 code, or null when there is no text to tell. */
  language: string | null;
  /** -1 (very negative) .. 1 (very positive); 0 when unscored. */
  score: number;
  label: SentimentLabel;
  /** 0..1: how sure the label is (below a workspace's threshold it is shown as uncertain). */
  confidence: number;
  /** What decided the label; null when unscored. Worked out when first read (ingest never reads it). */
  readonly explanation: Explanation | null;
  intents: Intent[];
  /** A feature request sure enough to be suggested to the community board as an idea. */
  suggestsIdea: boolean;
  aspects: Aspect[];
  keyTerms: string[];
  hashtags: string[];
  mentions: string[];
  urls: string[];
  emoji: string[];
}

export interface AnalyzeOptions {
  /** Skip detection and analyse as this language (e.g. a source known to be German). */
  language?: string;
  /** The workspace's own terms (compileLexicon), applied over the model and the rules. */
  lexicon?: CompiledLexicon;
}

/**
 * Analyses one text: pure and synchronous (no I/O), so it runs inside the ingest transaction and
 * in tests without setup. Languages other than English and the six lexicon languages are labelled
 * `unscored`, never silently `neutral`.
 */
export function analyze(input: string, options: AnalyzeOptions = {}): Analysis {
  const r = read(input, options.language);
  const verdict = judge(r, options.lexicon);
  const label: SentimentLabel = verdict?.label ?? 'unscored';
  const mentions: string[] = [];
  const emoji: string[] = [];
  for (const t of r.tokens) {
    if (t.type === 'mention') mentions.push(t.value);
    else if (t.type === 'emoji') emoji.push(t.value);
  }
  // Without URLs: a "?" in a link's query string asks nothing.
  const { intents, suggestsIdea } = intentsOf({
    text: r.words.toLowerCase(),
    original: r.words,
    label,
    score: verdict?.score ?? 0,
    confidence: verdict?.confidence ?? 0,
  });
  return new Analysed(verdict, {
    version: ANALYSIS_VERSION,
    language: r.language,
    score: verdict?.score ?? 0,
    label,
    confidence: verdict?.confidence ?? 0,
    intents,
    suggestsIdea,
    aspects: r.language === 'en' && r.rules ? findAspects(r.tokens, r.rules.hits) : [],
    keyTerms: keyTerms(r.tokens),
    // The one rule the report rollups count by, whatever the tokens made of them.
    hashtags: input.includes('#') ? hashtagsOfWords(r.words) : [],
    mentions,
    urls: r.urls,
    emoji,
  });
}

/**
 * An analysis whose explanation is worked out when first read. A class, not an object literal with a
 * getter: V8 builds a literal holding a getter the slow way, which cost a quarter of analyze()'s time.
 */
class Analysed implements Analysis {
  version: number;
  language: string | null;
  score: number;
  label: SentimentLabel;
  confidence: number;
  intents: Intent[];
  suggestsIdea: boolean;
  aspects: Aspect[];
  keyTerms: string[];
  hashtags: string[];
  mentions: string[];
  urls: string[];
  emoji: string[];
  #verdict: Judgement | null;
  #explanation: Explanation | null | undefined;

  constructor(verdict: Judgement | null, a: Omit<Analysis, 'explanation'>) {
    this.#verdict = verdict;
    this.version = a.version;
    this.language = a.language;
    this.score = a.score;
    this.label = a.label;
    this.confidence = a.confidence;
    this.intents = a.intents;
    this.suggestsIdea = a.suggestsIdea;
    this.aspects = a.aspects;
    this.keyTerms = a.keyTerms;
    this.hashtags = a.hashtags;
    this.mentions = a.mentions;
    this.urls = a.urls;
    this.emoji = a.emoji;
  }

  get explanation(): Explanation | null {
    this.#explanation ??= this.#verdict ? this.#verdict.explain() : null;
    return this.#explanation;
  }
}
