import { containerBootstrap } from '@nlpjs/core';
import { LangDe } from '@nlpjs/lang-de';
import { LangEn } from '@nlpjs/lang-en';
import { LangEs } from '@nlpjs/lang-es';
import { LangFr } from '@nlpjs/lang-fr';
import { SentimentAnalyzer } from '@nlpjs/sentiment';
import multilang from 'multilang-sentiment';
import AfinnSentiment from 'sentiment';
import vader from 'vader-sentiment';
import winkSentiment from 'wink-sentiment';
import type { Label } from './metrics';

/** The peers, each with its documented default labelling (see the data README). */
export interface Peer {
  name: string;
  /** The languages it reads; English-only peers are left out of other languages' tables. */
  languages: readonly string[] | 'all';
  run(text: string, language: string): { label: Label; score: number } | Promise<{ label: Label; score: number }>;
}

const sign = (x: number, band = 0): Label => (x > band ? 'positive' : x < -band ? 'negative' : 'neutral');
const afinn = new AfinnSentiment();
const EN = ['en'] as const;

let nlpjs: Promise<SentimentAnalyzer> | null = null;
const nlpjsAnalyzer = () => {
  nlpjs ??= Promise.resolve(containerBootstrap()).then((c) => {
    for (const lang of [LangEn, LangDe, LangEs, LangFr]) c.use(lang);
    return new SentimentAnalyzer({ container: c });
  });
  return nlpjs;
};

export const PEERS: Peer[] = [
  {
    name: 'vader-sentiment',
    languages: EN,
    run: (t) => {
      const c = vader.SentimentIntensityAnalyzer.polarity_scores(t).compound;
      return { label: sign(c, 0.05), score: c };
    },
  },
  {
    name: 'wink-sentiment (raw)',
    languages: EN,
    run: (t) => {
      const s = winkSentiment(t).normalizedScore;
      return { label: sign(s), score: s };
    },
  },
  {
    name: 'sentiment (AFINN)',
    languages: EN,
    run: (t) => {
      const r = afinn.analyze(t);
      return { label: sign(r.score), score: r.comparative };
    },
  },
  {
    name: 'multilang-sentiment',
    languages: ['en', 'de', 'es', 'fr', 'it', 'pt', 'nl'],
    run: (t, language) => {
      const r = multilang(t, language);
      return { label: sign(r.score), score: r.comparative };
    },
  },
  {
    name: '@nlpjs/sentiment',
    languages: ['en', 'de', 'es', 'fr'],
    run: async (t, language) => {
      const r = (await (await nlpjsAnalyzer()).process({ locale: language, text: t })).sentiment;
      return { label: sign(r.score), score: r.average };
    },
  },
];
