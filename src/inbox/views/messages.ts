import { defineMessages } from '@formatjs/intl';

/**
 * The words of the inbox list and the conversation page (English source; German in the catalogue).
 * Routing, saved replies and notifications keep their own messages.
 */

/** Shared by the list, the conversation, the thread and the author card (parts.tsx). */
export const common = defineMessages({
  shortcuts: { id: 'inbox.common.shortcuts', defaultMessage: 'Shortcuts' },
  noText: { id: 'inbox.common.noText', defaultMessage: '(no text)', description: 'a conversation without text' },
  unknownAuthor: { id: 'inbox.common.unknownAuthor', defaultMessage: 'Unknown author' },
  unassigned: { id: 'inbox.common.unassigned', defaultMessage: 'Unassigned' },
  chooseTeammate: { id: 'inbox.common.chooseTeammate', defaultMessage: 'choose a teammate to assign' },
  formerTeammate: {
    id: 'inbox.common.formerTeammate',
    defaultMessage: 'a former teammate',
    description: 'someone assigned who is no longer in the workspace',
  },
  followers: {
    id: 'inbox.common.followers',
    defaultMessage: '{count, plural, one {{followers} follower} other {{followers} followers}}',
    description: 'followers is the count as shown (1.2K); count the number itself',
  },
  status: {
    id: 'inbox.common.status',
    defaultMessage:
      '{status, select, open {Open} pending {Pending} snoozed {Snoozed} closed {Closed} spam {Spam} other {{status}}}',
  },
  priority: {
    id: 'inbox.common.priority',
    defaultMessage: '{priority, select, urgent {urgent} high {high} normal {normal} low {low} other {{priority}}}',
  },
  intent: {
    id: 'inbox.common.intent',
    defaultMessage:
      '{intent, select, question {question} complaint {complaint} praise {praise} feature_request {feature request} ' +
      'purchase_intent {purchase intent} churn_risk {churn risk} other {{intent}}}',
  },
  sentiment: {
    id: 'inbox.common.sentiment',
    defaultMessage:
      '{label, select, positive {positive} neutral {neutral} negative {negative} unscored {unscored} other {{label}}}',
    description: 'a sentiment label as an option of a filter or a correction',
  },
  duration: {
    id: 'inbox.common.duration',
    defaultMessage: '{unit, select, minute {{n}m} hour {{n}h} other {{n}d}}',
    description: 'a short span of time: 5m, 3h, 2d (n is the number as shown)',
  },
  overdueFirstResponse: { id: 'inbox.common.overdue.firstResponse', defaultMessage: 'First response overdue' },
  overdueNextResponse: { id: 'inbox.common.overdue.nextResponse', defaultMessage: 'Reply overdue' },
  overdueResolution: { id: 'inbox.common.overdue.resolution', defaultMessage: 'Resolution overdue' },
  replyWithin: { id: 'inbox.common.replyWithin', defaultMessage: 'Reply within {duration}' },
  resolveWithin: { id: 'inbox.common.resolveWithin', defaultMessage: 'Resolve within {duration}' },
  keyboardShortcuts: { id: 'inbox.common.keyboardShortcuts', defaultMessage: 'Keyboard shortcuts' },
  close: { id: 'inbox.common.close', defaultMessage: 'Close' },
  keyOpen: { id: 'inbox.common.key.open', defaultMessage: 'o or Enter', description: 'keys: o, or the Enter key' },
  shortcutNext: { id: 'inbox.common.shortcut.next', defaultMessage: 'next / previous conversation' },
  shortcutOpen: { id: 'inbox.common.shortcut.open', defaultMessage: 'open the selected conversation' },
  shortcutSelect: { id: 'inbox.common.shortcut.select', defaultMessage: 'select it for a bulk action' },
  shortcutAssign: {
    id: 'inbox.common.shortcut.assign',
    defaultMessage: 'assign to me (in a conversation: choose the assignee)',
  },
  shortcutClose: { id: 'inbox.common.shortcut.close', defaultMessage: 'close' },
  shortcutReply: { id: 'inbox.common.shortcut.reply', defaultMessage: 'reply' },
  shortcutSearch: { id: 'inbox.common.shortcut.search', defaultMessage: 'search' },
  shortcutBack: { id: 'inbox.common.shortcut.back', defaultMessage: 'back to the inbox (in a conversation)' },
  shortcutHelp: { id: 'inbox.common.shortcut.help', defaultMessage: 'this help' },
  shortcutUndo: { id: 'inbox.common.shortcut.undo', defaultMessage: 'undo the last a or e in the list' },
  shortcutClosePane: {
    id: 'inbox.common.shortcut.closePane',
    defaultMessage: 'close the conversation beside the list',
  },
});

