// Packages that ship no TypeScript types: only what we call is declared.
declare module 'wink-sentiment' {
  interface WinkToken {
    value: string;
    tag: string;
    score?: number;
    negation?: boolean;
  }
  function sentiment(phrase: string): { score: number; normalizedScore: number; tokenizedPhrase: WinkToken[] };
  export default sentiment;
}

declare module 'vader-sentiment' {
  const vader: {
    SentimentIntensityAnalyzer: {
      polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number };
    };
  };
  export default vader;
}

declare module 'sentiment' {
  class Sentiment {
    analyze(text: string): { score: number; comparative: number };
  }
  export default Sentiment;
}

// Evaluation peers (scripts/sentiment/peers.ts): only what the eval calls.
declare module 'multilang-sentiment' {
  export default function sentiment(text: string, language?: string): { score: number; comparative: number };
}
declare module '@nlpjs/core' {
  export function containerBootstrap(): { use(plugin: unknown): void } | Promise<{ use(plugin: unknown): void }>;
}
declare module '@nlpjs/sentiment' {
  export class SentimentAnalyzer {
    constructor(settings: { container: unknown });
    process(input: { locale: string; text: string }): Promise<{ sentiment: { score: number; average: number } }>;
  }
}
declare module '@nlpjs/lang-en' {
  export const LangEn: unknown;
}
declare module '@nlpjs/lang-de' {
  export const LangDe: unknown;
}
declare module '@nlpjs/lang-es' {
  export const LangEs: unknown;
}
declare module '@nlpjs/lang-fr' {
  export const LangFr: unknown;
}
