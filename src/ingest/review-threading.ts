import type { SocialPost } from '../core/social-post';
import type { Analysis } from '../sentiment';

/**
 * Which reviews from platforms (Google, the app stores, Facebook ratings) join the inbox, as the board's own
 * reviews do: 1-2 stars, a "does not recommend", or words that read negative. A glowing 5-star review is
 * counted and listed under Reviews, and answered from there when the team wants to; it does not wait in the
 * inbox. Anything that is not a review (no stars, no recommendation) joins the inbox as before.
 */
export function reviewOpensConversation(post: SocialPost, analysis: Analysis): boolean {
  const { rating, recommends } = post.metrics;
  if (rating === undefined && recommends === undefined) return true;
  return (rating !== undefined && rating <= 2) || recommends === 0 || analysis.label === 'negative';
}
