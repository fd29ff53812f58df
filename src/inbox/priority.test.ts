import { describe, expect, it } from 'vitest';
import { computePriority } from './priority';

const base = {
  intents: [] as string[],
  sentimentLabel: 'neutral',
  sentimentScore: 0,
  followers: 100,
  waitingMinutes: 0,
};

describe('conversation priority', () => {
  it('makes an angry complaint with churn risk urgent and says why', () => {
    expect(
      computePriority({
        ...base,
        intents: ['complaint', 'churn_risk'],
        sentimentLabel: 'negative',
        sentimentScore: -0.8,
      }),
    ).toEqual({ priority: 'urgent', rank: 3, reason: 'Churn risk, angry complaint' });
  });

  it('raises a question from a large account to high', () => {
    expect(computePriority({ ...base, intents: ['question'], followers: 250_000 })).toMatchObject({
      priority: 'high',
      reason: 'Question, 250k followers',
    });
    expect(computePriority({ ...base, intents: ['question'], followers: 20_000 })).toMatchObject({ priority: 'high' });
    expect(computePriority({ ...base, intents: ['question'], followers: 500 })).toMatchObject({ priority: 'normal' });
  });

  it('lets waiting time push a plain question up', () => {
    expect(computePriority({ ...base, intents: ['question'] }).priority).toBe('normal');
    expect(computePriority({ ...base, intents: ['question'], waitingMinutes: 5 * 60 })).toMatchObject({
      priority: 'high',
      reason: 'Question, waiting over 4 h',
    });
  });

  it('keeps praise low', () => {
    expect(
      computePriority({ ...base, intents: ['praise'], sentimentLabel: 'positive', sentimentScore: 0.8 }),
    ).toMatchObject({ priority: 'low', reason: 'Praise only' });
  });
});
