import { defineMessages } from '@formatjs/intl';

/**
 * The words of the public community board (members and visitors), English source; German in de.json. The
 * board's German says "du" or "Sie" as the workspace chooses: messages that address the reader take `form`.
 */
export const board = defineMessages({
  // The frame of every board page.
  communityName: { id: 'community.board.shell.communityName', defaultMessage: '{name} community' },
  language: { id: 'community.board.shell.language', defaultMessage: 'Language' },
  nav: { id: 'community.board.shell.nav', defaultMessage: 'Community', description: 'aria-label of the board nav' },
  ideas: { id: 'community.board.shell.ideas', defaultMessage: 'Ideas' },
  roadmap: { id: 'community.board.shell.roadmap', defaultMessage: 'Roadmap' },
  changelog: { id: 'community.board.shell.changelog', defaultMessage: 'Changelog' },
  reviews: { id: 'community.board.shell.reviews', defaultMessage: 'Reviews' },
  notifications: { id: 'community.board.shell.notifications', defaultMessage: 'Notifications' },
  logOut: { id: 'community.board.shell.logOut', defaultMessage: 'Log out' },
  logIn: { id: 'community.board.shell.logIn', defaultMessage: 'Log in' },
  signUp: { id: 'community.board.shell.signUp', defaultMessage: 'Sign up' },
  confirmEmail: {
    id: 'community.board.shell.confirmEmail',
    defaultMessage: 'Confirm your email to post, vote and comment: the link is in your inbox.',
  },

  // Sign-up, login, password reset and profile.
  join: { id: 'community.board.account.join', defaultMessage: 'Join the {name} community' },
  displayName: { id: 'community.board.account.displayName', defaultMessage: 'Your name (shown with what you post)' },
  emailNeverShown: { id: 'community.board.account.emailNeverShown', defaultMessage: 'Email (never shown)' },
  passwordMin: { id: 'community.board.account.passwordMin', defaultMessage: 'Password (at least 10 characters)' },
  alreadyMember: { id: 'community.board.account.alreadyMember', defaultMessage: 'Already a member?' },
  email: { id: 'community.board.account.email', defaultMessage: 'Email' },
  password: { id: 'community.board.account.password', defaultMessage: 'Password' },
  forgotQuestion: { id: 'community.board.account.forgotQuestion', defaultMessage: 'Forgot your password?' },
  forgotTitle: {
    id: 'community.board.account.forgotTitle',
    defaultMessage: 'Forgot your password',
    description: 'page title of the forgotten password form',
  },
  checkEmail: { id: 'community.board.account.checkEmail', defaultMessage: 'Check your email' },
  checkSignUp: {
    id: 'community.board.account.checkSignUp',
    defaultMessage: 'If the address can be used, a link to confirm it is on its way. Open it to start posting.',
  },
  checkReset: {
    id: 'community.board.account.checkReset',
    defaultMessage: 'If the address has an account, a link to choose a new password is on its way.',
  },
  sendLink: { id: 'community.board.account.sendLink', defaultMessage: 'Send me a link' },
  chooseNewPassword: { id: 'community.board.account.chooseNewPassword', defaultMessage: 'Choose a new password' },
  newPassword: { id: 'community.board.account.newPassword', defaultMessage: 'New password (at least 10 characters)' },
  savePassword: { id: 'community.board.account.savePassword', defaultMessage: 'Save password' },
  yourProfile: { id: 'community.board.account.yourProfile', defaultMessage: 'Your profile' },
  signedInAs: { id: 'community.board.account.signedInAs', defaultMessage: 'Signed in as {email}' },
  nameShown: { id: 'community.board.account.nameShown', defaultMessage: 'Name shown with what you post' },
  memberLanguage: {
    id: 'community.board.account.language',
    defaultMessage: 'Your language (on this board and in its emails to you)',
  },
  save: { id: 'community.board.account.save', defaultMessage: 'Save' },

  // Ideas: the list, one idea, a new one, the roadmap, the changelog, a member's notifications.
  status: {
    id: 'community.board.ideas.status',
    defaultMessage:
      '{status, select, open {Open} under_review {Under review} planned {Planned} in_progress {In progress} ' +
      'shipped {Shipped} declined {Declined} other {{status}}}',
  },
  logInToVote: { id: 'community.board.ideas.logInToVote', defaultMessage: 'Log in to vote' },
  unvote: { id: 'community.board.ideas.unvote', defaultMessage: 'Take your vote back' },
  vote: { id: 'community.board.ideas.vote', defaultMessage: 'Vote for this idea' },
  voteWord: {
    id: 'community.board.ideas.voteWord',
    defaultMessage: '{voted, select, yes {Voted} other {Vote}}',
    description: 'the word on the vote button, under its count; yes once the reader voted',
  },
  voteName: {
    id: 'community.board.ideas.voteName',
    defaultMessage: '{voted, select, yes {Voted} other {Vote}} ({count, plural, one {# vote} other {# votes}})',
    description: 'what a screen reader says for the vote button (it is also marked pressed once voted)',
  },
  voteSignedOut: {
    id: 'community.board.ideas.voteSignedOut',
    defaultMessage: 'Vote ({count, plural, one {# vote} other {# votes}}): log in first',
    description: 'what a screen reader says for the vote link a signed-out visitor sees',
  },
  votes: { id: 'community.board.ideas.votes', defaultMessage: '{count, plural, one {# vote} other {# votes}}' },
  yourVote: {
    id: 'community.board.idea.yourVote',
    defaultMessage: 'Your idea has your vote.',
    description: 'beside the vote button, to the author: posting an idea votes for it',
  },
  shareIdea: { id: 'community.board.ideas.shareIdea', defaultMessage: 'Share an idea' },
  sort: { id: 'community.board.ideas.sort', defaultMessage: 'Sort' },
  sortBy: {
    id: 'community.board.ideas.sortBy',
    defaultMessage: '{sort, select, top {Top} new {New} trending {Trending} other {{sort}}}',
  },
  search: { id: 'community.board.ideas.search', defaultMessage: 'Search' },
  statusLabel: { id: 'community.board.ideas.statusLabel', defaultMessage: 'Status' },
  openAndPlanned: { id: 'community.board.ideas.openAndPlanned', defaultMessage: 'Open and planned' },
  anyStatus: { id: 'community.board.ideas.anyStatus', defaultMessage: 'Any status' },
  category: { id: 'community.board.ideas.category', defaultMessage: 'Category' },
  allCategories: { id: 'community.board.ideas.allCategories', defaultMessage: 'All', description: 'any category' },
  filter: { id: 'community.board.ideas.filter', defaultMessage: 'Filter', description: 'button' },
  noIdeas: { id: 'community.board.ideas.noIdeas', defaultMessage: 'No ideas here yet. Be the first to share one.' },
  pinned: { id: 'community.board.ideas.pinned', defaultMessage: 'pinned' },
  comments: {
    id: 'community.board.ideas.comments',
    defaultMessage: '{count, plural, one {# comment} other {# comments}}',
  },
  byAuthor: { id: 'community.board.ideas.byAuthor', defaultMessage: 'by {author}' },
  byTeam: { id: 'community.board.ideas.byTeam', defaultMessage: 'by the team' },
  previous: { id: 'community.board.ideas.previous', defaultMessage: 'Previous', description: 'the page before' },
  next: { id: 'community.board.ideas.next', defaultMessage: 'Next', description: 'the page after' },
  allIdeas: { id: 'community.board.idea.allIdeas', defaultMessage: '← All ideas' },
  held: { id: 'community.board.idea.held', defaultMessage: 'Waiting for a moderator: only you can see it for now.' },
  merged: { id: 'community.board.idea.merged', defaultMessage: 'Merged into this idea: {titles}' },
  team: { id: 'community.board.idea.team', defaultMessage: 'Team', description: 'who wrote a staff comment' },
  aMember: { id: 'community.board.idea.aMember', defaultMessage: 'A member' },
  addComment: { id: 'community.board.idea.addComment', defaultMessage: 'Add a comment' },
  comment: { id: 'community.board.idea.comment', defaultMessage: 'Comment', description: 'button' },
  logInLink: {
    id: 'community.board.idea.logInLink',
    defaultMessage: 'Log in',
    description: 'the link inside "{link} to comment." and "{link} to write a review."',
  },
  logInToComment: {
    id: 'community.board.idea.logInToComment',
    defaultMessage: '{link} to comment.',
    description: 'link: the "Log in" link',
  },
  title: { id: 'community.board.newIdea.title', defaultMessage: 'Title' },
  details: { id: 'community.board.newIdea.details', defaultMessage: 'Details (what would it let you do?)' },
  noCategory: { id: 'community.board.newIdea.noCategory', defaultMessage: 'None', description: 'no category' },
  postIdea: { id: 'community.board.newIdea.postIdea', defaultMessage: 'Post idea' },
  startsWithVote: {
    id: 'community.board.newIdea.startsWithVote',
    defaultMessage: 'Your idea starts with your vote; you can take it back on its page.',
  },
  similar: {
    id: 'community.board.newIdea.similar',
    defaultMessage: 'Similar ideas (a vote there counts more than a duplicate):',
  },
  nothingYet: { id: 'community.board.roadmap.nothingYet', defaultMessage: 'Nothing yet.' },
  nothingShipped: { id: 'community.board.changelog.nothingShipped', defaultMessage: 'Nothing shipped yet.' },
  noNotifications: {
    id: 'community.board.notifications.none',
    defaultMessage: 'Nothing yet: you hear here when an idea you voted for changes.',
  },

  // Reviews.
  reviewsClosed: {
    id: 'community.board.reviews.closed',
    defaultMessage: 'Reviews open once the team names its products.',
  },
  product: { id: 'community.board.reviews.product', defaultMessage: 'Product' },
  allProducts: { id: 'community.board.reviews.allProducts', defaultMessage: 'All products' },
  reviewSort: {
    id: 'community.board.reviews.sort',
    defaultMessage: '{sort, select, newest {Newest} highest {Highest rated} lowest {Lowest rated} other {{sort}}}',
  },
  show: { id: 'community.board.reviews.show', defaultMessage: 'Show', description: 'button' },
  outOfFive: {
    id: 'community.board.reviews.outOfFive',
    defaultMessage: 'out of 5 · {count, plural, one {# review} other {# reviews}}',
    description: 'after the average rating',
  },
  ratings: { id: 'community.board.reviews.ratings', defaultMessage: 'Ratings', description: 'the spread of stars' },
  stars: { id: 'community.board.reviews.stars', defaultMessage: '{rating} out of 5' },
  memberOnProduct: { id: 'community.board.reviews.memberOnProduct', defaultMessage: '{member} on {product}' },
  edited: { id: 'community.board.reviews.edited', defaultMessage: '(edited)' },
  editReview: { id: 'community.board.reviews.edit', defaultMessage: 'Edit your review' },
  writeReview: { id: 'community.board.reviews.write', defaultMessage: 'Write a review' },
  rating: { id: 'community.board.reviews.rating', defaultMessage: 'Rating', description: 'the stars given' },
  yourReview: { id: 'community.board.reviews.yourReview', defaultMessage: 'Your review' },
  saveReview: { id: 'community.board.reviews.save', defaultMessage: 'Save review' },
  postReview: { id: 'community.board.reviews.post', defaultMessage: 'Post review' },
  noReviews: {
    id: 'community.board.reviews.none',
    defaultMessage: 'No reviews yet. Be the first to write one.',
  },
  noReviewsOf: {
    id: 'community.board.reviews.noneOf',
    defaultMessage: 'No reviews of {product} yet. Be the first to write one.',
  },
  logInToReview: {
    id: 'community.board.reviews.logInToReview',
    defaultMessage: '{link} to write a review.',
    description: 'link: the "Log in" link',
  },

  // Notices after a redirect.
  okVerified: { id: 'community.board.ok.verified', defaultMessage: 'Your email is confirmed. Welcome!' },
  okReset: { id: 'community.board.ok.reset', defaultMessage: 'Password changed: log in with the new one.' },
  okSaved: { id: 'community.board.ok.saved', defaultMessage: 'Saved.' },
  okPosted: {
    id: 'community.board.ok.posted',
    defaultMessage: 'Your idea is posted, with your vote.',
    description: 'after posting an idea: the author votes for their own idea, as on Fider',
  },
  okHeld: {
    id: 'community.board.ok.held',
    defaultMessage: 'Thanks! A moderator looks at new posts before they are public.',
  },
  okVoted: { id: 'community.board.ok.voted', defaultMessage: 'Vote counted.' },
  okUnvoted: { id: 'community.board.ok.unvoted', defaultMessage: 'Vote taken back.' },
  okCommented: { id: 'community.board.ok.commented', defaultMessage: 'Comment added.' },
  okReviewed: { id: 'community.board.ok.reviewed', defaultMessage: 'Review saved.' },

  // The community's refusals a reader sees on the board, worded to them (du/Sie); the same English as errors.ts.
  errorLoginRequired: { id: 'community.board.error.MEMBER_LOGIN_REQUIRED', defaultMessage: 'Log in to do that' },
  errorNotVerified: {
    id: 'community.board.error.MEMBER_NOT_VERIFIED',
    defaultMessage: 'Confirm your email first: the link is in your inbox',
  },
  errorLinkInvalid: {
    id: 'community.board.error.MEMBER_LINK_INVALID',
    defaultMessage: 'This link is not valid any more; ask for a new one',
  },
  errorTooMany: { id: 'community.board.error.TOO_MANY_ATTEMPTS', defaultMessage: 'Too many attempts; try again later' },
  errorProduct: { id: 'community.board.error.PRODUCT_UNKNOWN', defaultMessage: 'Pick one of the products' },

  // What is wrong with a posted form (the same sentences as the forms' schemas, in the reader's language).
  issueTitle: { id: 'community.board.issue.title', defaultMessage: 'A title is 3 to {max} characters' },
  issueBody: { id: 'community.board.issue.body', defaultMessage: 'Details are at most {max} characters' },
  issueComment: { id: 'community.board.issue.comment', defaultMessage: 'A comment is 1 to {max} characters' },
  issueProduct: { id: 'community.board.issue.product', defaultMessage: 'Pick one of the products' },
  issueRating: { id: 'community.board.issue.rating', defaultMessage: 'A rating is 1 to 5 stars' },
  issueReview: {
    id: 'community.board.issue.review',
    defaultMessage: 'A review needs a title (up to {title} characters) and a text (up to {body})',
  },
  issueNameMissing: { id: 'community.board.issue.nameMissing', defaultMessage: 'Give a name to show with your posts' },
  issueNameLong: { id: 'community.board.issue.nameLong', defaultMessage: 'A name is at most 60 characters' },
  issueEmail: { id: 'community.board.issue.email', defaultMessage: 'Enter a valid email address' },
  issuePassword: { id: 'community.board.issue.password', defaultMessage: 'The password needs at least 10 characters' },
});
