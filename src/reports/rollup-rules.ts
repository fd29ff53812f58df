import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { effectiveLabel, isUncertain, type MentionFactsQuery } from '../mentions';
import { hashtagTerms } from '../sentiment';
import { localDay } from './calendar';
import { ALL_TOPICS } from './schema';
import type { REPORT_SOURCES } from './series';

/**
 * What the report rollups count of one mention, each rule written once and rendered twice from that one
 * definition: as the TypeScript function the one flow counts new posts with (they are in memory), and as
 * the SQL over mentions' read model (`mentionFacts`, `m`) that corrections and rebuilds count stored
 * mentions with. tests/reports/rollups-property.test.ts holds the two to the same counts for generated posts.
 */
type M = MentionFactsQuery;

/** One of our own constants as an SQL literal (kept out of parameters: the rollup statements plan as before). */
const lit = (s: string) => sql.raw(`'${s.replaceAll("'", "''")}'`);

export type Channel = (typeof REPORT_SOURCES)[number];

/**
 * The channel a mention reports under: the first case that holds (the last holds always). Social platforms'
 * posts are mentions; on the board (platform community) reviews are stored as `review:<id>`, the rest is
 * community posts.
 */
const CHANNEL_CASES: readonly { channel: Channel; platformIsNot?: string; externalIdStartsWith?: string }[] = [
  { channel: 'mentions', platformIsNot: 'community' },
  { channel: 'reviews', externalIdStartsWith: 'review:' },
  { channel: 'community' },
];

export function channelOf(platform: string, externalId: string): Channel {
  const holds = (c: (typeof CHANNEL_CASES)[number]) =>
    (c.platformIsNot === undefined || platform !== c.platformIsNot) &&
    (c.externalIdStartsWith === undefined || externalId.startsWith(c.externalIdStartsWith));
  return CHANNEL_CASES.find(holds)?.channel ?? CHANNEL_CASES[CHANNEL_CASES.length - 1]!.channel;
}

export function channelSql(m: M): SQL {
  const cases = CHANNEL_CASES.map((c) => {
    const conditions = [
      ...(c.platformIsNot === undefined ? [] : [sql`${m.platform} <> ${lit(c.platformIsNot)}`]),
      ...(c.externalIdStartsWith === undefined
        ? []
        : [sql`starts_with(${m.externalId}, ${lit(c.externalIdStartsWith)})`]),
    ];
    return conditions.length
      ? sql`when ${sql.join(conditions, sql` and `)} then ${lit(c.channel)}`
      : sql`else ${lit(c.channel)}`;
  });
  return sql`(case ${sql.join(cases, sql` `)} end)`;
}

/**
 * The day a mention counts on: the date (YYYY-MM-DD) of its posting time in its workspace's time zone, read
 * once from the workspace row by whoever counts (a post at 23:30 UTC on 1 December counts on 2 December in
 * Berlin, on 1 December in UTC). Both sides read the IANA database (calendar.ts).
 */
export const dayOf = (postedAt: Date, timeZone: string) => localDay(postedAt, timeZone);
export const daySql = (m: M, timeZone: string): SQL => sql`(${m.postedAt} at time zone ${timeZone}::text)::date`;

/** A mention the analyzer found no language for counts under the empty language. */
const NO_LANGUAGE = '';
export const languageOf = (language: string | null | undefined) => language ?? NO_LANGUAGE;
export const languageSql = (m: M): SQL => sql`coalesce(${m.language}, ${lit(NO_LANGUAGE)})`;

/**
 * The label a mention counts under: mentions' one definition (a staff correction first), except that a model
 * label less sure than the workspace's threshold counts apart, as `uncertain` (never as neutral): the reports
 * show it beside the three. A change of the threshold moves the mentions it concerns (applyConfidenceBand).
 */
export const UNCERTAIN = 'uncertain';
export const labelOf = (
  r: { override: string | null; label: string | null; confidence: number | null },
  threshold: number,
): string => (isUncertain(r, threshold) ? UNCERTAIN : effectiveLabel(r));
export const labelSql = (m: M): SQL => sql`(case when ${m.uncertain} then ${lit(UNCERTAIN)} else ${m.label} end)`;

/**
 * The topics a mention counts under in the topic rollup: its own, each once (the SQL unnests them: the store
 * keeps them distinct, matchTopics names each topic once; a distinct per mention would slow a rebuild).
 */
export const ownTopicsOf = (topicIds: readonly string[]) => [...new Set(topicIds)];
export const ownTopicsSql = (m: M): SQL => sql`cross join lateral unnest(${m.topicIds}) as t(topic_id)`;

