import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLexicons, OUTPUT } from '../../scripts/build-lexicons';

describe('the generated lexicon file', () => {
  it('is exactly what the installed lexicon packages produce (npm run build:lexicons)', () => {
    const committed = JSON.parse(readFileSync(OUTPUT, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildLexicons())));
  });

  it('holds English and the six scored languages', () => {
    const lex = buildLexicons();
    expect(Object.keys(lex.en).length).toBeGreaterThan(7000);
    for (const lang of ['de', 'es', 'fr', 'pt', 'it', 'nl'] as const)
      expect(Object.keys(lex[lang]).length).toBeGreaterThan(1000);
  });
});
