import type { Hit } from './english';
import { N_SCALAR } from './english';
import { EMOJI, NEGATIONS, OTHER, type OtherLanguage } from './lexicons';
import type { Token } from './tokens';

/**
 * German, Spanish, French, Portuguese, Italian and Dutch: natural's lexicons (-1..1, scaled to
 * VADER's -4..4 so one normalisation serves all languages), negation within three words of the
 * same sentence, intensifiers, emoji and exclamation marks as in English.
 */
const INTENSIFIERS: Record<OtherLanguage, Set<string>> = {
  de: new Set([
    'sehr',
    'total',
    'extrem',
    'echt',
    'wirklich',
    'absolut',
    'völlig',
    'super',
    'so',
    'richtig',
    'mega',
    'voll',
  ]),
  es: new Set(['muy', 'super', 'súper', 'totalmente', 'realmente', 'tan', 'demasiado', 'bastante', 'extremadamente']),
  fr: new Set(['très', 'trop', 'vraiment', 'totalement', 'super', 'tellement', 'extrêmement', 'si']),
  pt: new Set(['muito', 'super', 'totalmente', 'realmente', 'tão', 'demais', 'bem', 'extremamente']),
  it: new Set(['molto', 'troppo', 'davvero', 'veramente', 'super', 'totalmente', 'così', 'estremamente']),
  nl: new Set(['heel', 'erg', 'zeer', 'echt', 'super', 'totaal', 'zo', 'ontzettend', 'enorm']),
};

const SCALE = 4;
const ALPHA = 15;
const BOOST = 0.293;

export function scoreOtherLanguage(lang: OtherLanguage, tokens: Token[]): { compound: number; hits: Hit[] } {
  const lexicon = OTHER[lang];
  const negations = NEGATIONS[lang];
  const intensifiers = INTENSIFIERS[lang];
  const hits: Hit[] = [];
  const lowers = tokens.map((t) => t.lower);
  let sentenceStart = 0;
  let exclamations = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'punctuation') {
      if (/[.!?;]/.test(t.value)) sentenceStart = i + 1;
      for (const ch of t.value) if (ch === '!') exclamations++;
      continue;
    }
    let valence: number | undefined;
    if (t.type === 'emoji') valence = EMOJI.get(t.value);
    else if (t.type === 'word' || t.type === 'hashtag') {
      const word = t.type === 'hashtag' ? lowers[i]!.slice(1) : lowers[i]!;
      const p = lexicon.get(word);
      if (p !== undefined) valence = p * SCALE;
    }
    if (!valence) continue;
    let negated = false;
    let emphasis = 0;
    for (let j = 1; j <= 3 && i - j >= sentenceStart; j++) {
      const prev = lowers[i - j]!;
      if (negations.has(prev)) negated = true;
      if (intensifiers.has(prev)) emphasis += BOOST * (j === 1 ? 1 : 0.9);
    }
    // Negation words that follow the opinion ("gut ist es nicht", "je ne l'aime pas").
    for (let j = 1; j <= 2 && i + j < tokens.length; j++) {
      const next = lowers[i + j]!;
      if (tokens[i + j]!.type === 'punctuation') break;
      if (negations.has(next) && (lang === 'de' || lang === 'fr' || lang === 'nl')) negated = true;
    }
    let v = valence + Math.sign(valence) * emphasis;
    if (negated && t.type !== 'emoji') v *= N_SCALAR;
    hits.push({ index: i, valence: v });
  }
  let sum = hits.reduce((a, h) => a + h.valence, 0);
  if (sum !== 0) sum += Math.sign(sum) * Math.min(exclamations, 4) * 0.292;
  return { compound: sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA), hits };
}
