import { CARE_PHRASES, CARE_WORDS } from './care-phrases';
import { emoticonValence, joinEmoticon } from './emoticons';
import { EMOJI, EN, EN_BIGRAMS } from './lexicons';
import { hasRunOfThree, type Token } from './tokens';

/**
 * VADER's rules (Hutto & Gilbert 2014) on wink-nlp tokens, with its lexicon extended by AFINN-165
 * and emoji scores, plus what social text needs on top: elongated words, hashtag words, and
 * emoticons/emoji as tokens. Pure and allocation-light: this runs for every mention.
 */
export const B_INCR = 0.293;
export const C_INCR = 0.733;
// VADER uses -0.74; a negated opinion reads weaker than its opposite ("not great" is not "awful"):
// -0.5 fitted on the dev files.
export const N_SCALAR = -0.5;
const ALPHA = 15;
export const EXCITEMENT = 0.35;

const BOOSTERS = new Map<string, number>([
  ...`absolutely amazingly awfully completely considerably decidedly deeply effing enormously entirely especially
    exceptionally extremely fabulously flipping flippin fricking frickin frigging friggin fully fucking greatly hella
    highly hugely incredibly intensely majorly more most particularly purely quite really remarkably so substantially
    thoroughly totally tremendously uber unbelievably unusually utterly very`
    .split(/\s+/)
    .map((w) => [w, B_INCR] as const),
  ...`almost barely hardly kinda kindof less little marginally occasionally partly scarcely slightly somewhat sorta
    sortof`
    .split(/\s+/)
    .map((w) => [w, -B_INCR] as const),
]);

// "n't" is how wink-nlp splits don't / can't / isn't.
// "no" is not here: like the VADER release the peers run, it carries its own valence instead.
export const NEGATIONS = new Set(
  `not n't never none nope nor nothing nowhere neither without cannot cant dont doesnt didnt isnt wasnt werent arent
    aint wont wouldnt shouldnt couldnt hasnt havent hadnt mustnt neednt uh-uh uhuh`.split(/\s+/),
);

// "like" is an opinion after someone who likes ("I like", "you'd like", "don't like"), not in
// "looks like", "like a", "feel like"; "well" opens sentences without meaning good.
const LIKERS = new Set([
  'i',
  'you',
  'we',
  'they',
  'u',
  'ya',
  'people',
  'he',
  'she',
  'who',
  "'d",
  'd',
  'would',
  'do',
  'does',
  'did',
  "n't",
  'not',
  'really',
  'totally',
  'just',
  'also',
  'so',
  'actually',
  'still',
  'definitely',
  'kinda',
  'to',
  'dont',
  'didnt',
  'doesnt',
  'everyone',
  'everybody',
  'nobody',
  'ppl',
]);

// Comparisons ("dances like Prince") still lean friendly in posts, so they keep part of the weight.
export const LIKE_AS_COMPARISON = 0.8;

function opinionWeight(
  lower: string,
  lowers: string[],
  wordAt: number[],
  prevWords: number,
  sentenceStart: number,
): number {
  if (lower === 'like' || lower === 'likes') {
    const liker = prevWords - 1 >= sentenceStart && LIKERS.has(lowers[wordAt[prevWords - 1]!]!);
    return liker ? 1 : LIKE_AS_COMPARISON;
  }
  if (lower === 'well' && prevWords === sentenceStart) return 0;
  return 1;
}

const LAUGHTER = /^(?:l+o+l+z*|lmf?ao+|(?:ha){2,}h?|(?:he){2,}h?|rofl|haha\w*)$/;

export interface Hit {
  /** Index of the token in the token list. */
  index: number;
  valence: number;
}

export interface EnglishScore {
  /** -1..1, VADER's normalisation of the summed valences. */
  compound: number;
  hits: Hit[];
}

/** Set by lookupWord: the word was elongated ("soooo") and so carries emphasis. */
let lastElongated = false;

/**
 * "soooo gooood" -> candidates "soo good", "so good": elongation is emphasis, not a new word.
 * Returns the valence or null, and sets `lastElongated` (no result object: this runs per word).
 */
const CARE = new Map(CARE_WORDS);

