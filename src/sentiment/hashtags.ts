import { decodeHTML } from 'entities';

/**
 * The one hashtag rule, for the analyser and the report rollups alike (light: no language model).
 * '#' then letters, marks, digits or underscores in any script (#Störung, #café, #日本), at least
 * one of them a letter (#2024 is a number, as on X), and not right after a word character or '&'
 * (a#b, the entity &#39;). Links are left out, and tags compare in NFC and lower case.
 */

export const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;

const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&])#([\p{L}\p{M}\p{N}_]+)/gu;
const LETTER = /\p{L}/u;

export interface HashtagAt {
  /** As written, with its '#'. */
  tag: string;
  index: number;
}

/** The hashtags of a text (links not taken out) with where each starts. */
export function findHashtags(text: string): HashtagAt[] {
  const found: HashtagAt[] = [];
  if (!text.includes('#')) return found;
  for (const m of text.matchAll(HASHTAG)) if (LETTER.test(m[1]!)) found.push({ tag: m[0], index: m.index });
  return found;
}

/** The hashtags of a post's text as written (in NFC), in order: HTML entities decoded, links left out. */
export const hashtagsIn = (text: string): string[] =>
  text.includes('#') ? hashtagsOfWords(decodeHTML(text).replace(URL_RE, ' ')) : [];

/** The same for a text already decoded with its links left out (analyze() has it read). */
export const hashtagsOfWords = (words: string): string[] => findHashtags(words).map((h) => h.tag.normalize('NFC'));

/** A hashtag as reports count it: no '#', NFC, lower case ("#Cafe\u0301" and "#café" are one). */
export const hashtagTerm = (tag: string) => tag.replace(/^#/, '').normalize('NFC').toLowerCase();

/** A post's distinct hashtags as reports count them. */
export const hashtagTerms = (text: string) => [...new Set(hashtagsIn(text).map(hashtagTerm))];
