/** postgres.js answers an array, PGlite an object with rows: read either. */
export function rows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** A timestamp as a driver hands it back: a Date (postgres.js), or text (PGlite, and anything read out of jsonb). */
export const toDate = (v: string | Date | null) => (v === null ? null : v instanceof Date ? v : new Date(v));
