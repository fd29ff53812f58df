import { labelFromRules, type Polarity } from './decide';
import type { Hit } from './english';
import { DENSE_FEATURES, denseFeatures, FeatureBuffer, hashFeatures } from './features';
import { decide, type LinearModel, logits } from './model';
import { aboutModel, modelFor, trainedOn } from './models';
import { negationsFor, type Reading } from './reading';
import type { Token } from './tokens';
import { type CompiledLexicon, type LexiconMatch, matchLexicon } from './workspace-lexicon';

/**
 * The sentiment verdict on a read text: the learned model where the language has one (its rule
 * features carry the lexicons, negation, boosters, faces), the rules alone elsewhere; a workspace's
 * own lexicon on top of either. Every verdict names what decided it.
 */
export interface Contribution {
  kind: 'word' | 'emoji' | 'emoticon' | 'hashtag' | 'rule' | 'lexicon';
  text: string;
  /** Towards positive (+) or negative (−), in log-odds for the model, lexicon valence for the rules. */
  weight: number;
}

export interface Explanation {
  by: 'model' | 'rules';
  /** What the model was trained on (or which rules decided), in English. */
  about: string;
  /** The data sets the model learnt from, by name (model only): pages say "trained on …" in their language. */
  trainedOn?: string[];
  /** The language whose lexicon rules decided; null for the rules of faces and emoji alone (rules only). */
  rulesLanguage?: string | null;
  /** The probability of each label (model only). */
  probabilities?: { negative: number; neutral: number; positive: number };
  /** Strongest first. */
  contributions: Contribution[];
}

export interface Judgement {
  label: Polarity;
  /** -1..1 */
  score: number;
  /** 0..1: the model's probability of its label; for the rules, how far the score is from neutral. */
  confidence: number;
  /** Computed when asked for: ingest stores labels by the thousand and explains none of them. */
  explain(): Explanation;
}

const SHOWN = 8;
const ALPHA = 15;
/** How hard a workspace term pushes the model's log-odds per point of weight (−4..4). */
const LEXICON_PUSH = 0.6;
const FACES = new Set(['emoji', 'emoticon', 'punctuation', 'symbol']);

const kindOf = (t: Token): Contribution['kind'] =>
  t.type === 'emoji' ? 'emoji' : t.type === 'hashtag' ? 'hashtag' : FACES.has(t.type) ? 'emoticon' : 'word';

/** The rules' hits with the workspace's terms in place of what the lexicons said of their words. */
function withWorkspaceTerms(hits: Hit[], compound: number, matches: LexiconMatch[]) {
  if (matches.length === 0) return { hits, compound };
  const covered = new Set(matches.flatMap((m) => m.tokens));
  // compound = sum / sqrt(sum² + α): undo it, change the sum, redo it.
  let sum = compound === 0 ? 0 : (compound * Math.sqrt(ALPHA)) / Math.sqrt(1 - Math.min(compound * compound, 0.9999));
  const kept: Hit[] = [];
  for (const h of hits) {
    if (covered.has(h.index)) sum -= h.valence;
    else kept.push(h);
  }
  for (const m of matches) {
    sum += m.weight;
    if (m.weight !== 0) kept.push({ index: m.tokens[0]!, valence: m.weight });
  }
  return { hits: kept, compound: sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA) };
}

function top(contributions: Contribution[]): Contribution[] {
  return contributions
    .filter((c) => Math.abs(c.weight) >= 0.05)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, SHOWN)
    .map((c) => ({ ...c, weight: Math.round(c.weight * 100) / 100 }));
}

