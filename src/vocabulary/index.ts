/**
 * Vocabulary: a workspace's own terms for the analyzer ("sick" +3 for a skate brand, a product name 0), with
 * their weights, a preview of what a new one changes, and the compiled lexicon ingest and re-analysis apply.
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** A workspace's compiled lexicon for analyze(), cached per workspace and checked for changes on each call. */
export { workspaceLexicon, workspaceLexicons } from './lexicon';
/** The event a change of a workspace's vocabulary raises after commit (re-analysis listens). */
export { VOCABULARY_CHANGED, type VocabularyChanged } from './events';
/** The vocabulary's error codes, with their kinds and messages (the error catalogue lists them). */
export { VOCABULARY_ERRORS } from './errors';
