import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorSpec, KIND_STATUS, LANGUAGES, renderMessage, templateParams } from '../../src/core/errors';
import { ERROR_CATALOGUE, ERROR_TABLES } from '../../src/server/error-catalogue';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * The catalogue is where integrators read the codes and where a translation starts, so it must hold every
 * code the app can answer with, each once, each template fillable from its own parameters.
 */
const SRC = join(import.meta.dirname, '../../src');

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield path;
  }
}
const sources = [...sourceFiles(SRC)].map((path) => ({
  path,
  name: relative(SRC, path),
  text: readFileSync(path, 'utf8'),
}));

const codes = new Set(ERROR_CATALOGUE.map((e) => e.code));
const tables = new Set(Object.values(ERROR_TABLES));
const CODE = /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})'/g;

/** The text of a call's arguments, from just after its opening parenthesis to the one closing it. */
function callArguments(text: string, open: number): string {
  let depth = 1;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open, i);
  }
  return text.slice(open);
}

/** The first argument of a call's argument text (up to its first comma outside brackets). */
function firstArgument(args: string): string {
  let depth = 0;
  for (let i = 0; i < args.length; i++) {
    if ('([{'.includes(args[i]!)) depth++;
    else if (')]}'.includes(args[i]!)) depth--;
    else if (args[i] === ',' && depth === 0) return args.slice(0, i);
  }
  return args;
}

/** Every maker (`export const inboxError = makeErrors(INBOX_ERRORS)`) with the table it makes from. */
async function makers(): Promise<Map<string, Readonly<Record<string, ErrorSpec>>>> {
  const out = new Map<string, Readonly<Record<string, ErrorSpec>>>();
  for (const f of sources) {
    for (const m of f.text.matchAll(/export const (\w+) = makeErrors\((\w+)\)/g)) {
      const mod = (await import(f.path)) as Record<string, Readonly<Record<string, ErrorSpec>>>;
      out.set(m[1]!, mod[m[2]!]!);
    }
  }
  return out;
}

