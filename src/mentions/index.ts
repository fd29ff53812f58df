/**
 * Mentions: the stored posts (owner of the mentions table), their list, search and API.
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** A mention in the API's shape: its zod schema (OpenAPI "Mention") and the mapping from a stored row. */
export { Mention, mentionToApi } from './api-shape';
/** The labels staff may set on a mention (positive, neutral, negative). */
export { OVERRIDE_LABELS } from './schema';
/** An inbound post. */
export { mentions } from './schema';
/** A mention's intents as everything counts them (mentions aliased `m`) */
export { EFFECTIVE_INTENTS } from './effective-sentiment';
/** A mention's sentiment as reports and contacts count it, in SQL over mentions aliased `m`. */
export { EFFECTIVE_SENTIMENT } from './effective-sentiment';
/** A post's text as it is stored (what report rollups read hashtags from). */
export { clipText } from './store';
/** Stores a page of posts idempotently (unique per workspace, platform and external id). */
export { storePosts } from './store';
/** How many posts a store added and how many it had already. */
export type { StoreResult } from './store';
/** How many mentions a source has brought in (its settings page shows it). */
export { countSourceMentions } from './list';
