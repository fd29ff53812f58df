import type { Clock } from '../core/clock';
import type { EventPublisher } from '../core/events';
import type { Platform } from '../core/platforms';
import type { SocialPost } from '../core/social-post';
import type { Db } from '../db/types';
import type { Metrics } from '../http/metrics';
import type { CompiledTopic } from '../topics';

/** What the one flow needs to store a page. */
export interface FlowDeps {
  db: Db;
  /** Where the flow's events go after each commit. */
  events: EventPublisher;
  metrics: Metrics;
  clock: Clock;
  dbKind?: 'pglite' | 'postgres';
}

/** Where a source's posts go. */
export interface FlowTarget {
  workspaceId: string;
  sourceId: string | null;
  platform: Platform;
  topics: CompiledTopic[];
  placeTopics?: Record<string, string>;
}

/** What storing a page did. */
export interface FlowStored {
  fetched: number;
  inserted: number;
  duplicates: number;
  rejected: readonly unknown[];
}

/** Posts made ready to store (the flow's own shape; a source only hands it back to `store`). */
export interface PreparedPosts {
  fetched: number;
}

/**
 * What sources hand their posts to, and what they ask back: the one flow (src/ingest) and the mentions it
 * stores. Both build on sources, so sources name what they need here and composition (src/server/deps.ts)
 * hands the implementations in; no source file imports the flow.
 */
export interface SourceFlow {
  /** Stores a page of posts (idempotent: a page fetched twice adds nothing twice). */
  ingest(deps: FlowDeps, target: FlowTarget, posts: SocialPost[]): Promise<FlowStored>;
  /**
   * `ingest` in its two halves, for a poller that prepares the next pages while the database stores these:
   * checked, matched and analysed (CPU, no writes), then stored (a transaction a chunk).
   */
  prepare(deps: FlowDeps, target: FlowTarget, posts: SocialPost[]): Promise<PreparedPosts>;
  store(deps: FlowDeps, target: FlowTarget, prepared: PreparedPosts): Promise<FlowStored>;
  /** Marks posts the platform says were removed (a webhook's `remove`); how many were newly marked. */
  remove(
    db: Db,
    target: { workspaceId: string; platform: Platform },
    externalIds: string[],
    now: Date,
  ): Promise<number>;
  /** Marks posts the platform says were hidden or shown again (a webhook's hide / unhide); how many changed. */
  hide(
    db: Db,
    target: { workspaceId: string; platform: Platform },
    externalIds: string[],
    hidden: boolean,
    now: Date,
  ): Promise<number>;
  /** How many mentions the source has brought in, for its page. */
  mentionCount(db: Db, workspaceId: string, sourceId: string): Promise<number>;
  /** The apps and locations its reviews are about, with counts, for mapping them to product topics. */
  places(
    db: Db,
    workspaceId: string,
    sourceId: string,
  ): Promise<{ id: string; name: string | null; reviews: number }[]>;
}

declare module '../http/env' {
  interface AppDeps {
    sourceFlow: SourceFlow;
  }
}
