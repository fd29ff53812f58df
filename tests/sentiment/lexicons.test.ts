import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLexicons, OUTPUT } from '../../scripts/build-lexicons';

describe('the generated lexicon file', () => {
  const lex = buildLexicons();

  it('is exactly what the installed lexicon packages produce (npm run build:lexicons)', () => {
    const committed = JSON.parse(readFileSync(OUTPUT, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(lex)));
  });

  it('holds English and the six scored languages', () => {
    expect(Object.keys(lex.en).length).toBeGreaterThan(7000);
    for (const lang of ['de', 'es', 'fr', 'pt', 'it', 'nl'] as const)
      expect(Object.keys(lex[lang]).length).toBeGreaterThan(1000);
  });

  it('lists the German forms only a noun has, apart from verb and adjective forms', () => {
    expect(lex.deNounOnly).toEqual(expect.arrayContaining(['gefahren', 'sucht', 'idiot']));
    expect(lex.deNounOnly).not.toContain('gut');
    expect(lex.deNounOnly).not.toContain('liebe');
  });

  it("holds stopwords-iso's lists of the six, and apart from them those that are no English words", () => {
    for (const lang of ['de', 'es', 'fr', 'pt', 'it', 'nl'] as const)
      expect(lex.stopwords[lang]!.length).toBeGreaterThan(300);
    expect(lex.foreignStopwords).toEqual(expect.arrayContaining(['und', 'avec', 'pero', 'niet']));
    expect(lex.foreignStopwords).not.toContain('war');
    expect(lex.foreignStopwords).not.toContain('car');
  });
});