function lookupWord(word: string): number | null {
  lastElongated = false;
  const direct = EN.get(word) ?? CARE.get(word);
  if (direct !== undefined) return direct;
  // wink-nlp keeps a full stop on what looks like an abbreviation ("no." as in number).
  const lower = word.endsWith('.') ? word.slice(0, -1) : word;
  if (lower !== word) {
    const v = EN.get(lower);
    if (v !== undefined) return v;
  }
  if (!hasRunOfThree(lower)) return null;
  lastElongated = true;
  const v2 = EN.get(lower.replace(/(.)\1{2,}/g, '$1$1'));
  if (v2 !== undefined) return v2;
  const v1 = EN.get(lower.replace(/(.)\1+/g, '$1'));
  if (v1 !== undefined) return v1;
  lastElongated = false;
  return null;
}

// What social hashtags glue onto an opinion word: #lovethis, #hateit, #failday, #winning.
const TAG_TAILS = new Set([
  'this',
  'it',
  'that',
  'you',
  'u',
  'them',
  'life',
  'day',
  'days',
  'me',
  'my',
  'much',
  'all',
  'so',
  'ing',
  's',
]);

/** #fail, #FAIL, #lovethis: the tag's own word, or an opinion word with a common tail. */
function lookupHashtag(tag: string): number | null {
  const lower = tag.slice(1).toLowerCase();
  const whole = EN.get(lower);
  if (whole !== undefined) return whole;
  for (let cut = lower.length - 1; cut >= 3; cut--) {
    if (!TAG_TAILS.has(lower.slice(cut))) continue;
    const v = EN.get(lower.slice(0, cut));
    if (v !== undefined) return v;
  }
  return null;
}

/** VADER's idioms (the phrase means something its words do not), and what failed service sounds like. */
const IDIOMS = new Map<string, number>([
  ['the shit', 3],
  ['the bomb', 3],
  ['bad ass', 1.5],
  ['badass', 1.5],
  ['yeah right', -2],
  ['kiss of death', -1.5],
  ['to die for', 3],
  ['beating heart', 3.1],
  ['break a leg', 2],
  ['cut the mustard', 2],
  ['hand to mouth', -2],
  ['back handed', -2],
  ['blow smoke', -2],
  ['blowing smoke', -2],
  ['upper hand', 1],
  ['boo hoo', -2],
  ['boohoo', -2],
  ...CARE_PHRASES,
]);

/** "can't wait" is eagerness, not a negated wait (wink-nlp splits it into "ca", "n't", "wait"). */
const CANT = new Set(["n't", 'cant', 'cannot']);
const EAGER = 2;

const PHRASE_STARTS = new Set([...IDIOMS.keys(), ...EN_BIGRAMS.keys()].map((k) => k.split(' ')[0]!));

/** Two or more letters, all capitals (a char-code loop: this runs for every word). */
function isAllCaps(s: string): boolean {
  let upper = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper++;
  }
  return upper > 1;
}

