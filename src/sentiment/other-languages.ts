import { emoticonValence, joinEmoticon } from './emoticons';
import type { Hit } from './english';
import { N_SCALAR } from './english';
import { EMOJI, NEGATIONS, type OtherLanguage } from './lexicons';
import { baseValence } from './other-lexicon';
import { SOCIAL } from './social';
import { hasRunOfThree, type Token } from './tokens';

/**
 * German, Spanish, French, Portuguese, Italian and Dutch, with VADER's rules as in English:
 * - word valences from the curated social layer (./social), then natural's lexicons (-1..1,
 *   scaled to VADER's -4..4 so one normalisation serves all languages; ./other-lexicon.ts);
 * - phrases first: politeness formulas score 0 ("Mit freundlichen Grüßen"), idioms their own value;
 * - negation within three tokens of the same sentence before the word, and (German, French,
 *   Dutch) within two after it ("gut ist es nicht"); a negated verb of working is a complaint
 *   ("hält nicht", "no funciona");
 * - intensifiers, emoticons, emoji, laughter and exclamation marks;
 * - contrast: what follows "aber" / "pero" / "mais" / "ma" / "mas" / "maar" weighs more.
 */
const INTENSIFIERS: Record<OtherLanguage, Set<string>> = {
  de: new Set(['sehr', 'total', 'extrem', 'echt', 'wirklich', 'absolut', 'völlig', 'super', 'so', 'richtig', 'mega']),
  es: new Set(['muy', 'super', 'súper', 'totalmente', 'realmente', 'tan', 'demasiado', 'bastante', 'extremadamente']),
  fr: new Set(['très', 'trop', 'vraiment', 'totalement', 'super', 'tellement', 'extrêmement', 'si']),
  pt: new Set(['muito', 'super', 'totalmente', 'realmente', 'tão', 'demais', 'bem', 'extremamente']),
  it: new Set(['molto', 'troppo', 'davvero', 'veramente', 'super', 'totalmente', 'così', 'estremamente']),
  nl: new Set(['heel', 'erg', 'zeer', 'echt', 'super', 'totaal', 'zo', 'ontzettend', 'enorm']),
};
// "voll" intensifies too ("voll gut"), but is also "full": it boosts without a valence of its own.
INTENSIFIERS.de.add('voll');

const ALPHA = 15;
const BOOST = 0.293;
/** A negated verb of working ("funktioniert nicht"): about VADER's "broken" (-1.5) and "fails" (-1.8). */
export const NOT_WORKING = -1.6;
/**
 * Laughter ("haha", "hihi"), and as Spanish, Portuguese and French write it ("jajaja", "kkkk",
 * "rsrs", "mdr"; in German "jaja" is a shrug and MDR a broadcaster): VADER's "haha" is 2.0.
 */
const LAUGHTER = /^(?:ha|he|hi|ah|eh){2,}h?$/;
const LAUGHTER_ALSO: Partial<Record<OtherLanguage, RegExp>> = {
  es: /^(?:ja|je|ji){2,}j?$/,
  pt: /^(?:k{4,}|(?:rs){2,})$/,
  fr: /^(?:mdr+|ptdr+)$/,
};
const laughs = (lang: OtherLanguage, word: string) => LAUGHTER.test(word) || !!LAUGHTER_ALSO[lang]?.test(word);
const LAUGH = 1.5;
// Languages where the negation follows the verb ("funktioniert nicht", "marche pas", "werkt niet").
const NEGATION_AFTER = new Set<OtherLanguage>(['de', 'fr', 'nl']);

/** A word's valence: the curated social layer first (0 silences a reading), then laughter, faces, the lexicon. */
function wordValence(lang: OtherLanguage, word: string, value: string): number | undefined {
  const social = SOCIAL[lang].words.get(word);
  if (social !== undefined) return social;
  if (laughs(lang, word)) return LAUGH;
  return emoticonValence(value) ?? baseValence(lang, word, value);
}

/** "suuuper", "geiiil": elongation is emphasis, not a new word. */
function elongated(lang: OtherLanguage, word: string, value: string): number | undefined {
  const two = word.replace(/(.)\1{2,}/g, '$1$1');
  return wordValence(lang, two, value) ?? wordValence(lang, two.replace(/(.)\1+/g, '$1'), value);
}

/** The longest phrase of the social layer that starts at token i, with its length in tokens. */
function phraseAt(lang: OtherLanguage, lowers: string[], i: number): { valence: number; length: number } | null {
  const social = SOCIAL[lang];
  if (!social.phraseStarts.has(lowers[i]!)) return null;
  for (let len = Math.min(social.longestPhrase, lowers.length - i); len >= 2; len--) {
    const v = social.phrases.get(lowers.slice(i, i + len).join(' '));
    if (v !== undefined) return { valence: v, length: len };
  }
  return null;
}

