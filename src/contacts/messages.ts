import { defineMessages } from '@formatjs/intl';

/** The words of the contacts pages: the list, one contact, the duplicate queue (English source; German in de.json). */
export const contactMessages = defineMessages({
  // A contact's fields, as the profile form, the facts and the duplicate queue name them.
  name: { id: 'contacts.field.name', defaultMessage: 'Name' },
  emails: { id: 'contacts.field.emails', defaultMessage: 'Emails' },
  company: { id: 'contacts.field.company', defaultMessage: 'Company' },
  title: { id: 'contacts.field.title', defaultMessage: 'Title', description: 'a contact’s job title' },
  location: { id: 'contacts.field.location', defaultMessage: 'Location' },
  stage: { id: 'contacts.field.stage', defaultMessage: 'Stage', description: 'a contact’s lifecycle stage' },
  tags: { id: 'contacts.field.tags', defaultMessage: 'Tags' },
  owner: { id: 'contacts.field.owner', defaultMessage: 'Owner', description: 'the teammate responsible for a contact' },
  score: { id: 'contacts.field.score', defaultMessage: 'Score' },
  followers: { id: 'contacts.field.followers', defaultMessage: 'Followers' },
  mentions: { id: 'contacts.field.mentions', defaultMessage: 'Mentions' },
  sentiment: { id: 'contacts.field.sentiment', defaultMessage: 'Sentiment' },
  lastActivity: { id: 'contacts.field.lastActivity', defaultMessage: 'Last activity' },
  accounts: { id: 'contacts.field.accounts', defaultMessage: 'Accounts', description: 'a contact’s platform accounts' },

  // Shared by the pages.
  stageName: {
    id: 'contacts.common.stage',
    defaultMessage:
      '{stage, select, subscriber {subscriber} lead {lead} customer {customer} advocate {advocate} ' +
      'detractor {detractor} other {{stage}}}',
    description: 'a default lifecycle stage; a workspace’s own stages are shown as written',
  },
  stageOther: {
    id: 'contacts.common.stageOther',
    defaultMessage: 'other',
    description: 'the default lifecycle stage named "other"',
  },
  formerUser: {
    id: 'contacts.common.formerUser',
    defaultMessage: 'a former user',
    description: 'in place of a teammate who was removed',
  },
  unnamed: { id: 'contacts.common.unnamed', defaultMessage: 'Unnamed contact' },
  backToContacts: { id: 'contacts.common.back', defaultMessage: '← Contacts' },
  pages: { id: 'contacts.common.pages', defaultMessage: 'Pages', description: 'aria-label of the pager' },
  previous: { id: 'contacts.common.previous', defaultMessage: '← Previous' },
  next: { id: 'contacts.common.next', defaultMessage: 'Next →' },
  likely: {
    id: 'contacts.common.likely',
    defaultMessage: '{percent} likely',
    description: 'how likely two contacts are one person, e.g. "87% likely"',
  },

  // Accounts, handles and score (views/parts.tsx).
  moreHandles: { id: 'contacts.parts.moreHandles', defaultMessage: '+{count} more' },
  noAccounts: { id: 'contacts.parts.noAccounts', defaultMessage: 'No platform accounts.' },
  platform: { id: 'contacts.parts.platform', defaultMessage: 'Platform' },
  account: { id: 'contacts.parts.account', defaultMessage: 'Account' },
  verified: { id: 'contacts.parts.verified', defaultMessage: 'Verified' },
  verifiedBadge: { id: 'contacts.parts.verifiedBadge', defaultMessage: 'verified' },
  notVerified: { id: 'contacts.parts.notVerified', defaultMessage: 'no', description: 'an account is not verified' },
  noScoreReasons: { id: 'contacts.parts.noScoreReasons', defaultMessage: 'Nothing has added to the score yet.' },
  moreScoreParts: {
    id: 'contacts.parts.moreScoreParts',
    defaultMessage: '{count, plural, one {# more part} other {# more parts}}: {points}',
    description: 'folded score parts; points is their signed sum, like +13',
  },
  scoreTotal: {
    id: 'contacts.parts.scoreTotal',
    defaultMessage: 'Total: {score} of 100',
    description: 'the sum of the parts listed above it',
  },

  // The weekly sentiment chart (views/sentiment-chart.tsx).
  chartEmpty: { id: 'contacts.chart.empty', defaultMessage: 'No scored mentions yet.' },
  chartSummary: {
    id: 'contacts.chart.summary',
    defaultMessage:
      '{mentions, plural, one {# scored mention} other {# scored mentions}} in ' +
      '{weeks, plural, one {# week} other {# weeks}}, {mean} on average',
    description: 'mean is a signed sentiment score between -1 and +1, e.g. "-0.04"',
  },
  chartWeek: {
    id: 'contacts.chart.week',
    defaultMessage: 'Week of {week}: {mean} ({count, plural, one {# mention} other {# mentions}})',
    description: 'one bar of the chart; week is the date the week starts',
  },
  chartWeekOf: { id: 'contacts.chart.weekOf', defaultMessage: 'Week of {week}' },

  // The list (views/contacts-page.tsx).
  listTitle: { id: 'contacts.list.title', defaultMessage: 'Contacts' },
  duplicatesLink: { id: 'contacts.list.duplicatesLink', defaultMessage: 'Duplicates to review' },
  search: { id: 'contacts.list.search', defaultMessage: 'Search' },
  searchPlaceholder: { id: 'contacts.list.searchPlaceholder', defaultMessage: 'name, email, company or handle' },
  segment: { id: 'contacts.list.segment', defaultMessage: 'Segment' },
  allContacts: { id: 'contacts.list.allContacts', defaultMessage: 'All contacts' },
  sortBy: { id: 'contacts.list.sortBy', defaultMessage: 'Sort by' },
  sort: {
    id: 'contacts.list.sort',
    defaultMessage:
      '{sort, select, recent {Recent activity} score {Score} name {Name} followers {Followers} created {Newest} ' +
      'other {{sort}}}',
  },
  filter: { id: 'contacts.list.filter', defaultMessage: 'Filter', description: 'button: apply the filters' },
  clear: { id: 'contacts.list.clear', defaultMessage: 'Clear', description: 'link: remove the filters' },
  moreFilters: { id: 'contacts.list.moreFilters', defaultMessage: 'More filters' },
  anyStage: { id: 'contacts.list.anyStage', defaultMessage: 'Any stage' },
  tag: { id: 'contacts.list.tag', defaultMessage: 'Tag' },
  anyPlatform: { id: 'contacts.list.anyPlatform', defaultMessage: 'Any platform' },
  minFollowers: { id: 'contacts.list.minFollowers', defaultMessage: 'Min followers' },
  anySentiment: { id: 'contacts.list.anySentiment', defaultMessage: 'Any', description: 'any sentiment' },
  activeWithin: { id: 'contacts.list.activeWithin', defaultMessage: 'Active within (days)' },
  saveFiltersAs: { id: 'contacts.list.saveFiltersAs', defaultMessage: 'Save these filters as a segment' },
  segmentPlaceholder: {
    id: 'contacts.list.segmentPlaceholder',
    defaultMessage: 'Detractors with reach',
    description: 'an example segment name',
  },
  saveSegment: { id: 'contacts.list.saveSegment', defaultMessage: 'Save segment' },
  deleteSegment: { id: 'contacts.list.deleteSegment', defaultMessage: 'Delete segment “{name}”' },
  noneMatch: { id: 'contacts.list.noneMatch', defaultMessage: 'No contacts match.' },
  count: {
    id: 'contacts.list.count',
    defaultMessage: '{from}–{to} of {total, plural, one {# contact} other {# contacts}}',
    description: 'which rows of the list this page shows',
  },
  noneMatchFilters: { id: 'contacts.list.noneMatchFilters', defaultMessage: 'No contacts match these filters.' },
  empty: {
    id: 'contacts.list.empty',
    defaultMessage: 'No contacts yet. Authors of mentions become contacts automatically.',
  },

  // One contact (views/contact-page.tsx).
  mergedInto: {
    id: 'contacts.contact.mergedInto',
    defaultMessage: 'This contact was merged into',
    description: 'followed by a link with the name of the contact it went into, then contacts.contact.mergedThere',
  },
  mergedThere: {
    id: 'contacts.contact.mergedThere',
    defaultMessage: '. Its accounts, mentions and notes are there now.',
    description: 'follows the link of contacts.contact.mergedInto, without a space',
  },
  anotherContact: {
    id: 'contacts.contact.anotherContact',
    defaultMessage: 'another contact',
    description: 'the link text of contacts.contact.mergedInto when the contact it went into is gone',
  },
  deletedContact: {
    id: 'contacts.contact.deletedContact',
    defaultMessage: 'a deleted contact',
    description: 'in the list of contacts merged into this one',
  },
  profile: { id: 'contacts.contact.profile', defaultMessage: 'Profile', description: 'heading: the contact’s details' },
  emailsPlaceholder: {
    id: 'contacts.contact.emailsPlaceholder',
    defaultMessage: 'ana@example.com, ana@work.example',
    description: 'example email addresses',
  },
  tagsPlaceholder: { id: 'contacts.contact.tagsPlaceholder', defaultMessage: 'vip, beta', description: 'example tags' },
  saveProfile: { id: 'contacts.contact.saveProfile', defaultMessage: 'Save profile' },
  editProfile: { id: 'contacts.contact.editProfile', defaultMessage: 'Edit profile', description: 'button' },
  cancelEdit: { id: 'contacts.contact.cancelEdit', defaultMessage: 'Cancel', description: 'leaves the profile form' },
  openConversation: {
    id: 'contacts.timeline.openConversation',
    defaultMessage: 'Open conversation',
    description: 'link from a post in the timeline to its inbox conversation',
  },
  openIdea: {
    id: 'contacts.timeline.openIdea',
    defaultMessage: 'Open idea',
    description: 'link from a board idea or comment in the timeline to the idea',
  },
  firstTouch: {
    id: 'contacts.contact.firstTouch',
    defaultMessage: 'First touch',
    description: 'where and when the contact was first met',
  },
  sentimentByWeek: { id: 'contacts.contact.sentimentByWeek', defaultMessage: 'Sentiment by week' },
  possibleDuplicates: { id: 'contacts.contact.possibleDuplicates', defaultMessage: 'Possible duplicates' },
  noneFound: { id: 'contacts.contact.noneFound', defaultMessage: 'None found.' },
  mergeIntoThis: { id: 'contacts.contact.mergeIntoThis', defaultMessage: 'Merge into this contact' },
  mergedIntoThis: { id: 'contacts.contact.mergedIntoThis', defaultMessage: 'Merged into this contact' },
  mergedBy: { id: 'contacts.contact.mergedBy', defaultMessage: '{at} by {name}', description: 'when and who merged' },
  undone: { id: 'contacts.contact.undone', defaultMessage: 'undone {at}', description: 'when a merge was undone' },
  undoMerge: { id: 'contacts.contact.undoMerge', defaultMessage: 'Undo merge' },
  timeline: { id: 'contacts.contact.timeline', defaultMessage: 'Timeline' },
  addANote: { id: 'contacts.contact.addANote', defaultMessage: 'Add a note', description: 'label of the note box' },
  addNote: { id: 'contacts.contact.addNote', defaultMessage: 'Add note', description: 'button' },
  nothingYet: { id: 'contacts.contact.nothingYet', defaultMessage: 'Nothing yet.' },
  intent: {
    id: 'contacts.contact.intent',
    defaultMessage:
      '{intent, select, question {question} complaint {complaint} praise {praise} feature_request {feature request} ' +
      'purchase_intent {purchase intent} churn_risk {churn risk} other {{intent}}}',
  },
  note: { id: 'contacts.contact.note', defaultMessage: 'Note', description: 'badge of a staff note in the timeline' },
  openOriginal: { id: 'contacts.contact.openOriginal', defaultMessage: 'Open original' },
  newest: { id: 'contacts.contact.newest', defaultMessage: 'Newest', description: 'link to the newest timeline page' },
  older: { id: 'contacts.contact.older', defaultMessage: 'Older →', description: 'link to older timeline items' },

  // The duplicate review queue (views/duplicates-page.tsx).
  duplicatesTitle: { id: 'contacts.duplicates.title', defaultMessage: 'Duplicates' },
  duplicatesHeading: { id: 'contacts.duplicates.heading', defaultMessage: 'Duplicates to review' },
  alreadyMerged: { id: 'contacts.duplicates.alreadyMerged', defaultMessage: 'already merged' },
  openMerged: { id: 'contacts.duplicates.openMerged', defaultMessage: 'Open the merged contact' },
  nothingToReview: { id: 'contacts.duplicates.nothingToReview', defaultMessage: 'Nothing to review.' },
  suggestionsCount: {
    id: 'contacts.duplicates.count',
    defaultMessage: '{count, plural, one {# open suggestion} other {# open suggestions}}, most likely first.',
  },
  noDuplicates: {
    id: 'contacts.duplicates.empty',
    defaultMessage:
      'No possible duplicates right now. When two contacts look like one person (the same handle on two platforms, ' +
      'a similar name), they appear here.',
  },
  pair: { id: 'contacts.duplicates.pair', defaultMessage: '{a} and {b}', description: 'aria-label: the two contacts' },
  likelySame: {
    id: 'contacts.duplicates.likelySame',
    defaultMessage: '{percent} likely the same person',
    description: 'e.g. "91% likely the same person"',
  },
  keepAsMain: { id: 'contacts.duplicates.keepAsMain', defaultMessage: 'Keep as the main contact' },
  keep: { id: 'contacts.duplicates.keep', defaultMessage: 'Keep', description: 'column: which value to keep' },
  emptyValue: { id: 'contacts.duplicates.emptyValue', defaultMessage: '(empty)', description: 'a field with no value' },
  bothKept: {
    id: 'contacts.duplicates.bothKept',
    defaultMessage: 'Accounts, mentions, notes, emails and tags of both are kept.',
  },
  merge: { id: 'contacts.duplicates.merge', defaultMessage: 'Merge', description: 'button' },
  notSamePerson: { id: 'contacts.duplicates.notSamePerson', defaultMessage: 'Not the same person' },
  showWeak: {
    id: 'contacts.duplicates.showWeak',
    defaultMessage: 'Show weaker suggestions ({count, plural, one {# below {percent}} other {# below {percent}}})',
    description: 'link; percent is the confidence from which a suggestion is shown by default, like 60%',
  },
  hideWeak: {
    id: 'contacts.duplicates.hideWeak',
    defaultMessage: 'Show only suggestions from {percent}',
    description: 'link; percent like 60%',
  },
  weakSuggestion: {
    id: 'contacts.duplicates.weak',
    defaultMessage: 'weak evidence: check before merging',
    description: 'badge on a suggestion below the default confidence',
  },
  differs: {
    id: 'contacts.duplicates.differs',
    defaultMessage: 'differs',
    description: 'marks a field whose value is not the same on the two contacts',
  },
  differingFields: {
    id: 'contacts.duplicates.differingFields',
    defaultMessage: 'Different: {fields}',
    description: 'fields lists the field names that differ between the two contacts, like "Name, Company"',
  },

  // Notices after a change (pages.tsx).
  okSaved: { id: 'contacts.flash.saved', defaultMessage: 'Contact saved.' },
  okNoted: { id: 'contacts.flash.noted', defaultMessage: 'Note added.' },
  okMerged: { id: 'contacts.flash.merged', defaultMessage: 'Contacts merged.' },
  okUnmerged: { id: 'contacts.flash.unmerged', defaultMessage: 'Merge undone: the contacts are separate again.' },
  okDismissed: { id: 'contacts.flash.dismissed', defaultMessage: 'Suggestion dismissed.' },
  okSegmentSaved: { id: 'contacts.flash.segmentSaved', defaultMessage: 'Segment saved.' },
  okSegmentDeleted: { id: 'contacts.flash.segmentDeleted', defaultMessage: 'Segment deleted.' },
  suggestionDone: {
    id: 'contacts.flash.suggestionDone',
    defaultMessage:
      'This suggestion is already {status, select, merged {merged} dismissed {dismissed} other {{status}}}.',
  },
});