/** The topics a mention counts under in the term and author rollups: "all topics" and each of its own, once. */
export const topicsOf = (topicIds: readonly string[]) => [ALL_TOPICS, ...new Set(topicIds)];
export const topicsSql = (m: M): SQL =>
  sql`cross join lateral (select ${lit(ALL_TOPICS)}::uuid as topic_id union select unnest(${m.topicIds})) as tp`;

export type TermKind = 'term' | 'hashtag' | 'aspect';

export interface TermFact {
  kind: TermKind;
  term: string;
  label: string;
}

/** What the term rules read of a mention, in memory (`text` as stored). */
export interface TermInput {
  keyTerms: readonly string[];
  text: string;
  aspects: readonly { term: string; sentiment: string }[];
}

/**
 * A mention's terms, each (kind, term, label) once. Key terms and hashtags count under the mention's label;
 * the hashtags are the stored text's by the one rule (sentiment/hashtags.ts), which the store also wrote into
 * the `hashtags` column the SQL reads. Aspects count under their own sentiment.
 */
const LABELLED_TERMS = [
  { kind: 'term', ofPost: (p: TermInput) => p.keyTerms, column: (m: M) => m.keyTerms },
  { kind: 'hashtag', ofPost: (p: TermInput) => hashtagTerms(p.text), column: (m: M) => m.hashtags },
] as const satisfies readonly {
  kind: TermKind;
  ofPost: (p: TermInput) => readonly string[];
  column: (m: M) => SQLWrapper;
}[];
const ASPECT: TermKind = 'aspect';

export function termFacts(p: TermInput, label: string): TermFact[] {
  const out = new Map<string, TermFact>();
  const add = (f: TermFact) => out.set(`${f.kind}\u0000${f.term}\u0000${f.label}`, f);
  for (const source of LABELLED_TERMS) for (const term of source.ofPost(p)) add({ kind: source.kind, term, label });
  for (const a of p.aspects) add({ kind: ASPECT, term: a.term, label: a.sentiment });
  return [...out.values()];
}

/** The same as a lateral join yielding `t.kind`, `t.term`, `t.label` (`union`: each once). */
export function termsSql(m: M): SQL {
  const selects = [
    ...LABELLED_TERMS.map(
      (s) => sql`select ${lit(s.kind)}::text as kind, k as term, ${labelSql(m)} as label
        from unnest(${s.column(m)}) as k`,
    ),
    sql`select ${lit(ASPECT)}::text, a->>'term', a->>'sentiment' from jsonb_array_elements(${m.aspects}) as a`,
  ];
  return sql`cross join lateral (${sql.join(selects, sql` union `)}) t`;
}

/** A post's report terms, in JS, as the rollups' SQL counts them (the one flow's signature). */
export const termsOf = (
  keyTerms: string[],
  text: string,
  aspects: { term: string; sentiment: string }[],
  label: string,
): TermFact[] => termFacts({ keyTerms, text, aspects }, label);

/** What the rollups count of one mention. */
export interface RollupFact {
  day: string;
  channel: string;
  platform: string;
  language: string;
  label: string;
  topicIds: string[];
  terms: TermFact[];
  /** The author's contact; a mention without one counts in no author rollup. */
  contactId: string | null;
}

/** A mention as stored (or about to be), as the rules read it. */
export interface MentionForRollup extends TermInput {
  postedAt: Date;
  platform: string;
  externalId: string;
  language: string | null;
  /** The analyzer's label, its confidence and staff's correction (the effective label is the rule's). */
  label: string | null;
  confidence: number | null;
  override: string | null;
  topicIds: string[];
  contactId: string | null;
}

/**
 * What a workspace counts its mentions by, read from its row once per batch (held till commit, so a change of
 * either waits for the batch): its confidence threshold and its time zone.
 */
export interface CountingRules {
  threshold: number;
  timeZone: string;
}

/** Every rule at once: what the rollups count of one mention, in a workspace counting by these rules. */
export function rollupFactOf(r: MentionForRollup, rules: CountingRules): RollupFact {
  const label = labelOf(r, rules.threshold);
  return {
    day: dayOf(r.postedAt, rules.timeZone),
    channel: channelOf(r.platform, r.externalId),
    platform: r.platform,
    language: languageOf(r.language),
    label,
    topicIds: r.topicIds,
    terms: termFacts(r, label),
    contactId: r.contactId,
  };
}
