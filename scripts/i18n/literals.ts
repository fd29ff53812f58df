/**
 * Finds interface text written into views instead of taken from the catalogue: JSX text with letters in
 * it, and string attributes people read (title, placeholder, aria-label, alt, label …). Used by
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
  const files = viewFiles();
  let total = 0;
  for (const f of files) {
    const l = literalsIn(f);
    total += l.length;
    if (l.length) console.log(`${String(l.length).padStart(4)} ${f}`);
  }
  console.log(`${total} literals in ${files.length} files`);
}
