/**
 * Where a source's config points. Credentials belong to the host they were entered for: when any
 * address in the config moves to another scheme, host or port, they must not follow it there.
 */
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

type Config = Record<string, unknown> | null | undefined;

/** The config's addresses by key: keys named like `baseUrl`/`feedUrl`, and any absolute URL value. */
export function urlFields(config: Config): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(config ?? {})) {
    if (typeof value === 'string' && (/url$/i.test(key) || ABSOLUTE_URL.test(value))) out.set(key, value);
  }
  return out;
}

/** scheme://host:port, with the default port left out, so https://a.example:443/x equals https://A.example/y. */
export function originOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

/** Keys whose address now names another origin (an address added or removed counts as moved). */
export function movedUrlFields(before: Config, after: Config): string[] {
  const a = urlFields(before);
  const b = urlFields(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.filter((k) => {
    const x = a.get(k);
    const y = b.get(k);
    return x === undefined || y === undefined ? x !== y : originOf(x) !== originOf(y);
  });
}