/** The inbox list (inbox-page.tsx). */
export const list = defineMessages({
  title: { id: 'inbox.list.title', defaultMessage: 'Inbox' },
  allMentions: { id: 'inbox.list.allMentions', defaultMessage: 'All mentions' },
  empty: { id: 'inbox.list.empty', defaultMessage: 'Nothing here.' },
  emptyFiltered: { id: 'inbox.list.emptyFiltered', defaultMessage: 'Try fewer filters.' },
  emptyNew: { id: 'inbox.list.emptyNew', defaultMessage: 'New mentions from your sources appear here as they arrive.' },
  firstPage: { id: 'inbox.list.firstPage', defaultMessage: 'First page' },
  more: { id: 'inbox.list.more', defaultMessage: 'More', description: 'link to the next page of conversations' },
  views: { id: 'inbox.list.views', defaultMessage: 'Views', description: 'aria-label of the tabs: all, mine...' },
  viewAll: { id: 'inbox.list.view.all', defaultMessage: 'All open' },
  viewMine: { id: 'inbox.list.view.mine', defaultMessage: 'Mine' },
  selectRow: { id: 'inbox.list.selectRow', defaultMessage: 'Select this conversation' },
  waiting: { id: 'inbox.list.waiting', defaultMessage: 'waiting {duration}', description: 'duration: 5m, 3h, 2d' },
  ago: { id: 'inbox.list.ago', defaultMessage: '{duration} ago', description: 'duration: 5m, 3h, 2d' },
  assignedTo: { id: 'inbox.list.assignedTo', defaultMessage: '→ {name}', description: 'the assignee of a row' },
  posts: { id: 'inbox.list.posts', defaultMessage: '{count, plural, one {# post} other {# posts}}' },
  search: { id: 'inbox.list.search', defaultMessage: 'Search' },
  searchPlaceholder: { id: 'inbox.list.searchPlaceholder', defaultMessage: 'words in the posts' },
  status: { id: 'inbox.list.status', defaultMessage: 'Status' },
  anyStatus: { id: 'inbox.list.anyStatus', defaultMessage: 'Any status' },
  sentiment: { id: 'inbox.list.sentiment', defaultMessage: 'Sentiment' },
  any: { id: 'inbox.list.any', defaultMessage: 'Any', description: 'a filter left open' },
  priority: { id: 'inbox.list.priority', defaultMessage: 'Priority' },
  sort: { id: 'inbox.list.sort', defaultMessage: 'Sort' },
  sortNewest: { id: 'inbox.list.sort.newest', defaultMessage: 'Newest' },
  sortWaiting: { id: 'inbox.list.sort.waiting', defaultMessage: 'Longest waiting' },
  sortPriority: { id: 'inbox.list.sort.priority', defaultMessage: 'Priority' },
  filter: { id: 'inbox.list.filter', defaultMessage: 'Filter', description: 'button applying the filters' },
  platform: { id: 'inbox.list.platform', defaultMessage: 'Platform' },
  allPlatforms: { id: 'inbox.list.allPlatforms', defaultMessage: 'All platforms' },
  topic: { id: 'inbox.list.topic', defaultMessage: 'Topic' },
  allTopics: { id: 'inbox.list.allTopics', defaultMessage: 'All topics' },
  assignee: { id: 'inbox.list.assignee', defaultMessage: 'Assignee' },
  anyone: { id: 'inbox.list.anyone', defaultMessage: 'Anyone' },
  intent: { id: 'inbox.list.intent', defaultMessage: 'Intent' },
  tag: { id: 'inbox.list.tag', defaultMessage: 'Tag' },
  language: { id: 'inbox.list.language', defaultMessage: 'Language' },
  languagePlaceholder: {
    id: 'inbox.list.languagePlaceholder',
    defaultMessage: 'en',
    description: 'an example language code in the language filter',
  },
  from: { id: 'inbox.list.from', defaultMessage: 'From', description: 'first day of a date filter' },
  to: { id: 'inbox.list.to', defaultMessage: 'To', description: 'last day of a date filter' },
  clearFilters: { id: 'inbox.list.clearFilters', defaultMessage: 'Clear filters' },
  selectAll: { id: 'inbox.list.selectAll', defaultMessage: 'Select all on this page' },
  all: { id: 'inbox.list.all', defaultMessage: 'All', description: 'the checkbox ticking every row' },
  assign: { id: 'inbox.list.assign', defaultMessage: 'Assign' },
  noChange: { id: 'inbox.list.noChange', defaultMessage: 'No change' },
  unassign: { id: 'inbox.list.unassign', defaultMessage: 'Unassign' },
  addTag: { id: 'inbox.list.addTag', defaultMessage: 'Add tag' },
  apply: { id: 'inbox.list.apply', defaultMessage: 'Apply to selected' },
});

