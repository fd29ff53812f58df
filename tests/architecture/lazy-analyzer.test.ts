import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The analyzer (wink-nlp, the learned models, the lexicons: about a second) loads on first use through
 * loadAnalyzer(). Whatever `src/sentiment/index.ts` reaches by static imports loads at app start, so none of
 * it may be the analyzer. Follows value imports and re-exports (not `import type`, not `import()`).
 */
const STATIC = /^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm;

function reached(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC)) {
      const base = resolve(dirname(file), m[1]!);
      const next = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(existsSync);
      if (next) visit(next);
    }
  };
  visit(entry);
  return seen;
}

describe('the analyzer stays lazy', () => {
  it('is not reached by the static imports of src/sentiment/index.ts', () => {
    const files = [...reached(resolve('src/sentiment/index.ts'))].map((f) => f.replace(`${resolve('src')}/`, ''));
    expect(files).toContain('sentiment/workspace-lexicon.ts');
    for (const heavy of ['sentiment/analyze.ts', 'sentiment/tokens.ts', 'sentiment/models.ts', 'sentiment/intents.ts'])
      expect(files).not.toContain(heavy);
  });
});
