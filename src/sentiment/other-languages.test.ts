import { describe, expect, it } from 'vitest';
import type { OtherLanguage } from './lexicons';
import { NOT_WORKING, scoreOtherLanguage } from './other-languages';
import { tokenize } from './tokens';

const score = (lang: OtherLanguage, text: string) => scoreOtherLanguage(lang, tokenize(text)).compound;
/** The words that carried an opinion, with their valences. */
const hits = (lang: OtherLanguage, text: string) => {
  const tokens = tokenize(text);
  return scoreOtherLanguage(lang, tokens).hits.map((h) => [tokens[h.index]!.value, h.valence] as const);
};
const valenceOf = (lang: OtherLanguage, text: string, word: string) => hits(lang, text).find(([w]) => w === word)?.[1];

describe('scoreOtherLanguage: German', () => {
  it.each([
    ['Große Enttäuschung über die Größe, völlig überteuert'],
    ['Nicht schlecht, aber der Akku hält nicht lange.'],
    ['Zum Kotzen, die Bahn hat schon wieder Verspätung'],
    ['Du Depp'],
    ['So ein Idiot'],
    ['#Störung bei der Telekom, alles kaputt'],
    ['Frechheit, total unverschämt'],
  ])('reads %j as negative', (text) => {
    expect(score('de', text)).toBeLessThan(0);
  });

  it.each([['Das Essen war lecker'], ['geil!!'], ['Respekt!'], ['Super, klasse gemacht'], ['Danke dir']])(
    'reads %j as positive',
    (text) => {
      expect(score('de', text)).toBeGreaterThan(0.03);
    },
  );

  it('weighs "geil", "Respekt" and "Idiot" as opinions, not ±0.005', () => {
    expect(valenceOf('de', 'voll geil', 'geil')).toBeGreaterThan(2);
    expect(valenceOf('de', 'Respekt', 'Respekt')).toBeGreaterThan(1);
    expect(valenceOf('de', 'Idiot', 'Idiot')).toBeLessThan(-2);
  });

  it('reads "gefahren" as driven and "möchte" as a wish, not as "Gefahren" or "mögen"', () => {
    expect(hits('de', 'Wir sind gestern nach Berlin gefahren')).toEqual([]);
    expect(hits('de', 'Ich möchte mein Passwort ändern')).toEqual([]);
  });

  it('reads a noun of the lexicon only where it is capitalised ("Sucht" is not "sucht")', () => {
    expect(hits('de', 'Er sucht eine Wohnung')).toEqual([]);
    expect(valenceOf('de', 'Die Sucht ist das Problem', 'Sucht')).toBeLessThan(0);
  });

  it('takes "nicht schlecht" for a mild positive', () => {
    expect(score('de', 'Nicht schlecht')).toBeGreaterThan(0.03);
    expect(score('de', 'Nicht schlecht')).toBeLessThan(score('de', 'Gut'));
  });

  it('weighs what follows "aber" over what comes before', () => {
    expect(score('de', 'Das Display ist toll, aber der Akku ist schlecht')).toBeLessThan(0);
    expect(score('de', 'Der Akku ist schlecht, aber das Display ist toll')).toBeGreaterThan(0);
  });

  it.each([
    ['Das funktioniert nicht', 'funktioniert'],
    ['Die App geht nicht mehr', 'geht'],
    ['Der Akku hält nicht lange', 'hält'],
    ['Der Support antwortet nicht', 'antwortet'],
  ])('reads a negated verb of working as a complaint: %j', (text, verb) => {
    expect(valenceOf('de', text, verb)).toBe(NOT_WORKING);
  });

  it('reads "Mein Paket kommt nicht an" as a complaint, "es geht nicht um Geld" as none', () => {
    expect(score('de', 'Mein Paket kommt nicht an')).toBeLessThan(0);
    expect(hits('de', 'Es geht nicht um Geld')).toEqual([]);
  });

  it('keeps regret regretful when negated ("leider nicht")', () => {
    expect(score('de', 'Leider nicht')).toBeLessThan(0);
  });

  it('reads elongated words as the word with emphasis', () => {
    expect(score('de', 'suuuuper')).toBeGreaterThan(score('de', 'super'));
  });
});

