import { defineMessages } from '@formatjs/intl';

/** The facts that set a conversation's priority, one message a code (English source; German in de.json). */
export const priorityFacts = defineMessages({
  churn_risk: { id: 'inbox.priority.fact.churnRisk', defaultMessage: 'churn risk' },
  complaint: { id: 'inbox.priority.fact.complaint', defaultMessage: 'complaint' },
  question: { id: 'inbox.priority.fact.question', defaultMessage: 'question' },
  purchase_intent: { id: 'inbox.priority.fact.purchaseIntent', defaultMessage: 'purchase intent' },
  waiting_long: { id: 'inbox.priority.fact.waitingLong', defaultMessage: 'waiting over 4 h' },
  waiting_day: { id: 'inbox.priority.fact.waitingDay', defaultMessage: 'waiting over a day' },
  praise_only: { id: 'inbox.priority.fact.praiseOnly', defaultMessage: 'praise only' },
  nothing_pressing: { id: 'inbox.priority.fact.nothingPressing', defaultMessage: 'nothing pressing' },
  set_by_staff: { id: 'inbox.priority.fact.setByStaff', defaultMessage: 'set by staff' },
  rule: { id: 'inbox.priority.fact.rule', defaultMessage: 'rule: {rule}', description: 'rule is the rule’s name' },
  sentiment: {
    id: 'inbox.priority.fact.sentiment',
    defaultMessage:
      '{very, select, yes {very negative} other {{label, select, positive {positive} negative {negative} ' +
      'neutral {neutral} mixed {mixed} other {{label}}}}}',
    description: 'the sentiment label of the latest post; very is yes for a very negative one',
  },
  sentimentSure: {
    id: 'inbox.priority.fact.sentimentSure',
    defaultMessage: '{sentiment} (confidence {confidence})',
    description: 'sentiment is the label (inbox.priority.fact.sentiment); confidence like 0.9',
  },
  uncertain: {
    id: 'inbox.priority.fact.uncertain',
    defaultMessage: '{sentiment}? (uncertain, {confidence}) not counted',
    description: 'a label less sure than the workspace’s threshold; sentiment as in inbox.priority.fact.sentiment',
  },
  followers: {
    id: 'inbox.priority.fact.followers',
    defaultMessage: '{thousands}k followers',
    description: 'the author’s followers in thousands, rounded (30k followers)',
  },
});
