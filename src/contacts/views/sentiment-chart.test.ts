import { describe, expect, it } from 'vitest';
import { weekSlots } from './sentiment-chart';

const w = (week: string, mean = 0.5, count = 1) => ({ week, mean, count });

describe('weekSlots', () => {
  it('is empty without data', () => {
    expect(weekSlots([])).toEqual([]);
  });

  it('keeps weeks without mentions as empty slots between the ones with', () => {
    const slots = weekSlots([w('2025-01-06'), w('2025-01-27', -0.4, 2)]);
    expect(slots.map((s) => s.week)).toEqual(['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27']);
    expect(slots.map((s) => s.data?.count ?? null)).toEqual([1, null, null, 2]);
  });

  it('shows at most the last 52 weeks, ending at the latest', () => {
    const slots = weekSlots([w('2023-01-02'), w('2024-12-30')]);
    expect(slots).toHaveLength(52);
    expect(slots.at(-1)!.week).toBe('2024-12-30');
    expect(slots.filter((s) => s.data)).toHaveLength(1);
  });

  it('puts a week start shifted by a daylight-saving day boundary into its slot', () => {
    const slots = weekSlots([w('2025-03-24'), w('2025-03-30')]);
    expect(slots.map((s) => s.data !== null)).toEqual([true, true]);
  });
});
