/**
 * What customers write when something failed, on VADER's -4..4 scale. The lexicons were built from
 * tweets, film and news sentences, where "never arrived", "still waiting" or "keeps crashing" carry
 * no opinion words, so "my order never arrived, can you help?" read as neutral. Curated by us for
 * customer care (the product's own domain), not fitted to any data set; the model weighs the rules'
 * score like every other rule feature, learned from the training data.
 * Keys are lower-case words as wink-nlp splits them ("doesn't" -> "does n't").
 */
export const CARE_PHRASES: [string, number][] = [
  ['never arrived', -2],
  ['never received', -2],
  ['never came', -1.5],
  ['never showed', -1.5],
  ["n't arrived", -2],
  ["n't received", -2],
  ["n't delivered", -2],
  ['not arrived', -2],
  ['not received', -2],
  ['not delivered', -2],
  ['still waiting', -1.5],
  ['still no', -1.5],
  ["n't work", -2],
  ["n't working", -2],
  ['not working', -2],
  ['stopped working', -2],
  ["n't load", -1.5],
  ["n't log", -1.5],
  ['keeps crashing', -2],
  ['charged twice', -2],
  ['double charged', -2],
  ['no response', -1.5],
  ['no reply', -1.5],
  ['no answer', -1.5],
  ['on hold', -1],
  ['wrong item', -1.5],
  ['wrong order', -1.5],
  ['wrong size', -1],
  ['lost my', -1.5],
  ['lost our', -1.5],
  ['out of service', -1.5],
];

/** Single words the lexicons lack. */
export const CARE_WORDS: [string, number][] = [
  ['crashing', -1.7],
  ['crashes', -1.7],
  ['crashed', -1.7],
  ['overcharged', -2],
  ['glitch', -1.2],
  ['glitchy', -1.5],
  ['buggy', -1.5],
  ['laggy', -1.3],
  ['unresponsive', -1.5],
  ['canceled', -1],
  ['refunded', 0.5],
];
