import { toCsv } from '../core/csv';
import { analysedText, type correctedMentions } from '../mentions';

type Corrected = Awaited<ReturnType<typeof correctedMentions>>[number];

/** The columns of corrections.csv; the trainer reads text, language, sentiment (scripts/sentiment/corrections.ts). */
export const CORRECTION_COLUMNS = [
  'id',
  'platform',
  'language',
  'text',
  'sentiment',
  'model_sentiment',
  'model_score',
  'intents',
  'model_intents',
  'analysis_version',
  'corrected_at',
] as const;

/** The later of the two corrections' times (either may be missing). */
const correctedAt = (m: Corrected) => {
  const times = [m.sentimentOverrideAt, m.intentsOverrideAt].filter((t): t is Date => t !== null);
  return times.length ? new Date(Math.max(...times.map((t) => t.getTime()))).toISOString() : null;
};

/**
 * Staff corrections as labelled examples, one row a mention: the text as the analyzer read it (title above
 * text), staff's label (empty when they corrected only the intents) beside the model's, staff's intents
 * (`;`-joined, empty when none or not corrected) beside the model's. Through the one CSV writer: post texts
 * are anyone's words, and the writer guards those a spreadsheet would run.
 */
export function correctionsCsv(rows: Corrected[]): string {
  return toCsv(
    rows.map((m) => [
      m.id,
      m.platform,
      m.language,
      analysedText(m),
      m.sentimentOverride,
      m.sentimentLabel,
      m.sentimentScore,
      m.intentsOverride?.join(';'),
      m.intents.join(';'),
      m.analysisVersion,
      correctedAt(m),
    ]),
    CORRECTION_COLUMNS,
  );
}
