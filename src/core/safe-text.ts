/**
 * What text may be stored. PostgreSQL text and jsonb cannot hold NUL (0x00), and a lone UTF-16
 * surrogate (JSON's "\ud800") is no character at all: jsonb refuses it. Requests carrying either
 * are refused at the edge; text from platforms and files is cleaned instead, so the rest survives.
 */

// C0 controls other than tab, line feed and carriage return: invisible, and NUL among them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
// The same class without the global flag, whose lastIndex would make test() stateful.
const HAS_CONTROL = new RegExp(CONTROLS.source);

/** Deeper JSON than this is refused at the edge and in imports: no real payload nests so far. */
export const MAX_JSON_DEPTH = 64;

/** Why a string cannot be taken as it is, or null when it can. */
export function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character';
  if (!s.isWellFormed()) return 'contains a lone surrogate (not valid Unicode)';
  return null;
}

/** Text from outside made storable: controls other than \t \n \r dropped, lone surrogates become U+FFFD. */
export function cleanText(s: string): string {
  // Nearly all text is clean: test first, so the common case allocates nothing (imports clean every field).
  const kept = HAS_CONTROL.test(s) ? s.replace(CONTROLS, '') : s;
  return kept.isWellFormed() ? kept : kept.toWellFormed();
}

/**
 * A place in a parsed JSON value (object keys included) whose text cannot be taken, as a
 * dotted path ("texts.1", "author.name"), or where it nests too deep. Walks without recursion, so a
 * hostile nesting cannot overflow the stack.
 */
export function jsonTextProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): { field: string; problem: string } | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  const at = (path: string[]) => path.map(cleanText).join('.') || '(body)';
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { field: at(path), problem };
    } else if (v !== null && typeof v === 'object') {
      if (path.length >= maxDepth) return { field: at(path), problem: `nests deeper than ${maxDepth} levels` };
      for (const [key, child] of Object.entries(v)) {
        const problem = textProblem(key);
        if (problem) return { field: at([...path, key]), problem: `has a key that ${problem}` };
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

/** How deep a JSON value nests (a scalar is 0), counted without recursion and stopping past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(v)) stack.push({ value: child, depth: depth + 1 });
  }
  return deepest;
}

const dirty = (s: string) => HAS_CONTROL.test(s) || !s.isWellFormed();

/** Whether any string or key in a JSON value would change when cleaned. */
function needsCleaning(value: unknown): boolean {
  if (typeof value === 'string') return dirty(value);
  if (Array.isArray(value)) return value.some(needsCleaning);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => dirty(k) || needsCleaning(v));
  return false;
}

function rebuild(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(rebuild);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), rebuild(v)]));
  return value;
}

/**
 * A JSON value with every string and key cleaned; call it on values jsonDepth has found shallow.
 * Clean values (nearly all: every imported row passes here) come back as they are, not copied.
 */
export function cleanJson(value: unknown): unknown {
  return needsCleaning(value) ? rebuild(value) : value;
}
