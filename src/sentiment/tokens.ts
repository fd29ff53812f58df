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
  /** Whitespace before it (emoticons split into pieces have none between them). */
  spaceBefore: boolean;
}

export function tokenize(text: string): Token[] {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tokens: Token[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) tokens[i] = { value: values[i]!, type: types[i]!, spaceBefore: spaces[i] !== '' };
  return tokens;
}