/** Per token, what the model's features of that token pushed (hashed features plus its share of the rules). */
function modelContributions(
  model: LinearModel,
  r: Reading,
  sparse: FeatureBuffer,
  dense: Float64Array,
  hits: Hit[],
  compound: number,
  matches: LexiconMatch[],
): Contribution[] {
  const push = new Map<number, number>();
  const add = (t: number, w: number) => push.set(t, (push.get(t) ?? 0) + w);
  for (let k = 0; k < sparse.length; k++) {
    const at = sparse.index[k]! * 3;
    add(sparse.token[k]!, (model.hashed[at + 2]! - model.hashed[at]!) * model.scale * sparse.value[k]!);
  }
  const diff = (f: number) => model.dense[2]![f]! - model.dense[0]![f]!;
  // The rules' score is (nearly) linear in each word's valence: each word gets its share.
  const sum = hits.reduce((a, h) => a + h.valence, 0);
  const slope = compound === 0 ? 0 : compound / (sum || 1);
  const groups = [0, 0, 0, 0];
  for (const h of hits) {
    const face = FACES.has(r.tokens[h.index]?.type ?? '');
    const g = (face ? 2 : 0) + (h.valence > 0 ? 0 : 1);
    groups[g] = groups[g]! + Math.abs(h.valence);
  }
  for (const h of hits) {
    add(h.index, diff(0) * h.valence * slope);
    const face = FACES.has(r.tokens[h.index]?.type ?? '');
    const g = (face ? 2 : 0) + (h.valence > 0 ? 0 : 1);
    add(h.index, (diff(2 + g) * dense[2 + g]! * Math.abs(h.valence)) / (groups[g] || 1));
  }
  const byToken = new Map<number, LexiconMatch>();
  for (const m of matches) for (const t of m.tokens) byToken.set(t, m);
  const out: Contribution[] = [];
  for (const [t, w] of push) {
    const m = byToken.get(t);
    if (m) continue;
    out.push({ kind: kindOf(r.tokens[t]!), text: r.tokens[t]!.value, weight: w });
  }
  for (const m of matches) {
    const w = m.tokens.reduce((a, t) => a + (push.get(t) ?? 0), 0) + m.weight * LEXICON_PUSH;
    out.push({ kind: 'lexicon', text: m.term, weight: w });
  }
  // Rule features other than the words' own: negation, contrast, exclamation, ALL CAPS...
  for (let f = 6; f < DENSE_FEATURES.length; f++) {
    if (dense[f]) out.push({ kind: 'rule', text: DENSE_FEATURES[f]!, weight: diff(f) * dense[f]! });
  }
  return out;
}

// Scoring reuses one buffer (JS runs one call at a time); an explanation hashes again into its own.
const scratch = new FeatureBuffer();

function byModel(model: LinearModel, r: Reading, lexicon: CompiledLexicon | undefined): Judgement {
  const negations = negationsFor(r.language);
  const matches = lexicon ? matchLexicon(lexicon, r.tokens, r.language) : [];
  const rules = withWorkspaceTerms(r.rules!.hits, r.rules!.compound, matches);
  // The workspace's word replaces the model's reading of it: its hashed features are dropped.
  const covered = matches.length ? new Set(matches.flatMap((m) => m.tokens)) : null;
  const hashed = (into: FeatureBuffer) => {
    hashFeatures(r.tokens, negations, model.bits, into);
    if (covered) into.drop(covered);
    return into;
  };
  const dense = denseFeatures(r.tokens, rules, negations, r.urls.length);
  const z = logits(model, hashed(scratch), dense);
  for (const m of matches) {
    z[2]! += m.weight * LEXICON_PUSH;
    z[0]! -= m.weight * LEXICON_PUSH;
  }
  const { label, confidence, probs } = decide(z);
  return {
    label,
    score: Math.round((probs[2]! - probs[0]!) * 10000) / 10000,
    confidence: Math.round(confidence * 1000) / 1000,
    explain: () => ({
      by: 'model',
      about: aboutModel(r.language) ?? '',
      trainedOn: trainedOn(r.language),
      probabilities: { negative: round3(probs[0]!), neutral: round3(probs[1]!), positive: round3(probs[2]!) },
      contributions: top(
        modelContributions(model, r, hashed(new FeatureBuffer()), dense, rules.hits, rules.compound, matches),
      ),
    }),
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function byRules(r: Reading, lexicon: CompiledLexicon | undefined): Judgement {
  const matches = lexicon ? matchLexicon(lexicon, r.tokens, r.language) : [];
  const { hits, compound } = withWorkspaceTerms(r.rules!.hits, r.rules!.compound, matches);
  const score = Math.round(compound * 10000) / 10000;
  const label = labelFromRules(score);
  const named = new Map(matches.map((m) => [m.tokens[0]!, m.term]));
  return {
    label,
    score,
    // No data to calibrate on in these languages: how far from neutral the score is.
    confidence: round3(label === 'neutral' ? 0.5 : 0.5 + Math.abs(compound) / 2),
    explain: () => ({
      by: 'rules',
      about: `lexicon rules (${r.language ?? 'faces and emoji'})`,
      rulesLanguage: r.language ?? null,
      contributions: top(
        hits.map((h) => ({
          kind: named.has(h.index) ? ('lexicon' as const) : kindOf(r.tokens[h.index]!),
          text: named.get(h.index) ?? r.tokens[h.index]!.value,
          weight: h.valence,
        })),
      ),
    }),
  };
}

/** null for a language neither the model nor the rules score (its label stays `unscored`). */
export function judge(r: Reading, lexicon?: CompiledLexicon): Judgement | null {
  if (!r.rules) return null;
  const model = r.language === null ? null : modelFor(r.language);
  return model ? byModel(model, r, lexicon) : byRules(r, lexicon);
}
