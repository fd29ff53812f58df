import { eld } from 'eld/extrasmall';
import {
  EN,
  ENGLISH_STOPWORDS,
  FOREIGN_STOPWORDS,
  OTHER,
  OTHER_LANGUAGES,
  OTHER_STOPWORDS,
  type OtherLanguage,
} from './lexicons';
import { SOCIAL } from './social';
import type { Token } from './tokens';

/**
 * Which language a post is in. Words vote first, ELD (Nito-ELD, a maintained n-gram detector over
 * 60 languages, ~35 µs a post) decides what they leave open:
 * - English function words that no other scored language writes count for English; the other six
 *   languages' stopwords that English lacks, and words with their letters (ä ß ñ ç é ...), count
 *   against it. More for English than against it: English, without the detector (most mentions are
 *   like that). One word never decides alone against the other side: "im", "will" and "'s" are
 *   German too ("im Voraus", "ich will", "geht's"), and German posts with them used to go to the
 *   English lexicon, where "war" and "die" score -3.
 * - A post of six words or fewer in plain Latin letters is too short for n-grams ("Yay progress!"
 *   came out Tagalog): unless the detector is sure it is one of the languages we score, or the
 *   words lean that way, it is taken as English, the default.
 * - Where the detector is not sure (one or two words: "geil!!", "Du Depp"), the lexicons vote:
 *   a word one scored language knows and English does not counts for that language.
 * The detector reads the words and hashtags only: links and @handles are noise to n-grams.
 */
export type LanguageCode = string;

// English words, on top of stopwords-iso's English-only stopwords (lexicons.ts); loans like "nice"
// count too: in a German post the German words around them outvote them.
const ENGLISH_WORDS =
  `the and you your it it's that this with have has are just what my for not be they them their there
  at get got can would if about from when our out up know don't n't 'm 're can't won't we're you're i'm very really
  much more been being going want need think who how why where which tonight tomorrow yesterday lol love like nice good
  great happy birthday hey yay awesome sad damn new day today home school friend friends watch watching miss thanks
  thank give 'em suck sucks night morning weekend`.split(/\s+/);
// Never evidence either way. Words of both sides: "im" (German "in dem"), "will" ("wants"), "'s"
// ("geht's"), "do" (Portuguese "of the"), "but" (French "goal"), "gross" ("groß"). Loans every
// language posts as they are ("ok", "sorry", "top"); wink's halves of "won't" and "can't" ("wo",
// "ca"); laughter; English words that are stopwords of one of the six ("usa", "final", "fine").
const NEITHER = `im will 's do but all ok okay sorry top problem http https wo ca haha ha hahaha ya yo gross usa final
  local force press total multiple pure rare favor suit tale hop bat era pan solo fine`.split(/\s+/);

/** +1: a word for English, -1: a word of one of the other six. */
const VOTES = new Map<string, number>();
for (const w of FOREIGN_STOPWORDS) VOTES.set(w, -1);
for (const w of [...ENGLISH_STOPWORDS, ...ENGLISH_WORDS]) VOTES.set(w, 1);
for (const w of NEITHER) VOTES.delete(w);

