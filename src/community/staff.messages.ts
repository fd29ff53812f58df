import { defineMessages } from '@formatjs/intl';

/** The words of the community board's staff side (English source; German in de.json). */
export const staff = defineMessages({
  // The shell every staff community page shares.
  heading: { id: 'community.staff.shell.heading', defaultMessage: 'Community' },
  openBoard: { id: 'community.staff.shell.openBoard', defaultMessage: 'Open the public board' },
  tabIdeas: { id: 'community.staff.shell.tabIdeas', defaultMessage: 'Ideas' },
  tabModeration: { id: 'community.staff.shell.tabModeration', defaultMessage: 'Moderation' },
  tabSuggested: { id: 'community.staff.shell.tabSuggested', defaultMessage: 'Suggested ideas' },
  tabSettings: { id: 'community.staff.shell.tabSettings', defaultMessage: 'Settings' },
  tabEmail: { id: 'community.staff.shell.tabEmail', defaultMessage: 'Email' },

  // What the staff forms' schemas say (ideas.input.ts), in the reader's language.
  inputMergeInto: { id: 'community.staff.input.mergeInto', defaultMessage: 'Pick the idea to merge into' },
  inputModeration: { id: 'community.staff.input.moderation', defaultMessage: 'Choose hide, restore or delete' },
  inputPickIdea: { id: 'community.staff.input.pickIdea', defaultMessage: 'Pick an idea' },
  inputAnswer: { id: 'community.staff.input.answer', defaultMessage: 'Write the answer first.' },

  // What a page says after an action (?ok=…).
  okSaved: { id: 'community.staff.flash.saved', defaultMessage: 'Saved.' },
  okMerged: { id: 'community.staff.flash.merged', defaultMessage: 'Merged.' },
  okModerated: { id: 'community.staff.flash.moderated', defaultMessage: 'Done.' },
  okLinked: { id: 'community.staff.flash.linked', defaultMessage: 'Linked as evidence.' },
  okCreated: { id: 'community.staff.flash.created', defaultMessage: 'Idea created.' },
  okDismissed: { id: 'community.staff.flash.dismissed', defaultMessage: 'Set aside.' },
  okCategory: { id: 'community.staff.flash.category', defaultMessage: 'Categories saved.' },

  // Words more than one page says.
  status: {
    id: 'community.staff.common.status',
    defaultMessage:
      '{status, select, open {Open} under_review {Under review} planned {Planned} in_progress {In progress} ' +
      'shipped {Shipped} declined {Declined} other {{status}}}',
    description: 'an idea status',
  },
  visibility: {
    id: 'community.staff.common.visibility',
    defaultMessage: '{visibility, select, visible {visible} held {held} hidden {hidden} other {{visibility}}}',
    description: 'badge on a post that is not shown on the board: held waits for a moderator',
  },
  statusLabel: { id: 'community.staff.common.statusLabel', defaultMessage: 'Status' },
  votes: { id: 'community.staff.common.votes', defaultMessage: 'Votes' },
  idea: { id: 'community.staff.common.idea', defaultMessage: 'Idea' },
  save: { id: 'community.staff.common.save', defaultMessage: 'Save' },
  delete: { id: 'community.staff.common.delete', defaultMessage: 'Delete' },
  followers: {
    id: 'community.staff.common.followers',
    defaultMessage: '{count, plural, one {{followers} follower} other {{followers} followers}}',
    description: 'followers: the audience as shown, e.g. 1.2K; count: the number it stands for',
  },
  unknownAuthor: { id: 'community.staff.common.unknownAuthor', defaultMessage: 'unknown' },

  // The ideas list.
  ideasTitle: { id: 'community.staff.ideas.title', defaultMessage: 'Community ideas' },
  search: { id: 'community.staff.ideas.search', defaultMessage: 'Search' },
  anyStatus: { id: 'community.staff.ideas.anyStatus', defaultMessage: 'Any' },
  filter: { id: 'community.staff.ideas.filter', defaultMessage: 'Filter' },
  posted: { id: 'community.staff.ideas.posted', defaultMessage: 'Posted' },
  pinned: { id: 'community.staff.ideas.pinned', defaultMessage: 'pinned' },
  noIdeas: { id: 'community.staff.ideas.empty', defaultMessage: 'No ideas yet.' },

  // One idea.
  backToIdeas: { id: 'community.staff.idea.back', defaultMessage: '← Ideas' },
  publicPage: { id: 'community.staff.idea.publicPage', defaultMessage: 'Public page' },
  facts: {
    id: 'community.staff.idea.facts',
    defaultMessage:
      '{votes, plural, one {# vote} other {# votes}} · {comments, plural, one {# comment} other {# comments}} · ' +
      'by {author} · {at}',
    description: 'at is a formatted date and time',
  },
  byStaff: {
    id: 'community.staff.idea.byStaff',
    defaultMessage: 'staff',
    description: 'the author of an idea staff made: "by staff"',
  },
  mergedInto: {
    id: 'community.staff.idea.mergedInto',
    defaultMessage: 'merged into {link}',
    description: 'link is a link whose text is community.staff.idea.anotherIdea',
  },
  anotherIdea: { id: 'community.staff.idea.anotherIdea', defaultMessage: 'another idea' },
  mergedDuplicates: {
    id: 'community.staff.idea.mergedDuplicates',
    defaultMessage: 'Merged duplicates: {list}',
    description: 'list: titles with their votes, "Calendar sync (3), Outlook (1)"',
  },
  comments: { id: 'community.staff.idea.comments', defaultMessage: 'Comments' },
  team: { id: 'community.staff.idea.team', defaultMessage: 'Team', description: 'who wrote a comment staff posted' },
  aMember: { id: 'community.staff.idea.aMember', defaultMessage: 'A member', description: 'a comment’s author' },
  answerLabel: { id: 'community.staff.idea.answerLabel', defaultMessage: 'Answer as the team (public)' },
  postAnswer: { id: 'community.staff.idea.postAnswer', defaultMessage: 'Post answer' },
  statusNote: { id: 'community.staff.idea.statusNote', defaultMessage: 'Public note (voters are told)' },
  category: { id: 'community.staff.idea.category', defaultMessage: 'Category' },
  noCategory: { id: 'community.staff.idea.noCategory', defaultMessage: 'None' },
  pinnedToTop: { id: 'community.staff.idea.pinnedToTop', defaultMessage: 'Pinned to the top' },
  mergeHeading: { id: 'community.staff.idea.mergeHeading', defaultMessage: 'Merge into' },
  mergeLabel: { id: 'community.staff.idea.mergeLabel', defaultMessage: 'The idea this one duplicates' },
  mergeOption: {
    id: 'community.staff.idea.mergeOption',
    defaultMessage: '{title} ({votes, plural, one {# vote} other {# votes}})',
  },
  mergeHint: {
    id: 'community.staff.idea.mergeHint',
    defaultMessage: 'Votes, comments and evidence move over; someone who voted for both counts once.',
  },
  merge: { id: 'community.staff.idea.merge', defaultMessage: 'Merge' },
  evidence: { id: 'community.staff.idea.evidence', defaultMessage: 'Evidence' },
  supporters: { id: 'community.staff.idea.supporters', defaultMessage: 'Supporters' },
  reach: { id: 'community.staff.idea.reach', defaultMessage: 'Their reach' },
  stages: { id: 'community.staff.idea.stages', defaultMessage: 'Stages', description: 'supporters’ lifecycle stages' },
  stageCount: {
    id: 'community.staff.idea.stageCount',
    defaultMessage:
      '{stage, select, subscriber {{count, plural, one {# subscriber} other {# subscribers}}} ' +
      'lead {{count, plural, one {# lead} other {# leads}}} ' +
      'customer {{count, plural, one {# customer} other {# customers}}} ' +
      'advocate {{count, plural, one {# advocate} other {# advocates}}} ' +
      'detractor {{count, plural, one {# detractor} other {# detractors}}} ' +
      'other_stage {{count, plural, other {# other}}} ' +
      'other {{count, number} {name}}}',
    description: 'how many supporters are in a lifecycle stage; name: a stage the workspace added itself',
  },
  said: { id: 'community.staff.idea.said', defaultMessage: 'Said', description: 'how supporters felt saying it' },
  saidCounts: {
    id: 'community.staff.idea.saidCounts',
    defaultMessage: '{positive, number} positive · {neutral, number} neutral · {negative, number} negative',
  },
  linkedMentions: { id: 'community.staff.idea.linkedMentions', defaultMessage: 'Linked mentions' },
  noLinkedMentions: {
    id: 'community.staff.idea.noLinkedMentions',
    defaultMessage: 'None yet: link them from Suggested ideas.',
  },
  contact: {
    id: 'community.staff.idea.contact',
    defaultMessage: 'contact',
    description: 'link to a mention’s contact',
  },

  // The moderation buttons under a post.
  reasonPlaceholder: { id: 'community.staff.moderate.reasonPlaceholder', defaultMessage: 'Reason (kept)' },
  reason: { id: 'community.staff.moderate.reason', defaultMessage: 'Reason' },
  approve: { id: 'community.staff.moderate.approve', defaultMessage: 'Approve' },
  restore: { id: 'community.staff.moderate.restore', defaultMessage: 'Restore' },
  hide: { id: 'community.staff.moderate.hide', defaultMessage: 'Hide' },

  // The moderation queue.
  moderationTitle: { id: 'community.staff.moderation.title', defaultMessage: 'Moderation' },
  nothingHeld: { id: 'community.staff.moderation.empty', defaultMessage: 'Nothing waits for a moderator.' },
  heldBy: {
    id: 'community.staff.moderation.heldBy',
    defaultMessage: '{kind, select, idea {idea} comment {comment} review {review} other {{kind}}} by {author}',
  },
  byAMember: {
    id: 'community.staff.moderation.byAMember',
    defaultMessage: 'a member',
    description: '"idea by a member"',
  },
  flag: {
    id: 'community.staff.moderation.flag',
    defaultMessage:
      '{flag, select, links {links} new_account {new account with links} ' +
      'repeat {posted the same text before} other {{flag}}}',
    description: 'why a spam rule held a post',
  },

  // Suggested ideas (mentions asking for a feature).
  suggestedIntro: {
    id: 'community.staff.suggested.intro',
    defaultMessage:
      'Mentions that ask for a feature. Link one to an idea (it becomes evidence, its author a supporter), make it a ' +
      'new idea, or set it aside.',
  },
  noSuggestions: { id: 'community.staff.suggested.empty', defaultMessage: 'No feature requests waiting.' },
  linkAsEvidence: { id: 'community.staff.suggested.link', defaultMessage: 'Link as evidence' },
  newIdea: { id: 'community.staff.suggested.newIdea', defaultMessage: 'New idea' },
  titlePlaceholder: { id: 'community.staff.suggested.titlePlaceholder', defaultMessage: 'Title in your words' },
  createIdea: { id: 'community.staff.suggested.createIdea', defaultMessage: 'Create idea' },
  setAside: { id: 'community.staff.suggested.setAside', defaultMessage: 'Set aside' },
  setAsideName: {
    id: 'community.staff.suggested.setAsideName',
    defaultMessage: 'Set aside the post by {author}',
    description: 'what a screen reader says for the one-click Set aside button',
  },
  suggestedWhy: {
    id: 'community.staff.suggested.why',
    defaultMessage:
      'Suggested because {reason, select, staff {a teammate marked it a feature request} other {the analyzer reads ' +
      'it as a feature request}}{terms, select, none {.} other {, about {terms}.}}',
    description: 'why a mention is in the suggested ideas queue; terms: its key terms as a list, or none',
  },
  closestIdea: {
    id: 'community.staff.suggested.closest',
    defaultMessage:
      'Closest idea: “{title}”, {strength, select, close {a close match} partial {partly alike} other {little in ' +
      'common}} (both mention {terms})',
  },
  noCloseIdea: {
    id: 'community.staff.suggested.noClose',
    defaultMessage: 'No idea shares its words: it may be a new one.',
  },
  chooseIdea: {
    id: 'community.staff.suggested.choose',
    defaultMessage: 'Choose an idea…',
    description: 'the first, empty choice of the idea to link to: nothing is chosen for the person',
  },
  ideaOption: {
    id: 'community.staff.suggested.option',
    defaultMessage: '{title} ({strength, select, close {close match} partial {partly alike} other {little in common}})',
    description: 'an idea in the link list that shares words with the post',
  },
  alikeGroup: { id: 'community.staff.suggested.alikeGroup', defaultMessage: 'Sharing its words' },
  otherGroup: { id: 'community.staff.suggested.otherGroup', defaultMessage: 'Other ideas' },

  // Categories and the board's settings.
  categoriesTitle: { id: 'community.staff.categories.title', defaultMessage: 'Categories' },
  board: { id: 'community.staff.categories.board', defaultMessage: 'Board' },
  boardOpen: { id: 'community.staff.categories.boardOpen', defaultMessage: 'The public board is open at /c/{slug}' },
  requireApproval: {
    id: 'community.staff.categories.requireApproval',
    defaultMessage: 'New ideas, comments and reviews wait for a moderator',
  },
  noCategories: { id: 'community.staff.categories.empty', defaultMessage: 'No categories yet.' },
  newCategory: { id: 'community.staff.categories.new', defaultMessage: 'New category' },
  add: { id: 'community.staff.categories.add', defaultMessage: 'Add' },

  // The board's email log.
  mailTitle: { id: 'community.staff.mail.title', defaultMessage: 'Community email' },
  smtpSet: { id: 'community.staff.mail.smtpSet', defaultMessage: 'Email goes out through the SMTP server (SMTP_URL).' },
  smtpUnset: {
    id: 'community.staff.mail.smtpUnset',
    defaultMessage:
      'SMTP_URL is not set: nothing is sent (the server’s operator can print a member’s link with the CLI).',
  },
  mailKept: {
    id: 'community.staff.mail.kept',
    defaultMessage:
      'Each message is kept here with its links’ secrets hidden: ' +
      'a confirmation or reset link is for the member alone.',
  },
  mailKind: {
    id: 'community.staff.mail.kind',
    defaultMessage:
      '{kind, select, verify {verify} reset {reset} status {status} signup_existing {signup_existing} ' +
      'staff_invitation {staff_invitation} other {{kind}}}',
    description: 'what an email was for: confirming a sign-up, a password reset, an idea’s status change, …',
  },
  mailTo: { id: 'community.staff.mail.to', defaultMessage: 'to {to}', description: 'to an email address' },
  mailStatus: {
    id: 'community.staff.mail.status',
    defaultMessage:
      '{status, select, queued {queued} sending {sending} sent {sent} logged {logged} failed {failed} ' +
      'other {{status}}}',
    description: 'logged: kept here without being sent (no SMTP server)',
  },
});
