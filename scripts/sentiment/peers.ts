import AfinnSentiment from 'sentiment';
import vader from 'vader-sentiment';
import winkSentiment from 'wink-sentiment';
import type { Label } from './metrics';

/** The peers, each with its documented default labelling (see the data README). */
export interface Peer {
  name: string;
  run(text: string): { label: Label; score: number };
}

const sign = (x: number, band = 0): Label => (x > band ? 'positive' : x < -band ? 'negative' : 'neutral');
const afinn = new AfinnSentiment();

export const PEERS: Peer[] = [
  {
    name: 'vader-sentiment',
    run: (t) => {
      const c = vader.SentimentIntensityAnalyzer.polarity_scores(t).compound;
      return { label: sign(c, 0.05), score: c };
    },
  },
  {
    name: 'wink-sentiment (raw)',
    run: (t) => {
      const s = winkSentiment(t).normalizedScore;
      return { label: sign(s), score: s };
    },
  },
  {
    name: 'sentiment (AFINN)',
    run: (t) => {
      const r = afinn.analyze(t);
      return { label: sign(r.score), score: r.comparative };
    },
  },
];