/** One conversation (conversation-page.tsx). */
export const conversation = defineMessages({
  title: { id: 'inbox.conversation.title', defaultMessage: 'Conversation' },
  back: { id: 'inbox.conversation.back', defaultMessage: '← Inbox' },
  thread: { id: 'inbox.conversation.thread', defaultMessage: 'Thread', description: 'aria-label of the posts' },
  details: { id: 'inbox.conversation.details', defaultMessage: 'Details', description: 'aria-label of the sidebar' },
  snoozedUntil: {
    id: 'inbox.conversation.snoozedUntil',
    defaultMessage: 'until {time} {zone}',
    description: 'when a snooze ends; zone is the time zone (UTC)',
  },
  assignedTo: { id: 'inbox.conversation.assignedTo', defaultMessage: 'Assigned to {name}' },
  firstResponse: { id: 'inbox.conversation.firstResponse', defaultMessage: 'First response {time}' },
  notAnswered: { id: 'inbox.conversation.notAnswered', defaultMessage: 'Not answered yet' },
  resolved: { id: 'inbox.conversation.resolved', defaultMessage: 'resolved {time}' },
  noReplies: {
    id: 'inbox.conversation.noReplies',
    defaultMessage: '{platform} does not take replies from here: answer on the platform itself.',
  },
  inReplyTo: { id: 'inbox.conversation.inReplyTo', defaultMessage: 'In reply to' },
  replyOn: { id: 'inbox.conversation.replyOn', defaultMessage: 'Reply on {platform}' },
  replyOnTo: { id: 'inbox.conversation.replyOnTo', defaultMessage: 'Reply on {platform} to @{handle}' },
  replyOnAs: {
    id: 'inbox.conversation.replyOnAs',
    defaultMessage: 'Reply on {platform} as {account}',
    description: 'account: the connected account that posts the reply (@brand, or the source’s name)',
  },
  replyOnAsTo: {
    id: 'inbox.conversation.replyOnAsTo',
    defaultMessage: 'Reply on {platform} as {account} to @{handle}',
    description: 'account: the connected account that posts the reply (@brand, or the source’s name)',
  },
  charactersAllowed: {
    id: 'inbox.conversation.charactersAllowed',
    defaultMessage: '{count, plural, one {# character allowed} other {# characters allowed}}',
  },
  sendReply: { id: 'inbox.conversation.sendReply', defaultMessage: 'Send reply' },
  savedReply: { id: 'inbox.conversation.savedReply', defaultMessage: 'Saved reply' },
  savedReplyMine: {
    id: 'inbox.conversation.savedReplyMine',
    defaultMessage: '{name} (mine)',
    description: 'a saved reply only its owner sees',
  },
  insert: { id: 'inbox.conversation.insert', defaultMessage: 'Insert' },
  internalNote: { id: 'inbox.conversation.internalNote', defaultMessage: 'Internal note' },
  notePlaceholder: {
    id: 'inbox.conversation.notePlaceholder',
    defaultMessage: 'Only your team sees this. @name notifies a teammate.',
  },
  addNote: { id: 'inbox.conversation.addNote', defaultMessage: 'Add note' },
  triage: { id: 'inbox.conversation.triage', defaultMessage: 'Triage' },
  assignToMe: { id: 'inbox.conversation.assignToMe', defaultMessage: 'Assign to me' },
  reopen: { id: 'inbox.conversation.reopen', defaultMessage: 'Reopen' },
  close: { id: 'inbox.conversation.close', defaultMessage: 'Close' },
  assignee: { id: 'inbox.conversation.assignee', defaultMessage: 'Assignee' },
  status: { id: 'inbox.conversation.status', defaultMessage: 'Status' },
  snooze: { id: 'inbox.conversation.snooze', defaultMessage: 'Snooze', description: 'opens the snooze menu' },
  snoozeMenu: { id: 'inbox.conversation.snoozeMenu', defaultMessage: 'Snooze until' },
  snooze1h: {
    id: 'inbox.conversation.snooze.1h',
    defaultMessage: '1 hour ({time})',
    description: "time: when that is on the viewer's clock (14:30)",
  },
  snoozeTomorrow: {
    id: 'inbox.conversation.snooze.tomorrow',
    defaultMessage: 'Tomorrow, {time}',
    description: "a snooze until 09:00 tomorrow on the viewer's clock; time is that time (09:00)",
  },
  snoozeMonday: {
    id: 'inbox.conversation.snooze.monday',
    defaultMessage: 'Next Monday, {time}',
    description: "a snooze until 09:00 on the coming Monday on the viewer's clock; time is that time (09:00)",
  },
  snoozeUntil: {
    id: 'inbox.conversation.snoozeUntil',
    defaultMessage: 'Another time ({zone})',
    description: "label of a date and time field read on the viewer's clock; zone is their time zone (Europe/Berlin)",
  },
  snoozeCustom: { id: 'inbox.conversation.snoozeCustom', defaultMessage: 'Snooze until then' },
  setAssignee: {
    id: 'inbox.conversation.setAssignee',
    defaultMessage: 'Assign',
    description: 'button, without script',
  },
  setStatus: {
    id: 'inbox.conversation.setStatus',
    defaultMessage: 'Set status',
    description: 'button, without script',
  },
  setPriority: {
    id: 'inbox.conversation.setPriority',
    defaultMessage: 'Set priority',
    description: 'button, without script',
  },
  saveTags: { id: 'inbox.conversation.saveTags', defaultMessage: 'Save tags' },
  priority: { id: 'inbox.conversation.priority', defaultMessage: 'Priority' },
  tags: { id: 'inbox.conversation.tags', defaultMessage: 'Tags' },
  tagsPlaceholder: {
    id: 'inbox.conversation.tagsPlaceholder',
    defaultMessage: 'billing, vip',
    description: 'example tags, comma-separated',
  },
  tagsInUse: { id: 'inbox.conversation.tagsInUse', defaultMessage: 'In use: {tags}' },
  onPost: { id: 'inbox.conversation.onPost', defaultMessage: 'On the post', description: 'the post commented on' },
  openOnPlatform: { id: 'inbox.conversation.openOnPlatform', defaultMessage: '(open on {platform})' },
  postTextMissing: {
    id: 'inbox.conversation.postTextMissing',
    defaultMessage: 'The post’s text was not part of the notification.',
    description: "the platform's notification about the comment did not include the post's text",
  },
});

