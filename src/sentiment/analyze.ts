import { type Aspect, findAspects, keyTerms } from './aspects';
import { hashtagsIn } from './hashtags';
import { detectIntents, type Intent } from './intents';
import { type Explanation, judge } from './judge';
import { read } from './reading';
import type { CompiledLexicon } from './workspace-lexicon';

import { ANALYSIS_VERSION } from './version';

export { ANALYSIS_VERSION };
export type { Contribution, Explanation } from './judge';
/** The rules' label for a score (languages without a model). */
export { labelFromRules as labelFor, THRESHOLDS } from './decide';

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
  let explanation: Explanation | null | undefined;
  const mentions: string[] = [];
  const emoji: string[] = [];
  for (const t of r.tokens) {
    if (t.type === 'mention') mentions.push(t.value);
    else if (t.type === 'emoji') emoji.push(t.value);
  }
  return {
    version: ANALYSIS_VERSION,
    language: r.language,
    score: verdict?.score ?? 0,
    label,
    confidence: verdict?.confidence ?? 0,
    get explanation() {
      explanation ??= verdict ? verdict.explain() : null;
      return explanation;
    },
    // Without URLs: a "?" in a link's query string asks nothing.
    intents: detectIntents({
      text: r.words.toLowerCase(),
      original: r.words,
      label,
      score: verdict?.score ?? 0,
      confidence: verdict?.confidence ?? 0,
    }),
    aspects: r.language === 'en' && r.rules ? findAspects(r.tokens, r.rules.hits) : [],
    keyTerms: keyTerms(r.tokens),
    // The one rule the report rollups count by, whatever the tokens made of them.
    hashtags: hashtagsIn(input),
    mentions,
    urls: r.urls,
    emoji,
  };
}
