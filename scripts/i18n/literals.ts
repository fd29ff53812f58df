/**
 * Finds interface text written into views instead of taken from the catalogue: JSX text with letters in
 * it, and string attributes people read (title, placeholder, aria-label, alt, label …); and past the views,
 * schemas' own messages, flash messages and words in error parameters (codeLiteralsIn). Used by
 * tests/architecture/i18n-catalogue.test.ts; `tsx scripts/i18n/literals.ts` lists them per file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';

/** Attributes whose text a person reads (or hears); every other attribute is for machines. */
const READ_ATTRIBUTES = new Set([
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'label',
  'summary',
  'subtitle',
  'heading',
  'hint',
  'message',
  'confirm',
  'legend',
  'caption',
  'emptyText',
  'submitLabel',
  // A page's notice (a flash): its words come from the catalogue like any other.
  'ok',
  'error',
  'notice',
]);

// Letters that make words: a lone symbol, digit or punctuation (" · ", "→", "%") is not text to translate.
const WORDS = /\p{L}{2,}/u;

export interface Literal {
  file: string;
  line: number;
  text: string;
}

export function literalsIn(file: string, source = readFileSync(file, 'utf8')): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string) =>
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim() });
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) add(node, node.text);
    if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      const text = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) && init.expression && ts.isNoSubstitutionTemplateLiteral(init.expression)
          ? init.expression.text
          : ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression)
            ? init.expression.text
            : null;
      if (text !== null && READ_ATTRIBUTES.has(name) && WORDS.test(text)) add(node, `${name}="${text}"`);
    }
    // A string with words as a JSX child: {'Save'} or {`Save`}.
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      const e = node.expression;
      if ((ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && WORDS.test(e.text)) add(node, e.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Zod's checks, and which argument (0-based) carries a schema's own message. */
const ZOD_MESSAGE_ARG: Record<string, number> = {
  min: 1,
  max: 1,
  length: 1,
  gt: 1,
  gte: 1,
  lt: 1,
  lte: 1,
  multipleOf: 1,
  regex: 1,
  startsWith: 1,
  endsWith: 1,
  includes: 1,
  refine: 1,
  int: 0,
  positive: 0,
  negative: 0,
  nonnegative: 0,
  nonpositive: 0,
  nonempty: 0,
  email: 0,
  url: 0,
  uuid: 0,
  string: 0,
  number: 0,
  boolean: 0,
  enum: 1,
  literal: 1,
  union: 1,
  array: 1,
  object: 1,
};

/** Where a flash message is handed over: the props and options a page's notice is made from. */
const FLASH_KEYS = new Set(['ok', 'error', 'notice', 'message', 'flash']);

// A code (`saved_reply`, `CONNECT_FAILED`, `inbox.read`), not words: what error parameters and `what` may hold.
const CODE = /^[A-Za-z0-9_.:-]*$/;
const isWordy = (text: string) => WORDS.test(text) && !CODE.test(text);

const stringOf = (e: ts.Node | undefined): string | null =>
  e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e))
    ? e.text
    : e && ts.isTemplateExpression(e)
      ? e.head.text + e.templateSpans.map((s) => s.literal.text).join('')
      : null;

const calleeName = (call: ts.CallExpression): string | null =>
  ts.isPropertyAccessExpression(call.expression)
    ? call.expression.name.text
    : ts.isIdentifier(call.expression)
      ? call.expression.text
      : null;

/** The string-valued properties of an object literal: `{ error: 'Pick one' }` -> [node, 'error', 'Pick one']. */
function stringProperties(o: ts.Node | undefined): [ts.Node, string, string][] {
  if (!o || !ts.isObjectLiteralExpression(o)) return [];
  return o.properties.flatMap((p): [ts.Node, string, string][] => {
    if (!ts.isPropertyAssignment(p)) return [];
    const text = stringOf(p.initializer);
    return text === null ? [] : [[p, p.name.getText(), text]];
  });
}

/**
 * Text a person reads that code outside the views writes past the catalogue, where a scanner can see it:
 *   - a schema's own message (`.min(1, 'required')`, `z.uuid({ error: 'Pick one' })`, `.refine(f, { message })`):
 *     zod makes it in English for everyone; `said(message)` (http/input-words.ts) says it in the reader's language;
 *   - a flash message written into a page's handler (`renderList(c, 422, 'Saved')`, `{ error: 'Failed' }`);
 *   - words in an error's parameters (`contactError('X', { what: 'Contact' })`, `pathId(c, 'Saved reply')`):
 *     a German message would show them in English; a parameter holds a code, a name or the reader's own text.
 */
export function codeLiteralsIn(file: string, source = readFileSync(file, 'utf8')): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string) =>
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text });
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const args = node.arguments;
      const onZod =
        ts.isPropertyAccessExpression(node.expression) &&
        (node.expression.expression.getText(sf).startsWith('z') || name !== 'string');
      // A schema's own message: the check's message argument, or `error` / `message` in its options.
      if (name && name in ZOD_MESSAGE_ARG && onZod) {
        const arg = args[ZOD_MESSAGE_ARG[name]!];
        const text = stringOf(arg);
        if (text !== null && WORDS.test(text) && (name !== 'enum' || !ts.isArrayLiteralExpression(arg!)))
          add(arg!, `zod message "${text}"`);
        for (const [p, key, t] of stringProperties(arg))
          if ((key === 'error' || key === 'message') && WORDS.test(t)) add(p, `zod message "${t}"`);
      }
      if (name === 'addIssue' || name === 'superRefine')
        for (const [p, key, t] of stringProperties(args[0]))
          if (key === 'message' && WORDS.test(t)) add(p, `zod message "${t}"`);
      // A page's notice: render…(c, …) with words, or an options object whose ok / error / message has them.
      if (name && /^render/.test(name) && args[0]?.getText(sf) === 'c')
        for (const arg of args.slice(1)) {
          const text = stringOf(arg);
          if (text !== null && WORDS.test(text)) add(arg, `flash "${text}"`);
          for (const [p, key, t] of stringProperties(arg))
            if (FLASH_KEYS.has(key) && WORDS.test(t)) add(p, `flash "${t}"`);
        }
      // An error's parameters: `xError('CODE', { name: 'words' })`.
      const code = stringOf(args[0]);
      if (name && /Error$/.test(name) && code !== null && /^[A-Z][A-Z0-9_]+$/.test(code))
        for (const [p, key, t] of stringProperties(args[1])) if (isWordy(t)) add(p, `error param ${key}="${t}"`);
      // `what` names a thing in a 404's details: a code.
      if (name === 'pathId') {
        const text = stringOf(args[1]);
        if (text !== null && !/^[a-z0-9_]*$/.test(text)) add(args[1]!, `error param what="${text}"`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every .ts and .tsx file under src/ that is not a test, sorted. */
export function sourceFiles(root = 'src'): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name)) out.push(path);
    }
  };
  walk(root);
  return out.sort();
}

/** Every .tsx file under src/, sorted. */
export function viewFiles(root = 'src'): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.tsx')) out.push(path);
    }
  };
  walk(root);
  return out.sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = sourceFiles();
  let total = 0;
  for (const f of files) {
    const l = [...(f.endsWith('.tsx') ? literalsIn(f) : []), ...codeLiteralsIn(f)];
    total += l.length;
    if (l.length) console.log(`${String(l.length).padStart(4)} ${f}`);
  }
  console.log(`${total} literals in ${files.length} files`);
}
