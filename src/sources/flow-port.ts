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

/**
 * What sources hand their posts to, and what they ask back: the one flow (src/ingest) and the mentions it
 * stores. Both build on sources, so sources name what they need here and composition (src/server/deps.ts)
 * hands the implementations in; no source file imports the flow.
 */
export interface SourceFlow {
  /** Stores a page of posts (idempotent: a page fetched twice adds nothing twice). */
  ingest(
    deps: FlowDeps,
    target: {
      workspaceId: string;
      sourceId: string | null;
      platform: Platform;
      topics: CompiledTopic[];
      placeTopics?: Record<string, string>;
    },
    posts: SocialPost[],
  ): Promise<{ fetched: number; inserted: number; duplicates: number; rejected: readonly unknown[] }>;
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
