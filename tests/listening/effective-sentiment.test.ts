import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/rows';
import {
  EFFECTIVE_INTENTS,
  EFFECTIVE_LABEL,
  EFFECTIVE_SENTIMENT,
  effectiveIntents,
  effectiveLabel,
  effectiveScore,
  isUncertain,
} from '../../src/mentions';
import { uncertainSql } from '../../src/mentions/effective-sentiment';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

// Every combination a stored mention can hold: no correction or one of three, any analyzer label (or none).
const overrides = [null, 'positive', 'neutral', 'negative'];
const labels = [null, 'positive', 'neutral', 'negative', 'unscored'];
const cases = overrides.flatMap((override) =>
  labels.flatMap((label) =>
    [null, [] as string[], ['complaint']].map((intentsOverride) => ({
      override,
      label,
      score: label === null ? null : 0.25,
      intents: ['question'],
      intentsOverride,
    })),
  ),
);

const asRow = (c: (typeof cases)[number], i: number) => ({
  i,
  sentiment_override: c.override,
  sentiment_label: c.label,
  sentiment_score: c.score,
  intents: c.intents,
  intents_override: c.intentsOverride,
});

describe('the effective sentiment of a mention', () => {
  it('is the same in SQL and in TypeScript for every correction, label and intents', async () => {
    const got = rows<{ i: number; label: string; score: number | null; intents: string[] }>(
      await t.db.execute(sql`
        select m.i::int as i, ${EFFECTIVE_LABEL} as label, (${EFFECTIVE_SENTIMENT})::real as score,
          ${EFFECTIVE_INTENTS} as intents
        from jsonb_to_recordset(${JSON.stringify(cases.map(asRow))}::jsonb) as m(i int,
          sentiment_override text, sentiment_label text, sentiment_score real, intents text[], intents_override text[])
        order by i`),
    );
    expect(got).toEqual(
      cases.map((c, i) => ({
        i,
        label: effectiveLabel(c),
        score: effectiveScore(c),
        intents: effectiveIntents(c),
      })),
    );
  });

  it('counts a correction over the analyzer, and leaves an unscored post out of averages', () => {
    expect(effectiveLabel({ override: 'negative', label: 'positive' })).toBe('negative');
    expect(effectiveScore({ override: null, label: 'unscored', score: 0.1 })).toBeNull();
    expect(effectiveScore({ override: 'neutral', label: 'positive', score: 0.9 })).toBe(0);
  });

  it('calls a label uncertain in SQL exactly when TypeScript does, whatever its correction or confidence', async () => {
    const sureness = [null, 0, 0.42, 0.5, 0.501, 1];
    const all = overrides.flatMap((override) =>
      labels.flatMap((label) => sureness.map((confidence) => ({ override, label, confidence }))),
    );
    const asConfidenceRow = (c: (typeof all)[number], i: number) => ({
      i,
      sentiment_override: c.override,
      sentiment_label: c.label,
      sentiment_confidence: c.confidence,
    });
    for (const threshold of [0, 0.42, 0.5, 0.9]) {
      const got = rows<{ i: number; uncertain: boolean }>(
        await t.db.execute(sql`
          select m.i::int as i, ${uncertainSql(threshold)} as uncertain
          from jsonb_to_recordset(${JSON.stringify(all.map(asConfidenceRow))}::jsonb)
            as m(i int, sentiment_override text, sentiment_label text, sentiment_confidence real)
          order by i`),
      );
      expect(got.map((r) => r.uncertain)).toEqual(all.map((c) => isUncertain(c, threshold)));
    }
  });

  it('never calls a correction, an unscored post or an unknown confidence uncertain', () => {
    expect(isUncertain({ override: null, label: 'negative', confidence: 0.42 }, 0.5)).toBe(true);
    expect(isUncertain({ override: 'negative', label: 'negative', confidence: 0.42 }, 0.5)).toBe(false);
    expect(isUncertain({ override: null, label: 'unscored', confidence: 0.1 }, 0.5)).toBe(false);
    expect(isUncertain({ override: null, label: 'negative', confidence: null }, 0.5)).toBe(false);
    expect(isUncertain({ override: null, label: 'negative', confidence: 0.5 }, 0.5)).toBe(false);
  });
});
