import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { compileLexicon } from './workspace-lexicon';

const words = (text: string, options = {}) =>
  (analyze(text, options).explanation?.contributions ?? []).map((c) => [c.text, Math.sign(c.weight)] as const);

describe('the learned model: the examples people stopped trusting the lexicons over', () => {
  it.each([
    ['Babysitting a self-cleaning oven = NOT fun', 'negative'],
    ['my order never arrived … can you help?', 'negative'],
    ['Nicht schlecht, aber der Akku hält nicht lange.', 'negative'],
    ['Große Enttäuschung über die Größe, völlig überteuert', 'negative'],
    ['Das Essen war richtig lecker, danke!', 'positive'],
    ['I love this phone', 'positive'],
  ])('%j is %s', (text, label) => {
    expect(analyze(text).label).toBe(label);
  });

  it('names the deciding words with the side they pushed to', () => {
    const why = words('Große Enttäuschung über die Größe, völlig überteuert');
    expect(why).toContainEqual(['Enttäuschung', -1]);
    expect(why).toContainEqual(['überteuert', -1]);
    expect(words('my order never arrived … can you help?')).toContainEqual(['arrived', -1]);
  });

  it('comes with a confidence between 0 and 1 and the probability of each label', () => {
    const a = analyze('I absolutely love this, best purchase ever!');
    expect(a.confidence).toBeGreaterThan(0.5);
    expect(a.confidence).toBeLessThanOrEqual(1);
    const p = a.explanation!.probabilities!;
    expect(p.negative + p.neutral + p.positive).toBeCloseTo(1, 2);
    expect(a.explanation!.by).toBe('model');
  });

  it('is less sure of a flat statement than of a clear opinion', () => {
    const flat = analyze('The package came on Tuesday and I opened it.');
    const clear = analyze('Worst customer service I have ever had, absolutely disgusting.');
    expect(clear.label).toBe('negative');
    expect(clear.confidence).toBeGreaterThan(flat.label === 'neutral' ? 0 : flat.confidence);
  });

  it('leaves a language nobody scores unscored, without an explanation', () => {
    const a = analyze('Это очень хороший телефон, мне нравится');
    expect(a.label).toBe('unscored');
    expect(a.explanation).toBeNull();
  });

  it('explains a language without a model by its rules', () => {
    const a = analyze('Questo telefono è fantastico, lo adoro', { language: 'it' });
    expect(a.explanation?.by).toBe('rules');
    expect(a.label).toBe('positive');
  });
});

describe('a workspace lexicon', () => {
  const skate = compileLexicon([{ term: 'sick', language: 'en', weight: 3 }]);

  it('flips "sick" for the workspace that says so, and only there', () => {
    const text = 'That new deck is sick';
    expect(analyze(text).label).not.toBe('positive');
    const mine = analyze(text, { lexicon: skate });
    expect(mine.label).toBe('positive');
    expect(mine.explanation?.contributions[0]).toMatchObject({ kind: 'lexicon', text: 'sick' });
  });

  it('makes a product name neutral with weight 0', () => {
    const text = 'Ordered the Killer Deal bundle yesterday';
    const lexicon = compileLexicon([{ term: 'killer deal', language: null, weight: 0 }]);
    const before = words(text).map(([w]) => w);
    const after = words(text, { lexicon }).map(([w]) => w);
    expect(before).toContain('Killer');
    expect(after).not.toContain('Killer');
  });

  it('holds only for its language', () => {
    const german = compileLexicon([{ term: 'sick', language: 'de', weight: 3 }]);
    expect(analyze('That new deck is sick', { lexicon: german }).label).not.toBe('positive');
  });
});