/** The thread and its history (thread.tsx). */
export const thread = defineMessages({
  system: { id: 'inbox.thread.system', defaultMessage: 'System', description: 'who did it: no person' },
  formerTeammate: { id: 'inbox.thread.formerTeammate', defaultMessage: 'A former teammate' },
  formerTeammateObject: {
    id: 'inbox.thread.formerTeammateObject',
    defaultMessage: 'A former teammate',
    description: 'whom a conversation was assigned to ("assigned it to …")',
  },
  nobody: {
    id: 'inbox.thread.nobody',
    defaultMessage: 'nobody',
    description: 'whom a conversation was assigned to ("assigned it to …")',
  },
  apiKey: { id: 'inbox.thread.apiKey', defaultMessage: 'An API key', description: 'who wrote a note or reply' },
  created: { id: 'inbox.thread.created', defaultMessage: 'Conversation started' },
  reopened: { id: 'inbox.thread.reopened', defaultMessage: 'Reopened by a new post' },
  snoozeEnded: { id: 'inbox.thread.snoozeEnded', defaultMessage: 'Snooze ended: open again' },
  // `by` is `you` when the viewer did it ("You closed…"), else `other` with the teammate as `actor`.
  statusChanged: {
    id: 'inbox.thread.statusChanged',
    defaultMessage:
      '{by, select, you {You changed the status from {from} to {to}} other {{actor} changed the status from {from} ' +
      'to {to}}}',
  },
  snoozed: {
    id: 'inbox.thread.snoozed',
    defaultMessage:
      '{by, select, you {You snoozed it until {time} {zone}} other {{actor} snoozed it until {time} {zone}}}',
    description: 'zone is the time zone (UTC)',
  },
  assigned: {
    id: 'inbox.thread.assigned',
    defaultMessage:
      '{by, select, you {{to, select, self {You assigned it to yourself} other {You assigned it to {person}}}} ' +
      'other {{to, select, self {{actor} assigned it to themselves} you {{actor} assigned it to you} ' +
      'other {{actor} assigned it to {person}}}}}',
    description: 'to: self (the one who did it), you (the viewer) or other (person)',
  },
  unassigned: {
    id: 'inbox.thread.unassigned',
    defaultMessage: '{by, select, you {You unassigned it} other {{actor} unassigned it}}',
  },
  priority: {
    id: 'inbox.thread.priority',
    defaultMessage:
      '{by, select, you {You set the priority to {priority}} other {{actor} set the priority to {priority}}}',
  },
  tags: {
    id: 'inbox.thread.tags',
    defaultMessage: '{by, select, you {You set the tags: {tags}} other {{actor} set the tags: {tags}}}',
  },
  tagsRemoved: {
    id: 'inbox.thread.tagsRemoved',
    defaultMessage: '{by, select, you {You removed the tags} other {{actor} removed the tags}}',
  },
  rule: {
    id: 'inbox.thread.rule',
    defaultMessage: 'Rule “{rule}” {actions}',
    description: 'actions: what the routing rule did, comma-separated (inbox.thread.rule.*)',
  },
  ruleMatched: { id: 'inbox.thread.ruleMatched', defaultMessage: 'Rule “{rule}” matched' },
  ruleAssigned: { id: 'inbox.thread.rule.assigned', defaultMessage: 'assigned it to {person}' },
  ruleNotAssigned: { id: 'inbox.thread.rule.notAssigned', defaultMessage: 'could not assign it ({reason})' },
  ruleTagged: { id: 'inbox.thread.rule.tagged', defaultMessage: 'tagged it {tags}' },
  rulePriority: { id: 'inbox.thread.rule.priority', defaultMessage: 'set the priority to {priority}' },
  ruleSpam: { id: 'inbox.thread.rule.spam', defaultMessage: 'marked it spam' },
  retracted: {
    id: 'inbox.thread.retracted',
    defaultMessage:
      '{by, select, you {You took the response down on the platform} other {{actor} took the response down on the ' +
      'platform}}',
  },
  moderated: {
    id: 'inbox.thread.moderated',
    defaultMessage:
      '{by, select, you {You} other {{actor}}} {action, select, hide {hid} unhide {showed again} delete {deleted} ' +
      'like {liked} other {{action}}} a post on the platform',
  },
  moderatedYoutube: {
    id: 'inbox.thread.moderatedYoutube',
    defaultMessage:
      '{by, select, you {You} other {{actor}}} {action, select, hide {held for review} unhide {published} ' +
      'delete {rejected} like {liked} other {{action}}} a comment on YouTube',
  },
  moderate: {
    id: 'inbox.thread.moderate',
    defaultMessage: '{action, select, hide {Hide} unhide {Show again} delete {Delete} like {Like} other {{action}}}',
  },
  moderateYoutube: {
    id: 'inbox.thread.moderateYoutube',
    defaultMessage:
      '{action, select, hide {Hold for review} unhide {Publish} delete {Reject} like {Like} other {{action}}}',
  },
  hidden: { id: 'inbox.thread.hidden', defaultMessage: 'hidden on the platform' },
  deleted: { id: 'inbox.thread.deleted', defaultMessage: 'deleted on the platform' },
  hiddenYoutube: { id: 'inbox.thread.hiddenYoutube', defaultMessage: 'held for review' },
  deletedYoutube: { id: 'inbox.thread.deletedYoutube', defaultMessage: 'rejected or deleted' },
  actOnPost: { id: 'inbox.thread.actOnPost', defaultMessage: 'Act on this post on {platform}' },
  internalNote: { id: 'inbox.thread.internalNote', defaultMessage: 'Internal note' },
  updatedAfterReply: { id: 'inbox.thread.updatedAfterReply', defaultMessage: 'Updated after our reply' },
  changedAfterReply: {
    id: 'inbox.thread.changedAfterReply',
    defaultMessage: 'The author changed this {time}; the response may need another look.',
  },
  edited: { id: 'inbox.thread.edited', defaultMessage: 'Edited {time}' },
  openOn: { id: 'inbox.thread.openOn', defaultMessage: 'Open on {platform}' },
  stars: { id: 'inbox.thread.stars', defaultMessage: '{rating} of 5 stars', description: 'a review rating' },
  truncated: { id: 'inbox.thread.truncated', defaultMessage: 'Shown in part: the post is longer than we keep.' },
  readAll: { id: 'inbox.thread.readAll', defaultMessage: 'Read it all on {platform}' },
  intentsCorrected: { id: 'inbox.thread.intentsCorrected', defaultMessage: 'intents corrected' },
  liked: { id: 'inbox.thread.liked', defaultMessage: 'liked', description: 'we liked the post on its platform' },
  correct: { id: 'inbox.thread.correct', defaultMessage: 'Correct sentiment or intent' },
  sentiment: { id: 'inbox.thread.sentiment', defaultMessage: 'Sentiment' },
  asAnalysed: { id: 'inbox.thread.asAnalysed', defaultMessage: 'As analysed ({label})' },
  none: { id: 'inbox.thread.none', defaultMessage: 'none', description: 'no label, no intents' },
  intents: { id: 'inbox.thread.intents', defaultMessage: 'Intents' },
  resetIntents: { id: 'inbox.thread.resetIntents', defaultMessage: 'Use the analysed intents again ({intents})' },
  saveCorrection: { id: 'inbox.thread.saveCorrection', defaultMessage: 'Save correction' },
  replyStatus: {
    id: 'inbox.thread.replyStatus',
    defaultMessage: '{status, select, queued {Queued} sending {Sending} sent {Sent} failed {Failed} other {{status}}}',
  },
  reply: { id: 'inbox.thread.reply', defaultMessage: 'Reply', description: 'badge of a reply we sent' },
  uncertain: { id: 'inbox.thread.uncertain', defaultMessage: 'Uncertain', description: 'a reply maybe sent' },
  uncertainText: {
    id: 'inbox.thread.uncertainText',
    defaultMessage:
      'An earlier attempt may have reached {platform} without an answer: it is looked up there before anything ' +
      'is sent again.',
  },
  takenDown: { id: 'inbox.thread.takenDown', defaultMessage: 'Taken down' },
  noLongerShown: { id: 'inbox.thread.noLongerShown', defaultMessage: 'No longer shown on {platform}.' },
  deleteResponse: { id: 'inbox.thread.deleteResponse', defaultMessage: 'Delete response' },
  viewOn: { id: 'inbox.thread.viewOn', defaultMessage: 'View on {platform}' },
  willRetry: { id: 'inbox.thread.willRetry', defaultMessage: 'Will retry: {error}' },
  notSent: { id: 'inbox.thread.notSent', defaultMessage: 'Not sent: {error}' },
  noReason: { id: 'inbox.thread.noReason', defaultMessage: 'no reason given' },
  retry: { id: 'inbox.thread.retry', defaultMessage: 'Retry' },
});

