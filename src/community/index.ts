/**
 * Community: the public board (members, reviews, ideas, votes, comments, roadmap). What other parts of
 * the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** Resolves a member's session cookie (the app's Authenticator, member half). */
export { memberAuthenticator } from './member-authenticator';
/** A fresh confirmation or reset link (its path) for the member with this email. */
export { issueMemberLink } from './members.service';
/** Visible reviews of a range counted per week and rating (composition's `deps.reviewRatings` for reports). */
export { reviewRatingCounts } from './review-ratings';
/** The community's error codes, with their kinds and messages (the error catalogue lists them). */
export { COMMUNITY_ERRORS } from './errors';
/** A workspace's board by slug; a visitor joining it; their email confirmed (the demo seed's members join so). */
export { communityBySlug, signUp, verifyEmail, type Community } from './members.service';
/** A member's idea, vote and comment on the board, as its pages make them (the demo seed uses them too). */
export { createIdea, setVote, addComment, type PostContext } from './ideas.service';
/** A member's product review, and the reviews of a workspace (the demo seed writes and looks for them). */
export { saveReview, listReviews } from './reviews.service';
