/**
 * Topics: the brands, products and competitors a workspace tracks, compiled for matching and searches.
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** Active topics, parsed once for matching a whole poll's worth of posts. */
export { activeTopics } from './topics.service';
/** A tracked brand, competitor, product or campaign, with the query that finds its mentions. */
export { topics } from './schema';
/** A workspace's topics (brands, products, competitors). */
export { listTopics } from './topics.service';
/** The ids of the topics a post hits. */
export { matchTopics } from './match';
/** A topic with its query compiled for matching and platform searches. */
export type { CompiledTopic } from './plan';
/** Adds a topic (audited). */
export { createTopic } from './topics.service';
/** What a source should search for on its platform, from the active topics. */
export { searchPlanFor } from './plan';
/** A topic as other features name it (id, name, kind). */
export type { TopicSummary } from './directory';
/** The names of topics by id (alerts, spike notices). */
export { topicNames } from './directory';
/** A workspace's topics of some kinds (share of voice: brands, competitors, products). */
export { topicsOfKinds } from './directory';
/** A workspace's topics (id, name, kind) as a typed subquery, for another feature's own query (reviews). */
export { topicView } from './lookup';
/** The topics' error codes, with their kinds and messages (the error catalogue lists them). */
export { TOPIC_ERRORS } from './errors';
/** What the topics pages ask of the mentions found for a topic (composition hands it in as deps.topicMentions). */
export type { TopicMentions } from './mentions-port';
