import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

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

export function tokenize(text: string): Token[] {
  const all = nlp.readDoc(text).tokens();
  const values = all.out(its.value) as string[];
  const types = all.out(its.type) as string[];
  const tokens: Token[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) tokens[i] = { value: values[i]!, lower: values[i]!.toLowerCase(), type: types[i]! };
  return tokens;
}