export function scoreOtherLanguage(lang: OtherLanguage, tokens: Token[]): { compound: number; hits: Hit[] } {
  const social = SOCIAL[lang];
  const negations = NEGATIONS[lang];
  const intensifiers = INTENSIFIERS[lang];
  const hits: Hit[] = [];
  const lowers = tokens.map((t) => t.lower);
  let sentenceStart = 0;
  let exclamations = 0;
  let butAt = -1;
  /** Where a negation stands within `before` tokens before i (same sentence) or `after` after it; -1: none. */
  const negatedAt = (i: number, before: number, after: number): number => {
    for (let j = 1; j <= before && i - j >= sentenceStart; j++) if (negations.has(lowers[i - j]!)) return i - j;
    for (let j = 1; j <= after && i + j < tokens.length && tokens[i + j]!.type !== 'punctuation'; j++)
      if (negations.has(lowers[i + j]!)) return i + j;
    return -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'punctuation' || t.type === 'symbol') {
      for (const ch of t.value) if (ch === '!') exclamations++;
      // Faces wink splits into pieces (":-/", "^^", "-.-"): faces, not negated, never a sentence end.
      const face = joinEmoticon(tokens, i);
      if (face) {
        hits.push({ index: i, valence: face.valence });
        i += face.length - 1;
      } else if (t.type === 'punctuation' && /[.!?;]/.test(t.value)) sentenceStart = i + 1;
      continue;
    }
    if (t.type === 'emoticon' || t.type === 'emoji') {
      const v = t.type === 'emoji' ? EMOJI.get(t.value) : emoticonValence(t.value);
      if (v) hits.push({ index: i, valence: v });
      continue;
    }
    if (t.type !== 'word' && t.type !== 'hashtag') continue;
    const word = t.type === 'hashtag' ? lowers[i]!.slice(1) : lowers[i]!;
    if (t.type === 'hashtag' && negations.has(word)) continue;
    if (t.type === 'word') {
      const phrase = phraseAt(lang, lowers, i);
      if (phrase) {
        // A phrase is read as a whole: politeness (0) adds nothing, an idiom its own value.
        if (phrase.valence) hits.push({ index: i, valence: phrase.valence });
        i += phrase.length - 1;
        continue;
      }
      // Negations turn other words; they carry no valence of their own (senticon rates Spanish "no" +0.375).
      if (negations.has(word)) continue;
      if (social.contrast.has(word)) {
        butAt = hits.length;
        continue;
      }
      if (social.working.has(word)) {
        const at = negatedAt(i, 3, NEGATION_AFTER.has(lang) ? 2 : 0);
        if (at >= 0 && !(at > i && social.unlessNext.has(lowers[at + 1] ?? ''))) {
          hits.push({ index: i, valence: NOT_WORKING });
          continue;
        }
      }
      // An intensifier before a word boosts it ("super gut"); alone it is the opinion ("Super!").
      if (intensifiers.has(word) && tokens[i + 1]?.type === 'word') continue;
    }
    let valence = wordValence(lang, word, t.value);
    let emphasis = 0;
    if (valence === undefined && hasRunOfThree(word)) {
      valence = elongated(lang, word, t.value);
      emphasis += BOOST;
    }
    if (!valence) continue;
    let negated = false;
    for (let j = 1; j <= 3 && i - j >= sentenceStart; j++) {
      const prev = lowers[i - j]!;
      if (negations.has(prev)) negated = true;
      if (intensifiers.has(prev)) emphasis += BOOST * (j === 1 ? 1 : 0.9);
    }
    // Negation words that follow the opinion ("gut ist es nicht", "je ne l'aime pas").
    if (!negated && NEGATION_AFTER.has(lang)) negated = negatedAt(i, 0, 2) >= 0;
    let v = valence + Math.sign(valence) * emphasis;
    if (negated && !laughs(lang, word) && !social.unflipped.has(word)) v *= N_SCALAR;
    hits.push({ index: i, valence: v });
  }
  // Contrast, as VADER weighs English "but": before it half, after it one and a half.
  if (butAt >= 0) for (let k = 0; k < hits.length; k++) hits[k]!.valence *= k < butAt ? 0.5 : 1.5;
  let sum = 0;
  for (const h of hits) sum += h.valence;
  if (sum !== 0) sum += Math.sign(sum) * Math.min(exclamations, 4) * 0.292;
  return { compound: sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA), hits };
}
