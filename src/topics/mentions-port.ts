import type { Db } from '../db/types';

/**
 * What the topics pages ask of the mentions found for a topic. Mentions build on topics, so topics name what
 * they need here and composition (src/server/deps.ts) hands the implementation in.
 */
export interface TopicMentions {
  /** How many stored mentions carry the topic (what deleting it would untag). */
  count(db: Db, workspaceId: string, topicId: string): Promise<number>;
}

declare module '../http/env' {
  interface AppDeps {
    topicMentions: TopicMentions;
  }
}