export const SHORT_POST_WORDS = 6;
// Letters English does not write but German, Spanish, French, Portuguese, Italian or Dutch do.
const ACCENTED = /[äöüßéèêëàâçñãõíóúìòùœ]/i;
const NON_LATIN = new RegExp(
  String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}` +
    String.raw`\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Greek}]`,
  'u',
);
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at 0x00 on purpose (all of ASCII).
const NON_ASCII = /[^\x00-\x7f]/;

export interface DetectedLanguage {
  code: LanguageCode | null;
  /** How it was decided (useful when a post is labelled unscored). */
  method: 'english-words' | 'detector' | 'default';
}

const SCORED_ELSEWHERE = new Set<string>(OTHER_LANGUAGES);

const knows = (l: OtherLanguage, w: string) => SOCIAL[l].words.has(w) || OTHER[l].has(w) || OTHER_STOPWORDS[l].has(w);

// An opinion word of another scored language: the post could be scored differently there.
const knownElsewhere = (t: Token) =>
  t.type === 'word' && OTHER_LANGUAGES.some((l) => SOCIAL[l].words.has(t.lower) || OTHER[l].has(t.lower));

/**
 * The scored language whose lexicons know most of the post's words that English does not know
 * (words of one or two letters are every language's), with how many; null on a tie or none.
 */
function lexiconVote(tokens: Token[]): { code: OtherLanguage; votes: number } | null {
  const votes = new Map<OtherLanguage, number>();
  for (const t of tokens) {
    const w = t.lower;
    if (t.type !== 'word' || w.length < 3 || EN.has(w) || VOTES.get(w) === 1) continue;
    for (const l of OTHER_LANGUAGES) if (knows(l, w)) votes.set(l, (votes.get(l) ?? 0) + 1);
  }
  let best: { code: OtherLanguage; votes: number } | null = null;
  let tie = false;
  for (const [code, n] of votes) {
    if (best && n === best.votes) tie = true;
    else if (!best || n > best.votes) {
      best = { code, votes: n };
      tie = false;
    }
  }
  return tie ? null : best;
}

/** The words and hashtag words, for the detector. */
function sampleOf(tokens: Token[]): string {
  let s = '';
  for (const t of tokens) {
    if (t.type === 'word') s += ` ${t.value}`;
    else if (t.type === 'hashtag') s += ` ${t.value.slice(1)}`;
  }
  return s;
}

/** The scored language the detector ranks highest, when it is not sure of any. */
function bestScored(scores: Record<string, number>): LanguageCode | null {
  let best: string | null = null;
  for (const [code, score] of Object.entries(scores))
    if (SCORED_ELSEWHERE.has(code) && (best === null || score > scores[best]!)) best = code;
  return best;
}

export function detectLanguage(text: string, tokens: Token[]): DetectedLanguage {
  // Most posts are plain ASCII: the Unicode script tests are only needed for the others.
  const ascii = !NON_ASCII.test(text);
  const nonLatin = !ascii && NON_LATIN.test(text);
  if (!nonLatin) {
    let words = 0;
    let tags = 0;
    let english = 0;
    let foreign = 0;
    for (const t of tokens) {
      // Hashtag words vote too ("#keine #lust"), but a post of hashtags alone has no words.
      if (t.type === 'hashtag') tags++;
      else if (t.type === 'word') words++;
      else continue;
      const vote = VOTES.get(t.type === 'word' ? t.lower : t.lower.slice(1));
      if (vote === 1) english++;
      else if (vote === -1 || (!ascii && ACCENTED.test(t.lower))) foreign++;
    }
    if (english > foreign) return { code: 'en', method: 'english-words' };
    // No words at all (":) :) :)", "🔥🔥"): faces and emoji speak every language.
    if (words === 0 && (tags === 0 || english + foreign === 0)) return { code: null, method: 'default' };
    const short = words <= SHORT_POST_WORDS && (ascii || !ACCENTED.test(text));
    // Only a post with a word the other languages know could be scored differently there.
    if (short && foreign === 0 && !tokens.some(knownElsewhere)) return { code: 'en', method: 'default' };
    const r = eld.detect(sampleOf(tokens));
    const scored = SCORED_ELSEWHERE.has(r.language);
    if (r.isReliable() && (scored || r.language === 'en' || !short)) return { code: r.language, method: 'detector' };
    // Not sure: the lexicons' vote, or where the stopwords lean, the detector's best guess among ours.
    const voted = lexiconVote(tokens);
    if (voted && voted.votes > english) return { code: voted.code, method: 'detector' };
    if (foreign > english) {
      const best = scored ? r.language : bestScored(r.getScores());
      if (best) return { code: best, method: 'detector' };
    }
    return { code: 'en', method: 'default' };
  }
  const result = eld.detect(text);
  return { code: result.language || null, method: 'detector' };
}
