import { IT_O, type SocialLexicon, swapLast } from './forms';

/**
 * Italian social-media words, curated for this project on VADER's -4..4 scale, on top of natural's
 * pattern-it lexicon (no "schifo", "truffa", "figo"). Weights set against VADER's English
 * neighbours; no Italian training file is at hand, so its weights are curated only.
 */
const adjectives = swapLast(
  {
    bellissimo: 2.8,
    stupendo: 2.8,
    perfetto: 2.8,
    figo: 2.0,
    deluso: -2.2,
    pessimo: -3.0,
    rotto: -1.8,
    guasto: -1.8,
    lento: -1.5,
    vergognoso: -2.5,
    scandaloso: -2.5,
    incazzato: -2.5,
    schifoso: -2.8,
  },
  IT_O,
);

export const IT: SocialLexicon = {
  words: {
    ...adjectives,
    grazie: 1.2,
    bravo: 2.2,
    brava: 2.2,
    bravi: 2.2,
    top: 1.8,
    // Function words to stopwords-iso, opinions all the same (VADER: "good" 1.9, "better" 1.9, "bad" -2.5).
    bene: 1.5,
    ben: 1.0,
    benissimo: 3.0,
    buono: 2.0,
    meglio: 1.8,
    male: -2.0,
    malissimo: -3.0,
    peggio: -2.3,
    ahimè: -1.0,
    finalmente: 0.7,
    schifo: -2.8,
    delusione: -2.3,
    deludente: -2.3,
    vergogna: -2.5,
    truffa: -2.8,
    ritardo: -1.5,
    merda: -2.8,
    odio: -2.8,
    peggiore: -2.5,
    inaccettabile: -2.5,
    incompetenti: -2.5,
    uffa: -1.5,
    wtf: -2.0,
    purtroppo: -1.8,
    peccato: -1.6,
    // Sign-offs: politeness, not praise.
    saluti: 0,
  },
  phrases: {
    'cordiali saluti': 0,
    'distinti saluti': 0,
    'un saluto': 0,
    'grazie in anticipo': 0,
    'grazie anticipatamente': 0,
    'ringrazio anticipatamente': 0,
    'buona giornata': 0,
    'che schifo': -3.0,
    'non male': 1.2,
  },
  working: ['funziona', 'funzionano', 'va', 'arriva', 'carica', 'risponde'],
  unflipped: ['purtroppo', 'peccato'],
  contrast: ['ma', 'però', 'tuttavia', 'eppure'],
};