export function scoreEnglish(tokens: Token[]): EnglishScore {
  const n = tokens.length;
  const lowers: string[] = new Array(n);
  let words = 0;
  let capsWords = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    lowers[i] = t.lower;
    if (t.type === 'word') {
      words++;
      if (isAllCaps(t.value)) capsWords++;
    }
  }
  // ALL-CAPS is emphasis only when the rest of the text is not shouting too.
  const capsDiffer = capsWords > 0 && capsWords < words;

  // Boosters and negations are looked for among the previous words, punctuation skipped (VADER
  // splits on whitespace, so "didn't send that, ;)" has ";)" three words after "didn't").
  const wordAt: number[] = [];
  let sentenceStart = 0;
  const hits: Hit[] = [];
  let butAt = -1;
  let exclamations = 0;
  let questions = 0;
  let skipNext = false;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const lower = lowers[i]!;
    if (skipNext) {
      skipNext = false;
      continue;
    }
    if (t.type === 'punctuation') {
      // wink-nlp keeps "?!?" or "!!!" as one token: count the marks themselves.
      for (const ch of t.value) {
        if (ch === '!') exclamations++;
        else if (ch === '?') questions++;
      }
    }
    // A sentence end closes the scope of negations and boosters: "Not bad. Lost my keys" keeps "Lost" negative.
    if (t.type === 'punctuation' && /[.!?;]/.test(t.value)) sentenceStart = wordAt.length;
    const prevWords = wordAt.length;
    if (t.type !== 'punctuation') wordAt.push(i);
    if (t.type === 'url' || t.type === 'mention' || t.type === 'email' || t.type === 'number') continue;
    // Emoticons wink-nlp splits (":l", "=)", ";-P"): join touching punctuation back together.
    if (t.type === 'punctuation' || t.type === 'symbol') {
      const joined = joinEmoticon(tokens, i);
      if (joined) {
        hits.push({ index: i, valence: joined.valence });
        i += joined.length - 1;
      }
      continue;
    }
    if (lower === 'but' && t.type === 'word') butAt = hits.length;

    let valence: number | null = null;
    let emphasis = 0;
    if (t.type === 'emoji') valence = EMOJI.get(t.value) ?? null;
    else if (t.type === 'hashtag') valence = lookupHashtag(t.value);
    else if (t.type === 'emoticon') valence = emoticonValence(t.value) ?? EN.get(lower) ?? null;
    else if (t.type === 'word') {
      // Idioms and two-word expressions first ("bad luck" is not bad + luck).
      const next = lowers[i + 1];
      // Phrase keys are built only for the few words that start one (this loop runs for every word).
      const starts = PHRASE_STARTS.has(lower);
      const idiom3 = starts && next && lowers[i + 2] ? IDIOMS.get(`${lower} ${next} ${lowers[i + 2]}`) : undefined;
      const bigram =
        starts && next ? (IDIOMS.get(`${lower} ${next}`) ?? EN_BIGRAMS.get(`${lower} ${next}`)) : undefined;
      if (idiom3 !== undefined) {
        valence = idiom3;
        i += 2;
      } else if (bigram !== undefined) {
        valence = bigram;
        skipNext = true;
      } else if (lower === 'wait' && prevWords > 0 && CANT.has(lowers[wordAt[prevWords - 1]!]!)) {
        hits.push({ index: i, valence: EAGER });
        continue;
      } else if (lower.length > 1 && !BOOSTERS.has(lower)) {
        valence = lookupWord(lower);
        if (valence !== null && lastElongated) emphasis += B_INCR;
      }
      if (valence !== null && capsDiffer && isAllCaps(t.value)) emphasis += C_INCR;
    }
    if (valence !== null && t.type === 'word')
      valence *= opinionWeight(lower, lowers, wordAt, prevWords, sentenceStart);
    if (valence === null || valence === 0) continue;

    // Boosters and negations look back up to three words, weaker with distance (VADER).
    let negated = false;
    for (let j = 1; j <= 3 && prevWords - j >= sentenceStart; j++) {
      const at = wordAt[prevWords - j]!;
      const prev = lowers[at]!;
      const boost = BOOSTERS.get(prev) ?? (prev.length > 3 && /^s+o{3,}$/.test(prev) ? B_INCR : undefined);
      if (boost !== undefined) {
        let b = boost * (j === 1 ? 1 : j === 2 ? 0.95 : 0.9);
        if (capsDiffer && isAllCaps(tokens[at]!.value)) b += boost > 0 ? C_INCR : -C_INCR;
        emphasis += b;
      }
      if (NEGATIONS.has(prev)) negated = true;
    }
    let v = valence + Math.sign(valence) * emphasis;
    // Negation flips opinion words, not faces or laughter: "can't stop laughing lol" stays happy.
    if (negated && t.type === 'word' && !LAUGHTER.test(lower)) v *= N_SCALAR;
    hits.push({ index: i, valence: v });
  }

  // Contrast: what comes after "but" is what the writer means.
  if (butAt >= 0) {
    for (let k = 0; k < hits.length; k++) hits[k]!.valence *= k < butAt ? 0.5 : 1.5;
  }
  let sum = 0;
  for (const h of hits) sum += h.valence;
  if (sum !== 0) {
    const ep = Math.min(exclamations, 4) * 0.292;
    const qp = questions > 3 ? 0.96 : questions > 1 ? questions * 0.18 : 0;
    sum += Math.sign(sum) * (ep + qp);
  }
  // No opinion words but exclamation marks: in social posts that is excitement, mildly positive
  // ("Got the interwebs!"), fitted on the dev tweets (9 of 10 such items are rated positive).
  if (sum === 0 && exclamations > 0 && hits.length === 0) sum = EXCITEMENT * Math.min(exclamations, 3);
  const compound = sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
  return { compound, hits };
}