describe('the error catalogue', () => {
  it('holds each code once, across every feature', () => {
    const seen = new Map<string, string[]>();
    for (const [area, specs] of Object.entries(ERROR_TABLES))
      for (const code of Object.keys(specs)) seen.set(code, [...(seen.get(code) ?? []), area]);
    expect([...seen].filter(([, areas]) => areas.length > 1)).toEqual([]);
    expect(ERROR_CATALOGUE.length).toBe(seen.size);
  });

  it('names codes in UPPER_SNAKE_CASE and gives each the one status of its kind', () => {
    for (const e of ERROR_CATALOGUE) {
      expect(e.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(e.status, e.code).toBe(KIND_STATUS[e.kind]);
    }
  });

  it('lists every table of codes the sources declare', async () => {
    const declaring = sources.filter((f) => /= defineErrors\(/.test(f.text));
    expect(declaring.length).toBeGreaterThanOrEqual(12);
    for (const f of declaring) {
      const mod = (await import(f.path)) as Record<string, unknown>;
      const declared = [...f.text.matchAll(/export const (\w+) = defineErrors\(/g)].map((m) => mod[m[1]!]);
      for (const table of declared) expect(tables.has(table as Record<string, ErrorSpec>), f.name).toBe(true);
    }
  });

  it('writes every template as one string literal, so the compiler reads its parameters', () => {
    for (const f of sources.filter((s) => /= defineErrors\(/.test(s.text)))
      for (const block of f.text.matchAll(/= defineErrors\(\{([\s\S]*?)\n\}\);/g))
        expect(block[1], f.name).not.toMatch(/'\s*\+|\+\s*'|\ben:\s*`/);
  });

  it('knows every code a throw site names, in the table of the maker it calls', async () => {
    const byMaker = await makers();
    const unknown: string[] = [];
    const unnamed: string[] = [];
    let sites = 0;
    for (const f of sources) {
      for (const [maker, table] of byMaker) {
        for (const m of f.text.matchAll(new RegExp(`\\b${maker}\\(`, 'g'))) {
          const first = firstArgument(callArguments(f.text, m.index + m[0].length));
          const named = [...first.matchAll(CODE)].map((c) => c[1]!);
          if (named.length === 0) unnamed.push(`${f.name}: ${maker}(${first})`);
          for (const code of named) {
            sites++;
            if (!(code in table)) unknown.push(`${f.name}: ${maker}('${code}')`);
          }
        }
      }
    }
    expect(unknown).toEqual([]);
    expect(unnamed).toEqual([]);
    expect(sites).toBeGreaterThan(150);
  });

  it('knows every code the sources compare an error against', () => {
    const compared = sources.flatMap((f) =>
      [...f.text.matchAll(/\.code [!=]== '([A-Z_]+)'/g)].map((m) => ({ file: f.name, code: m[1]! })),
    );
    expect(compared.length).toBeGreaterThan(0);
    expect(compared.filter((c) => !codes.has(c.code))).toEqual([]);
  });

  it('is the only way errors are made: no AppError is built outside core', () => {
    const built = sources.filter((f) => f.name !== join('core', 'errors.ts') && /new AppError\(/.test(f.text));
    expect(built.map((f) => f.name)).toEqual([]);
  });

  it('fills every template from its own parameters, and refuses to when one is missing', () => {
    for (const e of ERROR_CATALOGUE) {
      const values = Object.fromEntries(e.params.map((p) => [p, `<${p}>`]));
      for (const language of LANGUAGES) {
        const message = renderMessage(e.messages[language], values);
        expect(message, e.code).not.toMatch(/\{\w+\}/);
        for (const p of e.params) {
          const { [p]: _left, ...missing } = values;
          expect(() => renderMessage(e.messages[language], missing), `${e.code} without {${p}}`).toThrow(p);
        }
      }
    }
  });

  it('writes a parameter as {name}; braces around other text are text (the compiler reads them alike)', () => {
    for (const e of ERROR_CATALOGUE)
      for (const language of LANGUAGES)
        for (const [, inner] of e.messages[language].matchAll(/\{([^{}]*)\}/g))
          if (!/^\w+$/.test(inner!)) expect(inner, e.code).toMatch(/[ ":,]/);
  });

  it('has a message in every language for every code, with the same parameters', () => {
    for (const e of ERROR_CATALOGUE)
      for (const language of LANGUAGES) {
        expect(e.messages[language], `${e.code} (${language})`).toBeTruthy();
        expect(templateParams(e.messages[language]).sort()).toEqual([...e.params].sort());
      }
  });
});

describe('GET /api/v1/errors', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('lists every code with its kind, status, parameters and messages, without signing in', async () => {
    const res = await t.request('GET', '/api/v1/errors');
    expect(res.status).toBe(200);
    expect(res.json.languages).toEqual(['en']);
    expect(res.json.items).toHaveLength(ERROR_CATALOGUE.length);
    expect(res.json.items).toContainEqual({
      code: 'REPLY_TOO_LONG',
      kind: 'invalid',
      status: 422,
      area: 'inbox',
      params: ['length', 'platform', 'limit'],
      messages: { en: 'The reply is {length} characters as {platform} counts them; the limit is {limit}' },
    });
  });

  it('is in the OpenAPI document, and the error shape there names the kind', async () => {
    const doc = (await t.request('GET', '/api/v1/openapi.json')).json;
    expect(doc.paths['/api/v1/errors'].get.responses['200']).toBeDefined();
    expect(Object.keys(doc.components.schemas.Error.properties.error.properties)).toEqual([
      'code',
      'kind',
      'message',
      'details',
    ]);
  });

  it('answers errors in the shape it documents: a code of the catalogue, its kind and its status', async () => {
    const res = await t.request('GET', '/api/v1/nowhere');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({
      error: {
        code: 'NOT_FOUND',
        kind: 'not_found',
        message: 'Nothing is found at this address',
        details: { method: 'GET', path: '/api/v1/nowhere' },
      },
    });
  });
});
