import { ANALYSIS_VERSION, type Analysis, type CompiledLexicon, loadAnalyzer } from '../sentiment';
import { effectiveLabel, isUncertain } from './effective-sentiment';
import type { MentionRow } from './list';
import { analysedText } from './store';

/** A mention's stored analysis, with what decided its label. */
export interface MentionAnalysis {
  /** The analyzer's label, score and confidence as stored (what reports and the inbox count). */
  label: MentionRow['sentimentLabel'];
  score: number | null;
  confidence: number | null;
  /** The analyzer version that stored them, and the one running now. */
  version: number | null;
  currentVersion: number;
  /** The stored analysis is an older analyzer's: the explanation below is today's, which may label otherwise. */
  outdated: boolean;
  /** Staff's correction, if any; the label everything counts under; the threshold it is measured against. */
  override: MentionRow['sentimentOverride'];
  effectiveLabel: Analysis['label'];
  uncertain: boolean;
  threshold: number;
  /** Recomputed now from the stored text; null when the analyzer does not score its language. */
  explanation: (NonNullable<Analysis['explanation']> & { label: Analysis['label']; confidence: number }) | null;
}

/**
 * Why a mention has its label: the analyzer runs again on the stored text (with the workspace's terms, if
 * given), since the deciding words are cheap to find again and costly to keep for every post. A stored
 * analysis of another analyzer version is said to be so rather than passed off as today's.
 */
export async function explainMention(
  row: MentionRow,
  threshold: number,
  options: { lexicon?: CompiledLexicon } = {},
): Promise<MentionAnalysis> {
  const { analyze } = await loadAnalyzer();
  const now = analyze(analysedText(row), options.lexicon ? { lexicon: options.lexicon } : {});
  const stored = { override: row.sentimentOverride, label: row.sentimentLabel, confidence: row.sentimentConfidence };
  return {
    label: row.sentimentLabel,
    score: row.sentimentScore,
    confidence: row.sentimentConfidence,
    version: row.analysisVersion,
    currentVersion: ANALYSIS_VERSION,
    outdated: row.analysisVersion !== ANALYSIS_VERSION,
    override: row.sentimentOverride,
    effectiveLabel: effectiveLabel(stored),
    uncertain: isUncertain(stored, threshold),
    threshold,
    explanation: now.explanation ? { ...now.explanation, label: now.label, confidence: now.confidence } : null,
  };
}