/** The author beside the thread (author-card.tsx). */
export const author = defineMessages({
  title: { id: 'inbox.author.title', defaultMessage: 'Author' },
  followers: { id: 'inbox.author.followers', defaultMessage: 'Followers' },
  mentions: { id: 'inbox.author.mentions', defaultMessage: 'Mentions' },
  firstSeen: { id: 'inbox.author.firstSeen', defaultMessage: 'First seen' },
  score: { id: 'inbox.author.score', defaultMessage: '/ 100 score', description: 'after the score: 72 / 100 score' },
  sentimentOverTime: { id: 'inbox.author.sentimentOverTime', defaultMessage: 'Sentiment over time' },
  notLinked: { id: 'inbox.author.notLinked', defaultMessage: 'Not linked to a contact.' },
  others: { id: 'inbox.author.others', defaultMessage: 'Other conversations' },
  noneOpen: { id: 'inbox.author.noneOpen', defaultMessage: 'None open.' },
});

/** Notices and problems of the inbox's forms (pages.tsx). */
export const flash = defineMessages({
  updated: { id: 'inbox.flash.updated', defaultMessage: 'Saved.' },
  next: {
    id: 'inbox.flash.next',
    defaultMessage: 'Saved. Here is the next conversation of your list.',
    description: 'after closing, snoozing or assigning away the one before',
  },
  bulk: { id: 'inbox.flash.bulk', defaultMessage: 'Applied to the selected conversations.' },
  noted: { id: 'inbox.flash.noted', defaultMessage: 'Note added.' },
  queued: { id: 'inbox.flash.queued', defaultMessage: 'Reply queued: it shows as sent once the platform has it.' },
  retried: { id: 'inbox.flash.retried', defaultMessage: 'Trying the reply again.' },
  retracted: { id: 'inbox.flash.retracted', defaultMessage: 'The response was taken down.' },
  corrected: { id: 'inbox.flash.corrected', defaultMessage: 'Correction saved.' },
  hide: { id: 'inbox.flash.hide', defaultMessage: 'Hidden on the platform.' },
  unhide: { id: 'inbox.flash.unhide', defaultMessage: 'Shown again on the platform.' },
  delete: { id: 'inbox.flash.delete', defaultMessage: 'Deleted on the platform.' },
  like: { id: 'inbox.flash.like', defaultMessage: 'Liked on the platform.' },
  bulkNothing: {
    id: 'inbox.flash.bulkNothing',
    defaultMessage: 'Choose what to change: an assignee, a status, a priority or a tag.',
  },
  fieldSelection: { id: 'inbox.flash.field.selection', defaultMessage: 'Selection', description: 'a form field' },
  fieldAddTag: { id: 'inbox.flash.field.addTag', defaultMessage: 'Add tag', description: 'a form field' },
  fieldNote: { id: 'inbox.flash.field.note', defaultMessage: 'Note', description: 'a form field' },
});
