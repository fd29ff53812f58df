import type { ClientMessageKey } from '../client-messages';

/**
 * The words this script shows, in the viewer's language: the page renders them from the catalogue into a
 * JSON block (http/web/client-messages.tsx), so no English is written here. Read once, on first use.
 */
let words: Partial<Record<ClientMessageKey, string>> | null = null;

function read(): Partial<Record<ClientMessageKey, string>> {
  try {
    return JSON.parse(document.getElementById('client-messages')?.textContent ?? '{}') ?? {};
  } catch {
    return {};
  }
}

/** A `{slot}` template's slots filled in, once each (a filled-in name holding "{status}" stays as it is). */
export const fill = (template: string, values: Record<string, string | number> = {}): string =>
  template.replace(/\{(\w+)\}/g, (slot, name: string) => (values[name] === undefined ? slot : String(values[name])));

/** A message of the page's block with its slots filled (its key, should a page lack the block). */
export function say(key: ClientMessageKey, values?: Record<string, string | number>): string {
  words ??= read();
  return fill(words[key] ?? key, values);
}

/** A count in the page's language (1.234 in German). */
export const count = (n: number): string => new Intl.NumberFormat(document.documentElement.lang || 'en').format(n);
