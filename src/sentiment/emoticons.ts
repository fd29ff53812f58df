import { EN } from './lexicons';
import type { Token } from './tokens';

/**
 * Emoticons in any language. Their valences are the English lexicon's (VADER's emoticons, then
 * wink-sentiment's, -4..4), plus a few faces both lack that German and Spanish tweets use a lot
 * (PotTS, SB10k): "^^" and "-.-" are among the commonest tokens there. Faces are no words, so
 * only emoticon-shaped strings are looked up in the English lexicon.
 */
const EMOTICON_CHARS = /^[:;=8xX%()[\]{}<>|\\/^*'"~._\-pPdDoO0@3$#&!?lLcCsST]+$/;

// Valences set beside VADER's nearest faces: "^^" as ":)" less a little, "-.-" / "-_-" as ":/".
const EXTRA = new Map<string, number>([
  ['^^', 1.6],
  ['^_^', 1.9],
  ['^.^', 1.6],
  ['^-^', 1.6],
  ['-.-', -1.4],
  ['-_-', -1.4],
  ['T_T', -2.2],
  ['T.T', -2.2],
  [';P', 1.2],
  [';p', 1.2],
  [';-P', 1.2],
  [';-p', 1.2],
  [':-P', 1.4],
]);

// "xD", "XDD", "xDDD": laughter written as a word; VADER has "xd" (2.8) and "XD" (2.4).
const LAUGHING_X = /^[xX]+[dD]+$/;
// Letters alone are words, even where the English lexicon has them ("cool", "lol"): no face.
const LETTERS = /^[a-zA-Z]+$/;

const CLOSING = /^[)\]}]/;

/** The valence of one emoticon (":-(", "<3", "xD"), or undefined when the text is none. */
export function emoticonValence(text: string): number | undefined {
  if (LAUGHING_X.test(text)) return EN.get('xd');
  if (!EMOTICON_CHARS.test(text) || LETTERS.test(text)) return undefined;
  return EXTRA.get(text) ?? EN.get(text) ?? EN.get(text.toLowerCase());
}

/**
 * Up to three touching tokens that spell an emoticon: wink-nlp splits some faces into punctuation
 * and symbols (":l", "=)", ";-P", "^^", "-.-"). The one face reader for every language, with the
 * faces English lacks; `length` is how many tokens the face took.
 */
export function joinEmoticon(tokens: Token[], i: number): { valence: number; length: number } | null {
  let text = tokens[i]!.value;
  if (text.length > 1) {
    const own = emoticonValence(text);
    if (own !== undefined) return { valence: own, length: 1 };
  }
  // A face read from pieces never starts with a closing bracket: "(Foto): toll" holds no "):".
  if (CLOSING.test(text)) return null;
  for (let k = 1; k <= 2 && i + k < tokens.length; k++) {
    const next = tokens[i + k]!;
    // Pieces of one emoticon are short; a lexicon hit on the joined text decides.
    if (next.value.length > 2) break;
    text += next.value;
    const v = emoticonValence(text);
    if (v !== undefined) return { valence: v, length: k + 1 };
  }
  return null;
}
