import { describe, expect, it } from 'vitest';
import { ENGLISH, translatorFor } from '../core/i18n/translator';
import { computePriority as computed, type PriorityInput } from './priority';
import { priorityReasonText, reasonFacts, storedReason } from './priority-reason';

const WAITING_LONG = 'waiting over 4 h';
const WAITING_DAY = 'waiting over a day';

/** The priority with its reason as the API says it (English). */
const computePriority = (p: PriorityInput) => {
  const { facts, ...rest } = computed(p);
  return { ...rest, reason: priorityReasonText(ENGLISH, storedReason(facts)) };
};

const base = {
  intents: [] as string[],
  sentimentLabel: 'neutral',
  sentimentScore: 0,
  sentimentConfidence: 0.8,
  confidenceThreshold: 0.5,
  followers: 100,
  waitingMinutes: 0,
};

describe('conversation priority', () => {
  it('makes a very negative complaint with churn risk urgent and says why', () => {
    expect(
      computePriority({
        ...base,
        intents: ['complaint', 'churn_risk'],
        sentimentLabel: 'negative',
        sentimentScore: -0.8,
        sentimentConfidence: 0.9,
      }),
    ).toEqual({ priority: 'urgent', rank: 3, reason: 'Churn risk, very negative (confidence 0.9), complaint' });
  });

  it('lists every fact that set it: the label with its confidence, the intent, the reach and the wait', () => {
    expect(
      computePriority({
        ...base,
        intents: ['complaint'],
        sentimentLabel: 'negative',
        sentimentScore: -0.3,
        sentimentConfidence: 0.9,
        followers: 30_000,
        waitingMinutes: 5 * 60,
      }),
    ).toMatchObject({
      priority: 'high',
      reason: `Negative (confidence 0.9), complaint, 30k followers, ${WAITING_LONG}`,
    });
  });

  it('raises a question from a large account to high', () => {
    expect(computePriority({ ...base, intents: ['question'], followers: 250_000 })).toMatchObject({
      priority: 'high',
      reason: 'Question, 250k followers',
    });
    expect(computePriority({ ...base, intents: ['question'], followers: 20_000 })).toMatchObject({ priority: 'high' });
    expect(computePriority({ ...base, intents: ['question'], followers: 500 })).toMatchObject({ priority: 'normal' });
  });

  it('lets waiting time push a plain question up, in the stable words the SLA sweep looks for', () => {
    expect(computePriority({ ...base, intents: ['question'] }).priority).toBe('normal');
    expect(computePriority({ ...base, intents: ['question'], waitingMinutes: 5 * 60 })).toMatchObject({
      priority: 'high',
      reason: 'Question, waiting over 4 h',
    });
    // The sweep matches them without regard to case (a first fact is capitalised).
    expect(computePriority({ ...base, waitingMinutes: 25 * 60 }).reason.toLowerCase()).toContain(WAITING_DAY);
  });

  it('keeps praise low', () => {
    expect(
      computePriority({ ...base, intents: ['praise'], sentimentLabel: 'positive', sentimentScore: 0.8 }),
    ).toMatchObject({ priority: 'low', reason: 'Praise only' });
  });

  it('says a sure positive label is why a post without anything else is low', () => {
    expect(
      computePriority({ ...base, sentimentLabel: 'positive', sentimentScore: 0.7, sentimentConfidence: 0.95 }),
    ).toMatchObject({ priority: 'low', reason: 'Positive (confidence 0.95)' });
  });

  it('does not raise priority for a negative label below the threshold, and says it was not counted', () => {
    const uncertain = { ...base, sentimentLabel: 'negative', sentimentScore: -0.9, sentimentConfidence: 0.42 };
    expect(computePriority(uncertain)).toEqual({
      priority: 'normal',
      rank: 1,
      reason: 'Negative? (uncertain, 0.42) not counted',
    });
    expect(computePriority({ ...uncertain, intents: ['complaint'] })).toMatchObject({
      priority: 'normal',
      reason: 'Complaint, negative? (uncertain, 0.42) not counted',
    });
    // The same label, sure enough for this workspace, counts.
    expect(computePriority({ ...uncertain, confidenceThreshold: 0.4 })).toMatchObject({
      priority: 'normal',
      reason: 'Very negative (confidence 0.42)',
    });
  });

  it('does not lower priority for an uncertain positive label either', () => {
    expect(
      computePriority({ ...base, sentimentLabel: 'positive', sentimentScore: 0.6, sentimentConfidence: 0.3 }),
    ).toMatchObject({ priority: 'normal', reason: 'Positive? (uncertain, 0.3) not counted' });
  });

  it('counts a label without a confidence (a staff correction, or stored before) as sure', () => {
    expect(
      computePriority({ ...base, sentimentLabel: 'negative', sentimentScore: -1, sentimentConfidence: null }),
    ).toMatchObject({ priority: 'normal', reason: 'Very negative' });
  });
});

describe('the priority reason as stored and read', () => {
  const GERMAN = translatorFor('de', 'Europe/Berlin');
  const stored = storedReason(
    computed({
      ...base,
      intents: ['complaint'],
      sentimentLabel: 'negative',
      sentimentScore: -0.3,
      sentimentConfidence: 0.9,
      followers: 30_000,
      waitingMinutes: 5 * 60,
    }).facts,
  );

  it('keeps codes and values, no words', () => {
    expect(reasonFacts(stored)).toEqual([
      { code: 'sentiment', label: 'negative', very: false, confidence: 0.9 },
      { code: 'complaint' },
      { code: 'followers', followers: 30_000 },
      { code: 'waiting_long' },
    ]);
  });

  it('is said in the reader’s language, numbers in their locale', () => {
    expect(priorityReasonText(GERMAN, stored)).toBe(
      'Negativ (Konfidenz 0,9), Beschwerde, 30 Tsd. Follower, wartet seit über 4 Std.',
    );
    expect(priorityReasonText(ENGLISH, stored)).toBe(
      'Negative (confidence 0.9), complaint, 30k followers, waiting over 4 h',
    );
    expect(priorityReasonText(GERMAN, storedReason([{ code: 'rule', rule: 'VIP' }]))).toBe('Regel: VIP');
  });

  it('shows a reason written as text before the codes as it is', () => {
    expect(reasonFacts('Question, waiting over 4 h')).toBeNull();
    expect(priorityReasonText(GERMAN, 'Question, waiting over 4 h')).toBe('Question, waiting over 4 h');
  });
});
