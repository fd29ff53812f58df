import type { Db } from '../db/types';
import { type IngestDeps, ingestPosts } from '../ingest';
import { effectiveLabel, mentionByKey } from '../mentions';
import type { Analysis } from '../sentiment';
import { activeTopics } from '../topics';

/**
 * Member posts are mentions too: each review, idea and comment goes through the one pipeline
 * (topics, sentiment, intents, aspects, the author's contact and score) as platform `community`,
 * so reports count them as a channel. Only what `toInbox` asks for becomes a conversation.
 */
export interface CommunityPost {
  kind: 'idea' | 'comment' | 'review';
  id: string;
  title: string | null;
  text: string;
  url: string;
  member: { id: string; displayName: string };
  createdAt: Date;
  /** Decides, with the analysis, whether staff should see it in the inbox. */
  toInbox?: (analysis: Analysis) => boolean;
}

export interface PostAnalysis {
  mentionId: string;
  sentimentLabel: string | null;
  sentimentScore: number | null;
}

export async function analyseCommunityPost(
  deps: IngestDeps,
  workspaceId: string,
  p: CommunityPost,
): Promise<PostAnalysis> {
  const externalId = `${p.kind}:${p.id}`;
  await ingestPosts(
    deps,
    {
      workspaceId,
      sourceId: null,
      platform: 'community',
      topics: await activeTopics(deps.db, workspaceId),
      threadIf: (_post, analysis) => p.toInbox?.(analysis) ?? false,
    },
    [
      {
        externalId,
        url: p.url,
        kind: p.kind === 'comment' ? 'comment' : 'post',
        title: p.title,
        text: p.text,
        lang: null,
        createdAt: p.createdAt,
        author: {
          externalId: p.member.id,
          handle: p.member.displayName,
          name: p.member.displayName,
          followers: null,
          bio: null,
          url: null,
          avatarUrl: null,
          verified: false,
        },
        replyToExternalId: null,
        threadExternalId: null,
        metrics: {},
        deleted: false,
        raw: { kind: p.kind, id: p.id },
      },
    ],
  );
  return mentionOf(deps.db, workspaceId, externalId);
}

async function mentionOf(db: Db, workspaceId: string, externalId: string): Promise<PostAnalysis> {
  const m = (await mentionByKey(db, workspaceId, 'community', externalId))!;
  return {
    mentionId: m.id,
    sentimentLabel: effectiveLabel({ override: m.sentimentOverride, label: m.sentimentLabel }),
    sentimentScore: m.sentimentScore,
  };
}
