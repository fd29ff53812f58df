import { defineMessages } from '@formatjs/intl';

/** The inbox list's filter bar, its chips and the split view (inbox-page.tsx); the rest is in ./messages. */
export const bar = defineMessages({
  filters: {
    id: 'inbox.list.bar.filters',
    defaultMessage: '{count, plural, =0 {Filters} other {Filters (#)}}',
    description: 'the disclosure holding every filter; count is how many are set',
  },
  activeFilters: { id: 'inbox.list.bar.activeFilters', defaultMessage: 'Active filters' },
  chip: { id: 'inbox.list.bar.chip', defaultMessage: '{filter}: {value}', description: 'an active filter' },
  removeFilter: {
    id: 'inbox.list.bar.removeFilter',
    defaultMessage: 'Remove the filter {filter}: {value}',
    description: 'label of the ✕ link of a filter chip',
  },
  words: { id: 'inbox.list.bar.words', defaultMessage: 'Words' },
  selected: {
    id: 'inbox.list.bar.selected',
    defaultMessage: 'Change the selected conversations',
    description: 'aria-label of the bulk bar shown once rows are ticked',
  },
  newItems: {
    id: 'inbox.list.bar.newItems',
    defaultMessage: 'New conversations',
    description: 'aria-label of the banner that offers to show conversations which arrived while reading',
  },
  pane: { id: 'inbox.list.pane', defaultMessage: 'Conversation', description: 'aria-label of the split view pane' },
  openFull: { id: 'inbox.list.pane.openFull', defaultMessage: 'Open the conversation' },
  closePane: { id: 'inbox.list.pane.close', defaultMessage: 'Close the conversation pane' },
  notifications: {
    id: 'inbox.list.toasts',
    defaultMessage: 'Notifications',
    description: 'aria-label of the area where "Closed. Undo" messages appear',
  },
});
