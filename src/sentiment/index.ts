/** Text analysis: sentiment score and label, language, intents, aspects and key terms. Pure. */
export { type Analysis, type AnalyzeOptions, ANALYSIS_VERSION, analyze, labelFor, type SentimentLabel, THRESHOLDS } from './analyze';
export { INTENTS, type Intent } from './intents';
