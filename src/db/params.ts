/**
 * Shapes for values sent to PostgreSQL in bulk statements, shared by every feature that writes a
 * page of rows at once (jsonb_to_recordset) or passes a list (= any($1)).
 */

/**
 * JSON for a jsonb parameter. PostgreSQL text and jsonb cannot hold NUL characters, and one hostile
 * post must not sink its page: NULs are dropped (an escaped backslash before "u0000" is left alone).
 */
export function toJsonParam(value: unknown): string {
  const json = JSON.stringify(value);
  // A page of posts is hundreds of KB: scan with the lookbehind only when a NUL escape is there at all.
  return json.includes('\\u0000') ? json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1') : json;
}

/** A JS array as a PostgreSQL array literal parameter (both drivers take the text form). */
export function toPgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** Cuts text to a column's budget: a hostile or broken platform cannot fill the database with one field. */
export function clip(s: string | null, n: number): string | null {
  if (!s || s.length <= n) return s;
  // Never between the two halves of an emoji: half a surrogate pair is no character, and jsonb refuses it.
  const last = s.charCodeAt(n - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? n - 1 : n);
}
