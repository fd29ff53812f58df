/**
 * Which board idea a suggested mention is most like, and why: the mention's key terms (the analyzer's content
 * words, stop words already out) found in the idea's title or details. Pure, so the queue page and its tests
 * share one rule. A title hit weighs twice a details hit; the sum over the mention's first key terms says how
 * close the two are. Only a close match is offered pre-chosen: a weak one is shown, the person picks.
 */
export type MatchStrength = 'close' | 'partial' | 'weak';

export interface IdeaMatch {
  ideaId: string;
  title: string;
  /** The mention's key terms the idea shares, in the mention's order. */
  shared: string[];
  /** 0..1: how much of what the mention is about the idea covers. */
  score: number;
  strength: MatchStrength;
}

/** At least this score, and two shared terms, make a close match (pre-chosen on the page). */
const CLOSE_MATCH = 0.5;
/** Below this a match is weak: shown as such, never offered first. */
const PARTIAL_MATCH = 0.25;
/** The terms a score is measured against: a long post is not less like an idea for saying more. */
const TERMS_COUNTED = 5;

/**
 * Words that say someone asks, not what for ("please add", "would love", "bitte", "wünsche"): every feature
 * request has them, so they make no two alike.
 */
const ASKING = new Set(
  `please pls plz add adding love wish wishes hope feature features option able allow want need would could
  app apps support request requested thanks thank bitte hinzufügen wünsche wünschen gerne gern funktion
  möglichkeit danke`.split(/\s+/),
);

/** What a mention is about, in its key terms: the asking words out, each term once. */
export const subjectTerms = (keyTerms: readonly string[]) => [
  ...new Set(keyTerms.map((k) => k.toLowerCase()).filter((k) => k && !ASKING.has(k))),
];

const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);

/** "calendar" meets "calendars", "sync" meets "syncing": the same start, a short ending apart. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3;
}

const hasWord = (words: Set<string>, term: string) => {
  if (words.has(term)) return true;
  for (const w of words) if (sameWord(w, term)) return true;
  return false;
};

export function strengthOf(score: number, shared: number): MatchStrength {
  if (score >= CLOSE_MATCH && shared >= 2) return 'close';
  return score >= PARTIAL_MATCH ? 'partial' : 'weak';
}

/** How one idea compares with a mention's key terms. */
export function matchIdea(keyTerms: readonly string[], idea: { id: string; title: string; body: string }): IdeaMatch {
  const terms = subjectTerms(keyTerms);
  const title = wordsOf(idea.title);
  const body = wordsOf(idea.body);
  const shared: string[] = [];
  let weight = 0;
  for (const term of terms) {
    // A key term of two words ("battery life") counts when each of its words is there.
    const parts = term.split(/\s+/).filter(Boolean);
    if (parts.length === 0) continue;
    if (parts.every((w) => hasWord(title, w))) weight += 1;
    else if (parts.every((w) => hasWord(title, w) || hasWord(body, w))) weight += 0.5;
    else continue;
    shared.push(term);
  }
  const counted = Math.min(Math.max(terms.length, 1), TERMS_COUNTED);
  const score = Math.min(1, weight / counted);
  return { ideaId: idea.id, title: idea.title, shared, score, strength: strengthOf(score, shared.length) };
}

/** The ideas that share anything with the mention, closest first (ties: the order given, most voted first). */
export function closestIdeas(
  keyTerms: readonly string[],
  ideas: readonly { id: string; title: string; body: string }[],
  limit = 3,
): IdeaMatch[] {
  return ideas
    .map((idea, at) => ({ match: matchIdea(keyTerms, idea), at }))
    .filter((x) => x.match.shared.length > 0)
    .sort((a, b) => b.match.score - a.match.score || a.at - b.at)
    .slice(0, limit)
    .map((x) => x.match);
}
