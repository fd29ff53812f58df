/**
 * `tsx scripts/check-line-length.ts` (part of `npm run lint`): lists file:line for every line of src/, tests/ and
 * scripts/ (*.ts, *.tsx) longer than 120 characters, and exits 1 if there is one. Biome formats code to that width
 * but does not wrap strings, template literals, comments or regexes, so this catches what it leaves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const MAX = 120;
const ROOTS = ['src', 'tests', 'scripts'];
const root = join(import.meta.dirname, '..');

// A URL cannot be split without breaking it for whoever copies it: a line holding nothing but one URL (with its
// indentation, a comment marker, quotes, a closing comma or a `+`) may be as long as the URL needs. Anything else
// on such a line can go on the next.
const URL_PATTERN = /[a-z][a-z0-9+.-]*:\/\/\S+/i;
const onlyAUrl = (line: string) => {
  const url = URL_PATTERN.exec(line);
  return url !== null && /^[\s/*'"`(),;.+]*$/.test(line.replace(url[0], ''));
};

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name)) yield path;
  }
}

const long: string[] = [];
for (const top of ROOTS) {
  for (const file of sourceFiles(join(root, top))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        // Characters as an editor counts them (code points), not UTF-16 units: an emoji is one.
        const length = [...line].length;
        if (length > MAX && !onlyAUrl(line)) long.push(`${relative(root, file)}:${i + 1}: ${length} characters`);
      });
  }
}

if (long.length > 0) {
  console.error(`${long.length} line${long.length === 1 ? '' : 's'} over ${MAX} characters:\n${long.join('\n')}`);
  process.exit(1);
}
console.log(`No line over ${MAX} characters in ${ROOTS.join(', ')}.`);
