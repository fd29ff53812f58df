import { z } from '@hono/zod-openapi';
import { PLATFORMS } from '../core/platforms';
import type { MentionRow } from './list';
import { OVERRIDE_LABELS, SENTIMENT_LABELS } from './schema';
import { MAX_TEXT } from './store';

/** A mention as the API shows it (and the corrections API answers with its parts). */
export const Mention = z
  .object({
    id: z.string(),
    sourceId: z.string().nullable(),
    platform: z.enum(PLATFORMS),
    externalId: z.string(),
    url: z.string().nullable(),
    kind: z.string(),
    title: z.string().nullable(),
    text: z.string(),
    truncated: z.boolean().openapi({
      description:
        `The platform sent more than the ${MAX_TEXT.toLocaleString('en')} characters kept: ` +
        'text is the start, url the original',
    }),
    lang: z.string().nullable(),
    postedAt: z.string(),
    author: z.object({
      externalId: z.string().nullable(),
      handle: z.string().nullable(),
      name: z.string().nullable(),
      followers: z.number().nullable(),
      url: z.string().nullable(),
      avatarUrl: z.string().nullable(),
      verified: z.boolean(),
      contactId: z.string().nullable().openapi({ description: 'The CRM contact this author is linked to' }),
    }),
    replyToExternalId: z.string().nullable(),
    threadExternalId: z.string().nullable(),
    metrics: z.record(z.string(), z.number()),
    rating: z.number().nullable().openapi({ description: "A review's stars (1-5), where the platform gives them" }),
    place: z
      .object({ id: z.string(), name: z.string().nullable() })
      .nullable()
      .openapi({ description: 'The app or location a review is about (an admin maps it to a product topic)' }),
    topics: z.array(z.object({ id: z.string(), name: z.string() })),
    sentiment: z.object({
      score: z.number().nullable().openapi({ description: '-1..1 from the analyzer' }),
      label: z.enum(SENTIMENT_LABELS).nullable(),
      confidence: z
        .number()
        .nullable()
        .openapi({
          description:
            "0..1: the analyzer's certainty of its label (null: unscored, or stored before it said). Below the " +
            "workspace's threshold the label is shown as uncertain and counted apart in reports",
        }),
      override: z.enum(OVERRIDE_LABELS).nullable().openapi({ description: 'Set by staff; wins everywhere' }),
      effectiveLabel: z.enum(SENTIMENT_LABELS).nullable(),
      analysisVersion: z.number().nullable(),
    }),
    language: z.string().nullable(),
    intents: z.array(z.string()).openapi({ description: 'What the analyzer found' }),
    intentsOverride: z.array(z.string()).nullable().openapi({ description: 'Set by staff; wins everywhere' }),
    effectiveIntents: z.array(z.string()),
    aspects: z.array(z.object({ term: z.string(), sentiment: z.enum(['positive', 'negative']), score: z.number() })),
    keyTerms: z.array(z.string()),
    editedAt: z.string().nullable(),
    deletedAt: z.string().nullable(),
    raw: z.unknown().openapi({ description: 'The post exactly as the platform sent it' }),
  })
  .openapi('Mention');

/** A stored mention in the API's shape; topics named from `topicNames` (unknown ones left out). */
export const mentionToApi = (m: MentionRow, topicNames: Map<string, string>) => ({
  id: m.id,
  sourceId: m.sourceId,
  platform: m.platform,
  externalId: m.externalId,
  url: m.url,
  kind: m.kind,
  title: m.title,
  text: m.text,
  truncated: m.textTruncated,
  lang: m.lang,
  postedAt: m.postedAt.toISOString(),
  author: {
    externalId: m.authorExternalId,
    handle: m.authorHandle,
    name: m.authorName,
    followers: m.authorFollowers,
    url: m.authorUrl,
    avatarUrl: m.authorAvatarUrl,
    verified: m.authorVerified,
    contactId: m.contactId,
  },
  replyToExternalId: m.replyToExternalId,
  threadExternalId: m.threadExternalId,
  metrics: m.metrics,
  rating: typeof m.metrics.rating === 'number' ? m.metrics.rating : null,
  place: m.placeId ? { id: m.placeId, name: m.placeName } : null,
  topics: m.topicIds.filter((id) => topicNames.has(id)).map((id) => ({ id, name: topicNames.get(id)! })),
  sentiment: {
    score: m.sentimentScore,
    label: m.sentimentLabel,
    confidence: m.sentimentConfidence,
    override: m.sentimentOverride,
    effectiveLabel: m.sentimentOverride ?? m.sentimentLabel,
    analysisVersion: m.analysisVersion,
  },
  language: m.language,
  intents: m.intents,
  intentsOverride: m.intentsOverride,
  effectiveIntents: m.intentsOverride ?? m.intents,
  aspects: m.aspects,
  keyTerms: m.keyTerms,
  editedAt: m.editedAt?.toISOString() ?? null,
  deletedAt: m.deletedAt?.toISOString() ?? null,
  raw: m.raw,
});