describe('scoreOtherLanguage: politeness formulas praise nothing', () => {
  it.each<[OtherLanguage, string]>([
    ['de', 'Besten Dank im Voraus'],
    ['de', 'Vielen Dank im Voraus'],
    ['de', 'Mit freundlichen Grüßen'],
    ['de', 'LG'],
    ['de', 'VG'],
    ['de', 'Liebe Grüße, Anna'],
    ['es', 'Gracias de antemano. Saludos'],
    ['es', 'Un cordial saludo'],
    ['fr', "Merci d'avance. Cordialement"],
    ['fr', 'Bien cordialement'],
    ['it', 'Grazie in anticipo. Cordiali saluti'],
    ['pt', 'Obrigado desde já. Atenciosamente'],
    ['nl', 'Alvast bedankt. Met vriendelijke groet'],
  ])('%s: %j', (lang, text) => {
    expect(hits(lang, text)).toEqual([]);
  });

  it('leaves the complaint before a polite closing negative', () => {
    expect(
      score('de', 'Die Lieferung ist kaputt angekommen. Vielen Dank im Voraus, mit freundlichen Grüßen'),
    ).toBeLessThan(0);
  });
});

describe.each<[OtherLanguage, string, string]>([
  ['de', 'Heute wieder im Büro', 'Mist'],
  ['es', 'Hoy otra vez en la oficina', 'pero'],
  ['fr', 'Encore au bureau aujourd’hui', 'mais'],
  ['it', 'Oggi di nuovo in ufficio', 'ma'],
  ['pt', 'Hoje de novo no escritório', 'mas'],
  ['nl', 'Vandaag weer op kantoor', 'maar'],
])('scoreOtherLanguage in %s', (lang, neutral) => {
  it.each([':)', ':-)', ';)', 'xD', '<3', '^^'])('scores the emoticon %j as happy', (face) => {
    expect(score(lang, `${neutral} ${face}`)).toBeGreaterThan(0.03);
  });

  it.each([':(', ':-(', '-.-', ':/'])('scores the emoticon %j as unhappy', (face) => {
    expect(score(lang, `${neutral} ${face}`)).toBeLessThan(0);
  });

  it('scores emoji', () => {
    expect(score(lang, `${neutral} 😍`)).toBeGreaterThan(0.03);
  });

  it('hits point at the tokens that carried them', () => {
    const tokens = tokenize(`${neutral} :)`);
    const { hits } = scoreOtherLanguage(lang, tokens);
    expect(hits.map((h) => tokens[h.index]!.value)).toEqual([':)']);
  });
});

describe.each<[OtherLanguage, string, string, string]>([
  ['es', 'La cámara es genial, pero la batería es pésima', 'No funciona', 'jajaja'],
  ['fr', "L'écran est génial, mais la batterie est nulle", 'Ça ne marche pas', 'mdr'],
  ['it', 'Lo schermo è bellissimo, ma la batteria è pessima', 'Non funziona', 'ahahah'],
  ['pt', 'A câmera é ótima, mas a bateria é péssima', 'Não funciona', 'kkkkk'],
  ['nl', 'Het scherm is geweldig, maar de batterij is waardeloos', 'Het werkt niet', 'haha'],
])('scoreOtherLanguage: %s rules', (lang, contrast, broken, laughter) => {
  it(`weighs what follows "but" more: ${contrast}`, () => {
    expect(score(lang, contrast)).toBeLessThan(0);
  });

  it(`reads a negated verb of working as a complaint: ${broken}`, () => {
    expect(score(lang, broken)).toBeLessThan(0);
  });

  it(`reads laughter as happy: ${laughter}`, () => {
    expect(score(lang, laughter)).toBeGreaterThan(0.03);
  });

  it('gives negation words no valence of their own', () => {
    expect(hits(lang, broken.split(' ')[0]!)).toEqual([]);
  });
});

describe('scoreOtherLanguage: forms and function words', () => {
  it.each<[OtherLanguage, string]>([
    ['es', 'Una película muy buena'],
    ['es', 'Qué mala suerte'],
    ['nl', 'Een slechte service'],
    ['fr', 'Je suis très déçue'],
  ])('finds the other genders and numbers of a lexicon word: %s %j', (lang, text) => {
    expect(hits(lang, text)).not.toEqual([]);
  });

  it.each<[OtherLanguage, string]>([
    ['es', 'Un día todo otra vez'],
    ['fr', 'plus tout tous'],
  ])('reads function words as no opinion: %s %j', (lang, text) => {
    expect(hits(lang, text)).toEqual([]);
  });
});

describe('scoreOtherLanguage: "not bad" in every language', () => {
  it.each<[OtherLanguage, string]>([
    ['de', 'Nicht schlecht'],
    ['es', 'No está mal'],
    ['fr', 'Pas mal'],
    ['it', 'Non male'],
    ['pt', 'Não é mau'],
    ['nl', 'Niet slecht'],
  ])('%s: %j is a mild positive', (lang, text) => {
    expect(hits(lang, text)).toEqual([[text.split(' ')[0]!, 1.2]]);
  });
});
