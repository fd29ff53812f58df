import { NL_ADJECTIVE, type SocialLexicon, withEndings } from './forms';

/**
 * Dutch social-media words, curated for this project on VADER's -4..4 scale, on top of natural's
 * pattern-nl lexicon (base forms only: "mooi" but not "mooie"; no "kut", "balen", "storing").
 * Weights set against VADER's English neighbours; no Dutch training file is at hand, so its weights are curated only.
 */
const adjectives = withEndings(
  {
    leuk: 2.0,
    gaaf: 2.0,
    fijn: 2.0,
    mooi: 2.0,
    heerlijk: 2.5,
    geweldig: 2.8,
    teleurgesteld: -2.2,
    teleurstellend: -2.3,
    waardeloos: -2.8,
    belachelijk: -2.5,
    schandalig: -2.5,
    kapot: -2.0,
    defect: -2.0,
    traag: -1.6,
    irritant: -2.0,
    vervelend: -2.0,
    verschrikkelijk: -2.8,
    vreselijk: -2.8,
    slecht: -2.5,
  },
  NL_ADJECTIVE,
);

export const NL: SocialLexicon = {
  words: {
    ...adjectives,
    gave: 2.0,
    top: 1.8,
    // A function word to stopwords-iso, an opinion all the same.
    onzeker: -1.6,
    bedankt: 1.2,
    dankjewel: 1.2,
    dankuwel: 1.2,
    kut: -2.5,
    klote: -2.5,
    balen: -2.0,
    jammer: -1.6,
    teleurstelling: -2.3,
    oplichting: -2.8,
    vertraging: -1.6,
    storing: -1.8,
    boos: -2.2,
    wtf: -2.0,
    helaas: -1.8,
    // Sign-offs: politeness, not praise.
    mvg: 0,
    groetjes: 0,
    groeten: 0,
    groet: 0,
    geachte: 0,
  },
  phrases: {
    'met vriendelijke groet': 0,
    'met vriendelijke groeten': 0,
    'vriendelijke groet': 0,
    'vriendelijke groeten': 0,
    'hartelijke groet': 0,
    'alvast bedankt': 0,
    'alvast dank': 0,
    'bij voorbaat dank': 0,
    'niet slecht': 1.2,
  },
  working: ['werkt', 'werken', 'doet', 'komt', 'laadt', 'start', 'reageert', 'antwoordt'],
  unflipped: ['helaas', 'jammer'],
  contrast: ['maar', 'echter'],
};
