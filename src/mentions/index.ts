/**
 * Mentions: the stored posts (owner of the mentions table), their list, search and API.
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** A mention in the API's shape: its zod schema (OpenAPI "Mention") and the mapping from a stored row. */
export { Mention, mentionToApi } from './api-shape';
/** One mention with its analysis explained, in the API's shape (OpenAPI "MentionWithAnalysis"). */
export { MentionWithAnalysis } from './analysis-shape';
/** Why a stored mention has its label: the analyzer again on its text, beside the stored analysis. */
export { explainMention, type MentionAnalysis } from './explain';
/** The labels staff may set on a mention (positive, neutral, negative). */
export { OVERRIDE_LABELS } from './schema';
/** An inbound post. */
export { mentions } from './schema';
/** A mention's intents as everything counts them (mentions aliased `m`) */
export { EFFECTIVE_INTENTS } from './effective-sentiment';
/** A mention's sentiment as reports and contacts count it, in SQL over mentions aliased `m`. */
export { EFFECTIVE_SENTIMENT } from './effective-sentiment';
/** A post's text as it is stored (what report rollups read hashtags from). */
export { analysedText, clipText } from './store';
/** The confidence stored with an analysis's label (none for `unscored`). */
export { storedConfidence } from './store';
/** Stores a page of posts idempotently (unique per workspace, platform and external id). */
export { storePosts } from './store';
/** How many posts a store added and how many it had already. */
export type { StoreResult } from './store';
/** How many mentions a source has brought in (its settings page shows it). */
export { countSourceMentions } from './list';
/** How many mentions carry a topic (before the topic is deleted). */
export { countTopicMentions } from './topic-count';
/** The label, score and intents a mention counts under, in TypeScript (the SQL fragments beside them). */
export { effectiveLabel, effectiveScore, effectiveIntents } from './effective-sentiment';
/** A model label less sure than the workspace's threshold (uncertain), and how sure the counted label is. */
export { isUncertain, effectiveConfidence } from './effective-sentiment';
/** The effective label in SQL over mentions aliased `m`. */
export { EFFECTIVE_LABEL } from './effective-sentiment';
/** Points new mentions at the inbox conversations they joined, in the caller's transaction. */
export { markThreadedSql } from './conversation-link';
/** The event a chunk of stored posts raises after commit, and its name. */
export { MENTIONS_STORED, mentionsStored, type MentionsStored } from './events';
/** The mentions as another feature's query reads them: a typed subquery aliased `m` (reports' rollups). */
export { mentionFacts, type MentionFactsQuery } from './facts';
/** Mentions with their effective label, sentiment and intents, as a typed subquery (contacts' totals, evidence). */
/** Moves mentions between contacts for a merge and its undo, in the caller's transaction. */
export { moveMentionsToContact, restoreMentionContacts, followIdentities } from './contact-link';
/** A mention and its contact; an identity and the contact its posts belong to. */
export type { ContactLink, IdentityHome } from './contact-link';
/** One mention by id, or by the key it was stored under (platform, external id). */
export { mentionById, mentionByKey } from './find';
/** What the inbox reads of a conversation's posts: them, the one a reply answers, a text match, their analysis. */
export {
  conversationMentions,
  replyTarget,
  conversationTextMatches,
  conversationsAnalysis,
} from './conversation-reads';
/** A person's correction of a mention's sentiment or intents, in the caller's transaction. */
export { correctSentiment, correctIntents } from './analysis-writes';
/** Reanalysis: how many mentions an older analyzer scored, the next batch of them, saving new analyses. */
export {
  staleAnalysisCount,
  staleAnalysisBatch,
  saveReanalysis,
  type Reanalysed,
  type StaleScope,
} from './analysis-writes';
/** A workspace term's mentions: the latest with its words (a preview), and marking them for re-analysis. */
export { latestWithTerm, markTermForReanalysis, type TermCursor } from './term-search';
/** Mentions staff corrected (sentiment, and with `intents` the intents too), oldest correction first. */
export { correctedMentions } from './list';
/** The mentions' error codes (the catalogue lists them) and their maker (corrections and evidence throw them). */
export { MENTION_ERRORS, mentionError } from './errors';
/** Marks posts the platform says were removed (kept, with the time), or hidden / shown again. */
export { markHidden, markRemoved } from './removal';
/** Records what staff had the platform do to a post (hidden, shown again, deleted, liked). */
export { recordModeration } from './moderation';
/** Reviews from platforms (stars, recommendations) per week, for the ratings report. */
export { platformReviewCounts, type PlatformReviewCount } from './platform-reviews';
/** The platforms' reviews (stars from Google, the app stores, Facebook), filtered and sorted, with their spread. */
export { listPlatformReviews, PLATFORM_REVIEW_SORTS, type PlatformReviewFilter } from './platform-reviews';
/** The apps and locations a source's reviews are about, with counts (for mapping them to product topics). */
export { placesOfSource } from './platform-reviews';
