/**
 * Which feature requests the community board suggests as ideas: only those the intent model is surer
 * of than it must be to tag the intent (SUGGESTION_THRESHOLD, chosen by cross-validation for precision
 * 0.95 on the design set), so the queue holds requests to the brand, not wishes like "I need a kit kat".
 */
import { INTENTS, verdictOf } from './intents';
import { intentProbabilities, SUGGESTION_THRESHOLD } from './intent-model';
import { read } from './reading';

const FEATURE_REQUEST = INTENTS.indexOf('feature_request');

/** Whether a post (as stored: raw text) is a confident feature request. */
export function suggestsIdea(post: string): boolean {
  // The text as analyze() gives it to the model: entities decoded, URLs out, with its sentiment.
  const r = read(post);
  const sentiment = verdictOf(r);
  const p = intentProbabilities({ text: r.words.toLowerCase(), original: r.words, sentiment })[FEATURE_REQUEST]!;
  return p >= SUGGESTION_THRESHOLD;
}
