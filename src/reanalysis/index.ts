/**
 * Reanalysis: a mention's analysis decided again, by a person (corrections) or a newer analyzer;
 * contact totals, the conversation's priority and the report rollups follow.
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** Re-scores every mention analysed by an older analyzer version, in batches, with progress. */
export { reanalyzeMentions } from './reanalyze';
/** Re-scores the mentions a vocabulary change marked, in small batches (the app's listener and job). */
export { reanalyzeMarked } from './reanalyze';
/** The corrections' error codes, with their kinds and messages (the error catalogue lists them). */
export { REANALYSIS_ERRORS } from './errors';
