import { z } from '@hono/zod-openapi';
import { and, arrayOverlaps, eq, gte, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { PLATFORMS } from '../core/platforms';
import { contacts } from './schema';

/**
 * A contact filter: what the contacts list, segments and exports share. Saved segments store it
 * as JSON, so it is validated the same way wherever it comes from.
 * "Detractors with more than 10,000 followers active in the last 30 days" is
 * `{"stages":["detractor"],"minFollowers":10001,"activeWithinDays":30}`.
 */
export const ContactFilter = z
  .object({
    q: z.string().trim().max(200).optional().openapi({ description: 'Name, email, company or handle contains this' }),
    stages: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    tags: z
      .array(z.string().trim().min(1).max(60))
      .max(20)
      .optional()
      .openapi({ description: 'Has any of these tags' }),
    ownerId: z.uuid().optional(),
    unowned: z.boolean().optional(),
    platform: z.enum(PLATFORMS).optional().openapi({ description: 'Has an identity on this platform' }),
    minFollowers: z.number().int().min(0).optional(),
    maxFollowers: z.number().int().min(0).optional(),
    minScore: z.number().int().min(0).max(100).optional(),
    sentiment: z
      .enum(['positive', 'neutral', 'negative'])
      .optional()
      .openapi({ description: 'Average sentiment of their mentions' }),
    activeWithinDays: z.number().int().min(1).max(3650).optional(),
    hasEmail: z.boolean().optional(),
  })
  .strict()
  .openapi('ContactFilter');
export type ContactFilter = z.infer<typeof ContactFilter>;

export const CONTACT_SORTS = ['recent', 'score', 'name', 'followers', 'created'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filter as SQL conditions on contacts (merged-away contacts are never listed). */
export function filterConditions(workspaceId: string, f: ContactFilter, now: Date): SQL {
  const conds: (SQL | undefined)[] = [eq(contacts.workspaceId, workspaceId), isNull(contacts.mergedIntoId)];
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    conds.push(
      or(
        ilike(contacts.name, like),
        ilike(contacts.company, like),
        sql`exists (select 1 from unnest(${contacts.emails}) e where e ilike ${like})`,
        sql`exists (select 1 from identities i where i.contact_id = ${contacts.id} and i.handle ilike ${like})`,
      ),
    );
  }
  if (f.stages?.length) conds.push(inArray(contacts.lifecycleStage, f.stages));
  if (f.tags?.length) conds.push(arrayOverlaps(contacts.tags, f.tags));
  if (f.ownerId) conds.push(eq(contacts.ownerId, f.ownerId));
  if (f.unowned) conds.push(isNull(contacts.ownerId));
  if (f.platform)
    conds.push(
      sql`exists (select 1 from identities i where i.contact_id = ${contacts.id} and i.platform = ${f.platform})`,
    );
  if (f.minFollowers !== undefined) conds.push(gte(contacts.followers, f.minFollowers));
  if (f.maxFollowers !== undefined) conds.push(lte(contacts.followers, f.maxFollowers));
  if (f.minScore !== undefined) conds.push(gte(contacts.score, f.minScore));
  // The same neutral band as mentions: a little warmth is neutral, any lean to cold is not.
  if (f.sentiment === 'positive') conds.push(sql`${contacts.sentiment} > 0.05`);
  if (f.sentiment === 'negative') conds.push(sql`${contacts.sentiment} < -0.05`);
  if (f.sentiment === 'neutral') conds.push(sql`${contacts.sentiment} between -0.05 and 0.05`);
  if (f.activeWithinDays !== undefined)
    conds.push(gte(contacts.lastActivityAt, new Date(now.getTime() - f.activeWithinDays * 86_400_000)));
  if (f.hasEmail === true) conds.push(sql`cardinality(${contacts.emails}) > 0`);
  if (f.hasEmail === false) conds.push(sql`cardinality(${contacts.emails}) = 0`);
  return and(...conds)!;
}

export const isEmptyFilter = (f: ContactFilter) =>
  Object.values(f).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
