import stored from './sentiment-model.generated.json' with { type: 'json' };
import { decodeModel, type LinearModel, type StoredModel } from './model';

/**
 * The trained models (src/sentiment/sentiment-model.generated.json, written by
 * `npm run train:sentiment`), decoded on first use per language: a language nobody writes in costs
 * nothing.
 */
const models = (stored as unknown as { models: Record<string, StoredModel> }).models;
const decoded = new Map<string, LinearModel>();

export function modelFor(language: string | null): LinearModel | null {
  const key = language ?? '';
  const ready = decoded.get(key);
  if (ready) return ready;
  const m = models[key];
  if (!m) return null;
  const model = decodeModel(m);
  decoded.set(key, model);
  return model;
}

export const aboutModel = (language: string | null) => models[language ?? '']?.about ?? null;

/** The data sets a language's model learnt from, by name ("trained on a, b" as the training script writes it). */
export const trainedOn = (language: string | null): string[] =>
  (aboutModel(language) ?? '')
    .replace(/^trained on /, '')
    .split(', ')
    .filter(Boolean);
