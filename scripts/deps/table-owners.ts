/**
 * Each table has one owner: the feature whose schema file defines it (`pgTable('name', …)`). Outside its
 * owner, no code names the table, neither in SQL text nor by importing its drizzle object; other
 * features call the owner's functions (and, for reads inside their own queries, the typed read models
 * the owner exports), so renaming a column is a change in one feature and a type error everywhere else.
 * Schema files may import another feature's table for a foreign key; tests may do anything.
 *
 * What counts as SQL text: `sql` tagged templates, the argument of `sql.raw(…)` or `sql.identifier(…)`, and
 * any other string that reads like a statement (select / insert into / update … set / delete from).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

interface Table {
  /** The SQL name. */
  name: string;
  /** The drizzle object's exported name. */
  variable: string;
  feature: string;
}

const featureOf = (srcRel: string) => srcRel.split('/')[0]!;

function sourceFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path, base);
    if (!/\.tsx?$/.test(e.name) || /\.test\.tsx?$/.test(e.name) || e.name.endsWith('.d.ts')) return [];
    return [relative(base, path).split(sep).join('/')];
  });
}

const isSchemaFile = (rel: string) => /(^|\/)schema\.ts$|\.schema\.ts$/.test(rel);

function parse(src: string, rel: string) {
  const text = readFileSync(join(src, rel), 'utf8');
  return ts.createSourceFile(
    rel,
    text,
    ts.ScriptTarget.Latest,
    true,
    rel.endsWith('x') ? ts.ScriptKind.TSX : undefined,
  );
}

function walk(node: ts.Node, visit: (n: ts.Node) => void) {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

/** Every table defined under src/, with its owner. */
export function tablesOf(src: string, files = sourceFiles(src)): Table[] {
  const tables: Table[] = [];
  for (const rel of files.filter(isSchemaFile)) {
    walk(parse(src, rel), (n) => {
      if (!ts.isVariableDeclaration(n) || !n.initializer || !ts.isIdentifier(n.name)) return;
      const call = n.initializer;
      if (!ts.isCallExpression(call) || call.expression.getText() !== 'pgTable') return;
      const first = call.arguments[0];
      if (first && ts.isStringLiteralLike(first))
        tables.push({ name: first.text, variable: n.name.text, feature: featureOf(rel) });
    });
  }
  return tables;
}

const STATEMENT = /\b(select\b[\s\S]*\bfrom|insert\s+into|update\s+\w+[\s\S]*\bset|delete\s+from)\b/i;

/** The literal text of SQL a file writes, piece by piece. */
function sqlTexts(file: ts.SourceFile): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const line = (n: ts.Node) => file.getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const templateText = (t: ts.TemplateLiteral) =>
    ts.isNoSubstitutionTemplateLiteral(t)
      ? t.text
      : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)].join(' ? ');
  walk(file, (n) => {
    if (ts.isTaggedTemplateExpression(n) && n.tag.getText() === 'sql')
      out.push({ text: templateText(n.template), line: line(n) });
    else if (ts.isCallExpression(n) && n.expression.getText() === 'sql.identifier') {
      // sql.identifier('name') is a table named in SQL, whatever surrounds it.
      const a = n.arguments[0];
      if (a && ts.isStringLiteralLike(a)) out.push({ text: `from ${a.text}`, line: line(n) });
    } else if (ts.isCallExpression(n) && n.expression.getText() === 'sql.raw') {
      const a = n.arguments[0];
      if (a && (ts.isStringLiteralLike(a) || ts.isTemplateExpression(a)))
        out.push({ text: ts.isStringLiteralLike(a) ? a.text : templateText(a), line: line(n) });
    } else if (
      (ts.isStringLiteralLike(n) || ts.isTemplateExpression(n)) &&
      !ts.isTaggedTemplateExpression(n.parent) &&
      !(ts.isCallExpression(n.parent) && n.parent.expression.getText() === 'sql.raw') &&
      !ts.isImportDeclaration(n.parent) &&
      !ts.isExportDeclaration(n.parent)
    ) {
      const text = ts.isStringLiteralLike(n) ? n.text : templateText(n);
      if (STATEMENT.test(text)) out.push({ text, line: line(n) });
    }
  });
  return out;
}

/** The feature folder an import specifier of `fromRel` lands in, if it is a relative import inside src. */
function importedFeature(fromRel: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = resolve('/src', fromRel, '..', specifier);
  if (!target.startsWith('/src/')) return null;
  return featureOf(target.slice('/src/'.length));
}

/** What breaks table ownership under `cwd`/src, one line each ("file:line names table (owner)"). */
export function tableOwnerProblems(cwd: string): string[] {
  const src = join(cwd, 'src');
  const files = sourceFiles(src);
  const tables = tablesOf(src, files);
  const problems: string[] = [];
  const patterns = tables.map((t) => ({
    t,
    re: new RegExp(`\\b(from|join|into|update|table|exists)\\s+(only\\s+)?"?${t.name}"?(?![\\w(])`, 'i'),
  }));
  for (const rel of files) {
    const feature = featureOf(rel);
    const file = parse(src, rel);
    for (const { text, line } of sqlTexts(file))
      for (const { t, re } of patterns)
        if (t.feature !== feature && re.test(text))
          problems.push(`src/${rel}:${line} names ${t.name} in SQL (owner: ${t.feature})`);
    if (isSchemaFile(rel)) continue;
    for (const stmt of file.statements) {
      if (!ts.isImportDeclaration(stmt) || stmt.importClause?.isTypeOnly) continue;
      const owner = importedFeature(rel, (stmt.moduleSpecifier as ts.StringLiteral).text);
      if (!owner || owner === feature) continue;
      const bindings = stmt.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      for (const el of bindings.elements) {
        if (el.isTypeOnly) continue;
        const name = (el.propertyName ?? el.name).text;
        const t = tables.find((x) => x.feature === owner && x.variable === name);
        if (t)
          problems.push(
            `src/${rel}:${file.getLineAndCharacterOfPosition(el.getStart()).line + 1} uses table ${t.name} ` +
              `(owner: ${t.feature})`,
          );
      }
    }
  }
  return [...new Set(problems)].sort();
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const problems = tableOwnerProblems(process.cwd());
  process.stdout.write(`${problems.join('\n')}\n${problems.length} problems\n`);
}
