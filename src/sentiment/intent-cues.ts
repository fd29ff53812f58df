/**
 * The intent model's cues: what a post is besides its words. Its shape (a reply, short, ending on "?"),
 * how warm or sore its words are (the sentiment lexicons, in steps), the word classes it uses
 * (intent-lexicon.ts), the hand-written pattern families it matches (intent-rules.ts) and the sentiment
 * model's verdict. Each cue is a name; its hash is worked out once, here, not per post.
 */
import { hashFeature } from './fnv';
import { ruleCues } from './intent-rules';

/** The sentiment model's verdict on the post (judge()): what it says about praise and complaints. */
export interface SentimentVerdict {
  label: 'positive' | 'neutral' | 'negative' | 'unscored';
  /** -1..1: the positive minus the negative probability. */
  score: number;
  /** 0..1: the probability of the label. */
  confidence: number;
}

/** What the word scan (intent-features.ts) found out about a post. */
export interface PostShape {
  /** Lower-cased, without the handles a reply opens with. */
  body: string;
  /** The handles a reply opens with, if any. */
  reply: boolean;
  words: number;
  /** The lexicon valence of its warm and of its sore words (VADER's 0..4 each). */
  positive: number;
  negative: number;
  /** The first word's valence, and whether a clause ends right after it ("wonderful, ...", "Toll, ..."). */
  firstValence: number;
  firstEnds: boolean;
  /** How many words of each class ("!trouble": negated). */
  classes: Map<string, number>;
}

const REPLY = hashFeature('opens:@');
const HANDLE = hashFeature('has:@');
const SHORT = hashFeature('short');
const ENDS_ASKING = hashFeature('ends:?');
const ASKS_LOUDLY = hashFeature('has:?!');
const MIXED = hashFeature('lex+-');
const WARM_OPENER = hashFeature('opens:warm,');
const QUOTES = hashFeature('quotes');
const GOOD_AND_TROUBLE = hashFeature('good&trouble');
const BRAND_WARM = hashFeature('brand&lex+');
const BRAND_SORE = hashFeature('brand&lex-');
const LEXICON_STEPS = [1, 2.5, 4, 6].map((at) => ({
  at,
  warm: hashFeature(`lex+${at}`),
  sore: hashFeature(`lex-${at}`),
}));
const SCORE_STEPS = [0.2, 0.4, 0.6, 0.8].map((at) => ({
  at,
  warm: hashFeature(`score+${at}`),
  sore: hashFeature(`score-${at}`),
}));
const LABELS = new Map(['positive', 'neutral', 'negative', 'unscored'].map((l) => [l, hashFeature(`sent:${l}`)]));
// Quoted words are most often scare quotes: the "fast" repair, the "free" upgrade.
const SCARE_QUOTES = /["“„][^"“”„\n]{1,30}["“”]/;

const RULES = new Map<string, number>();
const rule = (name: string) => RULES.get(name) ?? RULES.set(name, hashFeature(`rule:${name}`)).get(name)!;
const CLASSES = new Map<string, { once: number; twice: number; thrice: number; brand: number }>();
function classCues(name: string) {
  let cues = CLASSES.get(name);
  if (!cues) {
    const c = `class:${name}`;
    cues = {
      once: hashFeature(c),
      twice: hashFeature(`${c}2`),
      thrice: hashFeature(`${c}3`),
      brand: hashFeature(`brand&${c}`),
    };
    CLASSES.set(name, cues);
  }
  return cues;
}

/** The post's cues, hashed: each counts 1. */
export function cuesOf(post: PostShape, text: string, original: string, sentiment: SentimentVerdict): number[] {
  const { body, positive, negative, classes } = post;
  const cues: number[] = [];
  if (post.reply) cues.push(REPLY);
  else if (text.includes('@')) cues.push(HANDLE);
  if (post.words <= 3) cues.push(SHORT);
  for (const { at, warm, sore } of LEXICON_STEPS) {
    if (positive >= at) cues.push(warm);
    if (negative >= at) cues.push(sore);
  }
  if (body.trimEnd().endsWith('?')) cues.push(ENDS_ASKING);
  if (/[?][!]|[!][?]|\?\?/.test(body)) cues.push(ASKS_LOUDLY);
  // Warm and sore words together, a warm opener cut short, scare quotes: how sarcasm reads.
  if (positive >= 1 && negative >= 1) cues.push(MIXED);
  if (post.firstValence > 0 && post.firstEnds) cues.push(WARM_OPENER);
  if (SCARE_QUOTES.test(body)) cues.push(QUOTES);
  if (classes.has('good') && classes.has('trouble')) cues.push(GOOD_AND_TROUBLE);
  for (const [name, times] of classes) {
    const c = classCues(name);
    cues.push(c.once);
    if (times >= 2) cues.push(c.twice);
    if (times >= 3) cues.push(c.thrice);
  }
  const rules = ruleCues(text, original);
  for (const name of rules) cues.push(rule(name));
  // Feelings make complaints and praise when a brand or product is in the post.
  if (rules.includes('brand')) {
    if (positive >= 2.5) cues.push(BRAND_WARM);
    if (negative >= 2.5) cues.push(BRAND_SORE);
    for (const name of classes.keys()) cues.push(classCues(name).brand);
  }
  cues.push(LABELS.get(sentiment.label) ?? LABELS.get('unscored')!);
  for (const { at, warm, sore } of SCORE_STEPS) {
    if (sentiment.score >= at) cues.push(warm);
    if (sentiment.score <= -at) cues.push(sore);
  }
  return cues;
}
