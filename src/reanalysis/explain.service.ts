import { confidenceThreshold } from '../accounts';
import type { Db } from '../db/types';
import { explainMention, mentionById, mentionError } from '../mentions';
import { workspaceLexicon } from '../vocabulary';

/**
 * A stored mention's analysis and what decided it, with the workspace's threshold and vocabulary (here, above
 * the vocabulary, which builds on mentions): the API's GET /mentions/{id} and the "Why negative?" disclosure.
 */
export async function explainStored(db: Db, workspaceId: string, mentionId: string) {
  const m = await mentionById(db, workspaceId, mentionId);
  if (!m) throw mentionError('MENTION_NOT_FOUND');
  const [threshold, lexicon] = await Promise.all([
    confidenceThreshold(db, workspaceId),
    workspaceLexicon(db, workspaceId),
  ]);
  return { mention: m, analysis: await explainMention(m, threshold, { lexicon }) };
}
