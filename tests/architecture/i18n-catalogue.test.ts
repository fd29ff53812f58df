import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { codeLiteralsIn, literalsIn, sourceFiles, viewFiles } from '../../scripts/i18n/literals';
import { MODERATION_ACTIONS } from '../../src/core/moderation';
import { translatorFor } from '../../src/core/i18n/translator';
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

// Text past the views (schemas' own messages, flash messages, words in error parameters) not moved yet: each file
// is its owner's to mend (issue 19); this list only shrinks.
const CODE_NOT_YET = new Set<string>([]);

// Read by whoever runs the server, in English (the environment's settings, the command line): no viewer.
const OPERATOR_TEXT = /^src\/(server\/config\.ts|cli\/)/;

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
      if (german === undefined) {
        problems.push(`error.${e.code}: missing`);
        continue;
      }
      // A German template that chooses its words by a value is ICU (Translator.error renders it so).
      const got = /\{\s*\w+\s*,\s*(select|plural)\s*,/.test(german) ? argumentsOf(german) : templateParams(german);
      if (got.sort().join() !== e.params.slice().sort().join())
        problems.push(`error.${e.code}: takes ${got.join(', ')} instead of ${e.params.join(', ')}`);
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

  it('are caught handing a flash message past the catalogue', () => {
    const source = `const A = () => <Flash kind="ok" ok="Saved." error={t(m.failed)} />;`;
    expect(literalsIn('x.tsx', source).map((l) => l.text)).toEqual(['ok="Saved."']);
  });
});

describe('code past the views', () => {
  it('writes no schema message, flash message or words in an error parameter past the catalogue', () => {
    const found = sourceFiles()
      .filter((f) => !CODE_NOT_YET.has(f) && !OPERATOR_TEXT.test(f))
      .flatMap((f) => codeLiteralsIn(f))
      .map((l) => `${l.file}:${l.line} ${l.text}`);
    expect(found).toEqual([]);
  });

  it('is caught giving a schema its own English message', () => {
    const source = [
      `const A = z.object({ name: z.string().min(1, 'required').max(80, said(w.atMost, { max: 80 })) });`,
      `const B = z.uuid({ error: 'Pick an idea' });`,
      `const C = z.string().refine((s) => s !== '', { message: 'must not be empty' });`,
      `const D = z.email('not an email').regex(/x/, \`no \${x} here\`);`,
      `const E = z.string().min(1, said(w.required));`,
    ].join('\n');
    expect(codeLiteralsIn('x.ts', source).map((l) => `${l.line} ${l.text}`)).toEqual([
      '1 zod message "required"',
      '2 zod message "Pick an idea"',
      '3 zod message "must not be empty"',
      '4 zod message "no  here"',
      '4 zod message "not an email"',
    ]);
  });

  it('is caught handing a page a flash message of its own', () => {
    const source = [
      `return renderList(c, 422, 'Could not save', body);`,
      `return renderContact(c, id, { status: 422, error: 'Nope' });`,
      `return renderSource(c, id, { kind: 'ok', message: t(m.saved) });`,
      `return renderContact(c, id, { status: e.status, error: saidToViewer(c, e) });`,
    ].join('\n');
    expect(codeLiteralsIn('x.tsx', source).map((l) => `${l.line} ${l.text}`)).toEqual([
      '1 flash "Could not save"',
      '2 flash "Nope"',
    ]);
  });

  it('is caught putting words into an error’s parameters', () => {
    const source = [
      `throw sourceError('CONNECT_FAILED', { platform: 'Google', reason: 'Google gave no refresh token' });`,
      `throw inboxError('MODERATION_UNSUPPORTED', { platform, action: 'hide' });`,
      `const id = pathId(c, 'Saved reply');`,
      `const other = pathId(c, 'Conversation');`,
      `const fine = pathId(c, 'saved_reply');`,
    ].join('\n');
    expect(codeLiteralsIn('x.ts', source).map((l) => `${l.line} ${l.text}`)).toEqual([
      '1 error param reason="Google gave no refresh token"',
      '3 error param what="Saved reply"',
      '4 error param what="Conversation"',
    ]);
  });
});

describe('error messages that choose their words by a value', () => {
  it('say every moderation action in German words (an ICU select, not the English verb)', () => {
    const de = translatorFor('de');
    for (const action of MODERATION_ACTIONS) {
      const said = de.error('MODERATION_UNSUPPORTED', 'English', { platform: 'X', action });
      expect(said).toMatch(/^X erlaubt dem Konto nicht, Beiträge /);
      expect(said).not.toContain(action === 'like' ? ' like' : action);
    }
  });
});
