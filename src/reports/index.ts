/**
 * Reports: rollups and the pages and API over them (sentiment, share of voice, terms, authors, ratings, spikes).
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** Recounts a workspace's rollups from its mentions, a month at a time, reporting progress. */
export { rebuildRollups } from './rollups';
/** Adds (or takes away) facts already in memory to the report rollups, aggregated first. */
export { applyFacts } from './rollups';
/** The report channel of a mention: mentions, or the board's reviews or community posts. */
export { channelOf } from './rollup-rules';
/** What the rollups count of one mention. */
export type { RollupFact } from './rollup-rules';
/** What the rollups count of a mention as stored (or about to be), by every rule at once (rollup-rules.ts). */
export { rollupFactOf, type MentionForRollup } from './rollup-rules';
/** What a workspace counts its mentions by (its confidence threshold and time zone), read once per batch. */
export type { CountingRules } from './rollup-rules';
/** The time zone a workspace's reports count days in (read with its row held, as the threshold is). */
export { reportTimeZone } from './calendar';
/** After a workspace's time zone changed: its rollups recounted by the new zone, in the background. */
export { recountInNewTimeZone } from './rollups';
/** Recounts workspaces whose rollups are still in a zone they left (a recount cut short; a scheduled job). */
export { recountStaleZones } from './zone-catch-up';
/** The stored report facts of a page's posts that already exist (to take away before an edit). */
export { storedFacts } from './rollups';
/** A post's report terms, in JS, as the rollups' SQL counts them (for posts the pipeline has in memory). */
export { termsOf } from './rollup-rules';
/** Compares the last hours with the usual and raises spike alerts. */
export { checkSpikes } from './spikes';
/** What one spike check found. */
export type { SpikeRun } from './spikes';
/** Sends each workspace its weekly digest email (a scheduled job). */
export { sendWeeklyDigests } from './digest';
/** Adds (sign 1) or takes away (sign -1) the given mentions, as they are now, from the rollups. */
export { applyToRollups } from './rollups';
/** Moves the mentions a change of the confidence threshold concerns (out by the old, in by the new). */
export { applyConfidenceBand } from './rollups';
/** At start: spike webhooks this instance was posting when it stopped are due again at once. */
export { releaseWebhookLeases } from './spikes';
/** The reports' error codes, with their kinds and messages (the error catalogue lists them). */
export { REPORT_ERRORS } from './errors';
