/**
 * Text analysis: sentiment score and label, language, intents, aspects and key terms. Pure (its API
 * route is in composition.ts).
 * Other modules load the analyzer through loadAnalyzer(): its lexicons, language model and
 * wink-nlp model cost ~0.3 s, which app start should not pay before the first mention arrives.
 */
/** What the analyzer finds in a text. */
export type { Analysis } from './analyze';
/** The intents the analyzer knows (question, complaint, praise, feature request, purchase intent, churn risk). */
export { INTENTS, type Intent } from './intent-names';
/** The one hashtag rule (Unicode, NFC), shared with the report rollups; light, no model. */
export { hashtagTerms } from './hashtags';
/** The analyzer module, loaded on first use (see above). */
export { loadAnalyzer } from './load';
/** The analyzer's version, stored with each analysis (`npm run cli -- reanalyze` redoes older ones). */
export { ANALYSIS_VERSION } from './version';
/** The analysis API's error codes, with their kinds and messages (the error catalogue lists them). */
export { SENTIMENT_ERRORS } from './errors';
/** A workspace's own terms compiled for analyze() (light: no model), with their weight range -4..4. */
export { compileLexicon, LEXICON_WEIGHT_RANGE, type CompiledLexicon, type LexiconEntry } from './workspace-lexicon';
/** The API shape of a label's explanation (POST /analyze, GET /mentions/{id}). */
export { ExplanationSchema } from './explanation.schema';
