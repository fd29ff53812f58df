import { ES_PT_O, type SocialLexicon, swapLast } from './forms';

/**
 * Portuguese social-media words, curated for this project on VADER's -4..4 scale, on top of
 * natural's short Portuguese AFINN list (no "ótimo", "péssimo", "boa", "adorei"). Weights set
 * against VADER's English neighbours; no Portuguese training file is at hand, so its weights are curated only.
 */
const adjectives = swapLast(
  {
    ótimo: 2.8,
    otimo: 2.8,
    maravilhoso: 2.8,
    lindo: 2.3,
    perfeito: 2.8,
    péssimo: -3.0,
    pessimo: -3.0,
    horroroso: -2.8,
    decepcionado: -2.3,
    quebrado: -1.8,
    atrasado: -1.5,
    lento: -1.5,
    cancelado: -1.2,
    caríssimo: -2.0,
  },
  ES_PT_O,
);

export const PT: SocialLexicon = {
  words: {
    ...adjectives,
    boa: 2.0,
    boas: 2.0,
    bons: 2.0,
    excelente: 2.8,
    legal: 1.5,
    top: 1.8,
    // Function words to stopwords-iso, opinions all the same (VADER: "good" 1.9, "well" 1.1, "bad" -2.5).
    bom: 2.0,
    bem: 1.5,
    mal: -2.0,
    adorei: 2.5,
    amei: 2.8,
    amo: 2.5,
    obrigado: 1.2,
    obrigada: 1.2,
    valeu: 1.2,
    parabéns: 2.3,
    horrível: -2.8,
    ruim: -2.3,
    lixo: -2.5,
    odeio: -2.8,
    decepção: -2.3,
    decepcionante: -2.3,
    vergonha: -2.2,
    fraude: -2.8,
    atraso: -1.5,
    defeito: -2.0,
    porcaria: -2.5,
    droga: -1.8,
    absurdo: -2.3,
    aff: -1.0,
    wtf: -2.0,
    infelizmente: -1.8,
    // Sign-offs: politeness, not praise ("att" is how "atenciosamente" is shortened).
    atenciosamente: 0,
    att: 0,
    cordialmente: 0,
    abraços: 0,
    saudações: 0,
  },
  phrases: {
    'obrigado desde já': 0,
    'obrigada desde já': 0,
    'desde já obrigado': 0,
    'desde já obrigada': 0,
    'desde já agradeço': 0,
    'agradeço desde já': 0,
    'um abraço': 0,
    'não é mau': 1.2,
  },
  working: ['funciona', 'funcionam', 'funcionou', 'chegou', 'chega', 'carrega', 'liga', 'responde', 'serve'],
  unflipped: ['infelizmente'],
  contrast: ['mas', 'porém', 'contudo', 'entretanto'],
};
