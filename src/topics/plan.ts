import { compileQuery, type SearchPlatform, SEARCH_PLATFORMS } from './compile';
import type { SearchPlan } from '../core/search-plan';
import type { QueryNode } from './query';

export interface CompiledTopic {
  id: string;
  name: string;
  query: QueryNode;
}

const FULL_BOOLEAN: SearchPlatform[] = ['x', 'reddit'];

/**
 * What a source should search for: all active topics of its workspace. Platforms with full boolean
 * search get one query (topics joined by OR); the others get the union of each topic's searches.
 */
export function searchPlanFor(platform: string, topics: CompiledTopic[]): SearchPlan {
  if (!(SEARCH_PLATFORMS as readonly string[]).includes(platform) || topics.length === 0)
    return { queries: [], hashtags: [] };
  const p = platform as SearchPlatform;
  if (FULL_BOOLEAN.includes(p)) {
    const node: QueryNode =
      topics.length === 1 ? topics[0]!.query : { type: 'or', children: topics.map((t) => t.query) };
    return compileQuery(node, p);
  }
  const queries = new Set<string>();
  const hashtags = new Set<string>();
  for (const t of topics) {
    const plan = compileQuery(t.query, p);
    for (const q of plan.queries) queries.add(q);
    for (const h of plan.hashtags) hashtags.add(h);
  }
  return { queries: [...queries], hashtags: [...hashtags] };
}
