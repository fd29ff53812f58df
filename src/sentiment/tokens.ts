import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { findHashtags } from './hashtags';

/**
 * wink-nlp tokenisation only (no POS, NER or its own sentiment: those would triple the cost and the
 * analyzer does not need them). Token types: word, number, punctuation, emoji, emoticon, hashtag,
 * mention, url, email, symbol, currency, ...
 */
const nlp = winkNLP(model, []);
const its = nlp.its;

export interface Token {
  value: string;
  type: string;
  /** Lower-cased once here: every later step looks words up by it. */
  lower: string;
}

/**
 * Whether a letter repeats three times in a row ("sooo", "!!!"): elongation. A loop, not /(.)\1\1/: this
 * runs on every word three times, and a back-reference keeps the regular expression off its fast paths.
 */
export function hasRunOfThree(s: string): boolean {
  for (let i = 2; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === s.charCodeAt(i - 1) && c === s.charCodeAt(i - 2)) return true;
  }
  return false;
}

export function tokenize(text: string): Token[] {
  const all = nlp.readDoc(text).tokens();
  const values = all.out(its.value) as string[];
  const types = all.out(its.type) as string[];
  const tokens: Token[] = new Array(values.length);
  for (let i = 0; i < values.length; i++)
    tokens[i] = { value: values[i]!, lower: values[i]!.toLowerCase(), type: types[i]! };
  const joined = text.includes('#') ? wholeHashtags(text, tokens, all.out(its.precedingSpaces) as string[]) : tokens;
  return text.includes("'") || text.includes('’') ? splitElisions(joined) : joined;
}

// French and Italian elided articles, pronouns and "ne" ("l'application", "n'est", "dell'app", "c'è"):
// wink keeps them on the word, which then matches no lexicon entry and hides the negation "n'".
const ELISION = /^(l|d|n|c|j|m|t|s|qu|jusqu|lorsqu|puisqu|dell|dall|nell|sull|all|un|quell|nessun)['’](\p{L}.*)$/iu;
// English words of the same shape: "n't" is how wink splits "don't", "c'mon" is one word.
const NOT_ELIDED = new Set(["n't", 'n’t', "c'mon", 'c’mon']);

function splitElisions(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const m = t.type === 'word' && !NOT_ELIDED.has(t.lower) ? ELISION.exec(t.value) : null;
    if (!m) {
      out.push(t);
      continue;
    }
    // The value stays the text as written; the lower form spells the apostrophe one way for lookups.
    const head = t.value.slice(0, m[1]!.length + 1);
    out.push(
      { value: head, lower: `${m[1]!.toLowerCase()}'`, type: 'word' },
      { value: m[2]!, lower: m[2]!.toLowerCase(), type: 'word' },
    );
  }
  return out;
}

/**
 * wink reads hashtags in ASCII only ("#Störung" -> "#St" + "örung"): the tokens a hashtag of the
 * one rule (./hashtags.ts) covers become one hashtag token again, and a hashtag token the rule
 * does not know (#2024) is a symbol. wink's tokens and their preceding spaces give back the text
 * exactly, which gives each token its offset.
 */
function wholeHashtags(text: string, tokens: Token[], spaces: string[]): Token[] {
  const starts: number[] = new Array(tokens.length);
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    at += spaces[i]!.length;
    starts[i] = at;
    at += tokens[i]!.value.length;
  }
  const tags = new Map(findHashtags(text).map((h) => [h.index, h.tag]));
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tag = tags.get(starts[i]!);
    let last = i;
    while (tag && last + 1 < tokens.length && starts[last + 1]! < starts[i]! + tag.length) last++;
    // Only where the hashtag ends where a token ends; anything else is left as wink read it.
    if (tag && starts[last]! + tokens[last]!.value.length === starts[i]! + tag.length) {
      const value = tag.normalize('NFC');
      out.push({ value, lower: value.toLowerCase(), type: 'hashtag' });
      i = last;
    } else out.push(tokens[i]!.type === 'hashtag' ? { ...tokens[i]!, type: 'symbol' } : tokens[i]!);
  }
  return out;
}
