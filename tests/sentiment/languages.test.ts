import { describe, expect, it } from 'vitest';
import { OTHER_LANGUAGES } from '../../src/sentiment/lexicons';
import { read } from '../../src/sentiment/reading';

/**
 * The rule path end to end for the six lexicon languages: a post is decoded, tokenised, its
 * language told and scored by that language's rules (src/sentiment/reading.ts), as analyze() and
 * the model's trainer read it.
 */
const label = (compound: number) => (compound > 0.03 ? 'positive' : compound < 0 ? 'negative' : 'neutral');

describe.each([
  [
    'de',
    'Das Paket kam pünktlich an und die Qualität ist super, vielen Dank!',
    'Die App stürzt ständig ab und der Support antwortet nicht. Total enttäuscht.',
    'Sehr geehrte Damen und Herren, wann kommt meine Bestellung? Besten Dank im Voraus, mit freundlichen Grüßen',
  ],
  [
    'es',
    'El pedido llegó rápido y el producto es genial, ¡gracias!',
    'La aplicación no funciona y nadie responde, qué decepción',
    '¿Cuándo llega mi pedido? Gracias de antemano. Saludos',
  ],
  [
    'fr',
    'Livraison rapide et produit génial, merci beaucoup !',
    "L'application ne marche pas et le service client est nul, quelle déception",
    "Bonjour, quand ma commande sera-t-elle livrée ? Merci d'avance. Cordialement",
  ],
  [
    'it',
    'Consegna veloce e prodotto fantastico, grazie mille!',
    "L'applicazione non funziona e l'assistenza non risponde, che delusione",
    'Buongiorno, quando arriva il mio ordine? Grazie in anticipo. Cordiali saluti',
  ],
  [
    'pt',
    'Entrega rápida e o produto é ótimo, obrigado!',
    'O aplicativo não funciona e o suporte não responde, que decepção',
    'Olá, quando chega o meu pedido? Obrigado desde já. Atenciosamente',
  ],
  [
    'nl',
    'Snelle levering en het product is geweldig, bedankt!',
    'De app werkt niet en de klantenservice reageert niet, wat een teleurstelling',
    'Hallo, wanneer wordt mijn bestelling geleverd? Alvast bedankt. Met vriendelijke groet',
  ],
])('the rules in %s', (code, praise, complaint, question) => {
  it('tell the language and read praise as positive', () => {
    const r = read(praise);
    expect(r.language).toBe(code);
    expect(label(r.rules!.compound)).toBe('positive');
  });

  it('read a complaint as negative', () => {
    const r = read(complaint);
    expect(r.language).toBe(code);
    expect(label(r.rules!.compound)).toBe('negative');
  });

  it('read a polite question as neutral', () => {
    const r = read(question);
    expect(r.language).toBe(code);
    expect(label(r.rules!.compound)).toBe('neutral');
  });
});

describe('languages without rules', () => {
  it.each([
    ['今日はアクメの新製品を買ったけど、すぐに壊れた。最悪です。', 'ja'],
    ['Dzisiaj kupiłem nowy telefon i jestem bardzo zadowolony z zakupu, polecam', 'pl'],
    ['Сегодня купил новый телефон, очень доволен покупкой', 'ru'],
  ])('stay unscored: %j (%s)', (text, code) => {
    const r = read(text);
    expect(r.language).toBe(code);
    expect((OTHER_LANGUAGES as readonly string[]).includes(code)).toBe(false);
    expect(r.rules).toBeNull();
  });
});
