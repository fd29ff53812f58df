import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { intentScores, readIntentFile } from '../../scripts/sentiment/intent-metrics';
import { analyze } from '../../src/sentiment/analyze';
import { detectIntents, INTENTS, intentConfidences } from '../../src/sentiment/intents';

const examples = readIntentFile(readFileSync('tests/fixtures/intents.tsv', 'utf8'));
const design = readIntentFile(readFileSync('tests/fixtures/intents-train.tsv', 'utf8'));

// No verdict given: detectIntents reads the post's sentiment itself, as analyze() would.
const intentsOf = (post: string) => detectIntents({ text: post.toLowerCase(), original: post });

describe('the labelled intent set (tests/fixtures/intents.tsv)', () => {
  it('has at least 300 examples with every intent well represented, and posts with no intent', () => {
    expect(examples.length).toBeGreaterThanOrEqual(300);
    const scores = intentScores(examples);
    for (const intent of INTENTS) expect(scores[intent].support).toBeGreaterThanOrEqual(55);
    expect(examples.filter((e) => e.labels.length === 0).length).toBeGreaterThanOrEqual(80);
  });

  it('shares no post with the design set the model learns from', () => {
    const measured = new Set(examples.map((e) => e.text.trim().toLowerCase()));
    expect(design.filter((e) => measured.has(e.text.trim().toLowerCase())).map((e) => e.line)).toEqual([]);
  });
});

describe('intent detection on the measuring set (the model learns from intents-train.tsv only)', () => {
  // Floors just under the learned model's figures (npm run eval:intents): a change that loses ground
  // fails here. The aim is precision 0.85 and recall 0.75 each: questions, feature requests, purchases and
  // churn meet it; complaints fall short on recall, praise on both.
  const floors = {
    question: [0.9, 0.88],
    complaint: [0.84, 0.63],
    praise: [0.82, 0.62],
    feature_request: [0.92, 0.75],
    purchase_intent: [0.85, 0.8],
    churn_risk: [0.92, 0.75],
  } as const;
  const scores = intentScores(examples);
  for (const intent of INTENTS) {
    it(`finds ${intent} with precision >= ${floors[intent][0]} and recall >= ${floors[intent][1]}`, () => {
      expect(scores[intent].precision).toBeGreaterThanOrEqual(floors[intent][0]);
      expect(scores[intent].recall).toBeGreaterThanOrEqual(floors[intent][1]);
    });
  }
});

describe('detectIntents', () => {
  it.each(['WTF?', 'Seriously?!', 'Are you kidding me?'])('takes the exclamation "%s" for no question', (post) => {
    expect(intentsOf(post)).not.toContain('question');
  });

  it('takes a rhetorical question aimed at a brand for a complaint, not a question needing a reply', () => {
    expect(intentsOf('Are you kidding me? @HarborAir cancelled my flight again')).toEqual(['complaint']);
    expect(intentsOf('Seriously?! Orbit charged me twice for the same month')).toEqual(['complaint']);
  });

  it('finds a complaint and a question in a failed delivery that asks for help', () => {
    expect(intentsOf('my order never arrived … can you help?')).toEqual(['question', 'complaint']);
    expect(intentsOf('Mein Paket ist immer noch nicht angekommen, könnt ihr helfen?')).toEqual([
      'question',
      'complaint',
    ]);
  });

  it('reads a German feature request and a German cancellation', () => {
    expect(intentsOf('Bitte baut endlich einen Dark Mode ein')).toEqual(['feature_request']);
    expect(intentsOf('Ich kündige meinen Vertrag')).toEqual(['churn_risk']);
  });

  it('takes a wish about oneself for no feature request', () => {
    expect(intentsOf('I need a kit kat..')).toEqual([]);
  });

  it('reads the sentiment itself when given none, to the intents analyze() finds with its verdict', () => {
    for (const post of ['Thanks Orbit, sorted in one call', 'my parcel is lost AGAIN', 'how do I cancel?'])
      expect(intentsOf(post)).toEqual(analyze(post).intents);
  });

  it('reads a brand it never saw as a name: which brand it is changes nothing', () => {
    const posts = ['Zorblax lost my parcel again. third time', 'Quintavo lost my parcel again. third time'];
    expect(intentsOf(posts[0]!)).toEqual(intentsOf(posts[1]!));
    expect(intentsOf(posts[0]!)).toContain('complaint');
  });
});

describe('intentConfidences', () => {
  it('gives every intent a probability and the threshold detectIntents holds it to', () => {
    const post = 'Please add dark mode to the app';
    const confidences = intentConfidences({ text: post.toLowerCase(), original: post });
    expect(Object.keys(confidences)).toEqual([...INTENTS]);
    const found = INTENTS.filter((i) => confidences[i].probability >= confidences[i].threshold);
    expect(found).toEqual(intentsOf(post));
    expect(confidences.feature_request.probability).toBeGreaterThan(0.9);
  });
});
