import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { literalsIn, viewFiles } from '../../scripts/i18n/literals';
import { templateParams } from '../../src/core/errors';
import { ERROR_CATALOGUE } from '../../src/server/error-catalogue';

/**
 * One catalogue: English is the source in the code (defineMessages, extracted to src/core/i18n/en.json by
 * `npm run i18n:extract`), German is src/core/i18n/de.json, error messages are `error.CODE` there. These
 * fail when a German message is missing or takes other arguments, and when a view writes text past it.
 */

const en = JSON.parse(readFileSync('src/core/i18n/en.json', 'utf8')) as Record<string, { defaultMessage: string }>;
const de = JSON.parse(readFileSync('src/core/i18n/de.json', 'utf8')) as Record<string, string>;

/** The argument names a message takes (`{name}`, `{n, plural, …}`, and those inside plural and select). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
      if ('value' in e && typeof e.value === 'string' && e.type !== TYPE.tag) names.add(e.value);
      if ('options' in e) for (const option of Object.values(e.options)) walk(option.value);
      if ('children' in e) walk(e.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

// The public board's German says "du" or "Sie" as the workspace chooses: its messages may take `form` too.
const extraGermanArguments = (id: string) => (id.startsWith('community.') ? ['form'] : []);

// Files whose text has not moved into the catalogue yet (issue 19 in progress): this list only shrinks.
const NOT_YET = new Set<string>([]);

// Names, not words: the product's and platforms' names are the same in every language.
const NAMES = new Set(['Social CRM', 'X', 'Mastodon', 'Bluesky', 'Reddit', 'Hacker News', 'RSS', 'YouTube']);

describe('the message catalogue', () => {
  it('holds in en.json exactly the messages the code defines (npm run i18n:extract)', () => {
    const bin = join('node_modules', '.bin', 'formatjs');
    const fresh = execFileSync(bin, ['extract', 'src/**/*.{ts,tsx}', '--ignore', '**/*.d.ts', '--throws'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(JSON.parse(fresh)).toEqual(en);
  });

  it('has every message in German, taking the same arguments as the English', () => {
    const problems: string[] = [];
    for (const [id, { defaultMessage }] of Object.entries(en)) {
      const german = de[id];
      if (german === undefined) {
        problems.push(`${id}: missing`);
        continue;
      }
      const want = argumentsOf(defaultMessage);
      const got = argumentsOf(german).filter((a) => !extraGermanArguments(id).includes(a) || want.includes(a));
      if (got.join() !== want.join()) problems.push(`${id}: takes ${got.join(', ')} instead of ${want.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('has German for every error code, with the same parameters', () => {
    const problems: string[] = [];
    for (const e of ERROR_CATALOGUE) {
      const german = de[`error.${e.code}`];
      if (german === undefined) problems.push(`error.${e.code}: missing`);
      else if (templateParams(german).sort().join() !== e.params.slice().sort().join())
        problems.push(`error.${e.code}: takes ${templateParams(german).join(', ')} instead of ${e.params.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps no German message the code no longer has', () => {
    const codes = new Set(ERROR_CATALOGUE.map((e) => `error.${e.code}`));
    expect(Object.keys(de).filter((id) => !(id in en) && !codes.has(id))).toEqual([]);
  });
});

describe('views', () => {
  it('write no text a person reads past the catalogue', () => {
    const found = viewFiles()
      .filter((f) => !NOT_YET.has(f))
      .flatMap((f) => literalsIn(f))
      .filter((l) => !NAMES.has(l.text))
      .map((l) => `${l.file}:${l.line} ${l.text}`);
    expect(found).toEqual([]);
  });

  it('are caught writing text past the catalogue', () => {
    const source = `const A = () => <p title="Open it">Save <b>{'now'}</b> {t(m.x)}</p>;`;
    expect(literalsIn('x.tsx', source).map((l) => l.text)).toEqual(['title="Open it"', 'Save', 'now']);
  });
});
