/**
 * FNV-1a over UTF-16 code units, fed piece by piece: a feature's hash is that of its name ("w:" + word),
 * computed without building the string (the analyzer's budget is a few microseconds a post). Fast, the same
 * in Node, browsers and Workers, and spread well enough for the models' features. The one hash of both
 * learned models (features.ts for sentiment, intent-features.ts for intents).
 */
export const FNV_OFFSET = 0x811c9dc5;

/** The hash state after `h` took in s[from..to). */
export function feed(h: number, s: string, from = 0, to = s.length): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** The hash state after `h` took in one code unit. */
export const step = (h: number, code: number) => Math.imul(h ^ code, 0x01000193);

/** The state after a name's prefix ("w:"), to feed the rest into. */
export const prefix = (name: string) => feed(FNV_OFFSET, name);

/** A feature name's hash. */
export const hashFeature = (name: string): number => feed(FNV_OFFSET, name) >>> 0;
