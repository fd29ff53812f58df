import { defineMessages } from '@formatjs/intl';

/** The words of Settings > Routing: rules, teams and their edit pages (English source; German in de.json). */
export const routingMessages = defineMessages({
  title: { id: 'inbox.routing.title', defaultMessage: 'Routing' },
  back: { id: 'inbox.routing.back', defaultMessage: '← Routing', description: 'link from an edit page to Routing' },
  ruleTitle: { id: 'inbox.routing.ruleTitle', defaultMessage: 'Rule: {name}' },
  teamTitle: { id: 'inbox.routing.teamTitle', defaultMessage: 'Team: {name}' },

  okRuleSaved: { id: 'inbox.routing.ok.ruleSaved', defaultMessage: 'Rule saved.' },
  okRuleDeleted: { id: 'inbox.routing.ok.ruleDeleted', defaultMessage: 'Rule deleted.' },
  okTeamSaved: { id: 'inbox.routing.ok.teamSaved', defaultMessage: 'Team saved.' },
  okTeamDeleted: { id: 'inbox.routing.ok.teamDeleted', defaultMessage: 'Team deleted.' },
  okMoved: { id: 'inbox.routing.ok.moved', defaultMessage: 'Order saved.' },
  deleteRuleConfirm: { id: 'inbox.routing.rule.delete.confirm', defaultMessage: 'Yes, delete this rule' },
  deleteRuleExplain: {
    id: 'inbox.routing.rule.delete.explain',
    defaultMessage:
      'New conversations are no longer routed by {name}. Conversations it already routed keep their assignee, ' +
      'tags and priority.',
  },
  deleteTeamConfirm: { id: 'inbox.routing.team.delete.confirm', defaultMessage: 'Yes, delete this team' },
  deleteTeamExplain: {
    id: 'inbox.routing.team.delete.explain',
    defaultMessage:
      'Rules that hand conversations round-robin to {name} stop assigning anyone. Conversations already ' +
      'assigned keep their assignee.',
  },
  fieldActions: {
    id: 'inbox.routing.field.actions',
    defaultMessage: 'Actions',
    description: 'names the actions of a rule in a form problem ("Actions: …")',
  },

  rules: { id: 'inbox.routing.rules', defaultMessage: 'Rules' },
  rulesHelp: {
    id: 'inbox.routing.rules.help',
    defaultMessage:
      'Every new conversation goes through the enabled rules from the top; each match is written in the ' +
      "conversation's history.",
  },
  rulesEmpty: {
    id: 'inbox.routing.rules.empty',
    defaultMessage: 'No rules yet: new conversations stay unassigned with their computed priority.',
  },
  columnRule: { id: 'inbox.routing.rules.column.rule', defaultMessage: 'Rule' },
  columnWhen: { id: 'inbox.routing.rules.column.when', defaultMessage: 'When' },
  columnThen: { id: 'inbox.routing.rules.column.then', defaultMessage: 'Then' },
  badgeDisabled: { id: 'inbox.routing.rules.badge.disabled', defaultMessage: 'disabled' },
  badgeStops: {
    id: 'inbox.routing.rules.badge.stops',
    defaultMessage: 'stops',
    description: 'a rule after which later rules are not tried',
  },
  disable: { id: 'inbox.routing.rules.disable', defaultMessage: 'Disable' },
  enable: { id: 'inbox.routing.rules.enable', defaultMessage: 'Enable' },
  delete: { id: 'inbox.routing.delete', defaultMessage: 'Delete' },
  addRuleHeading: { id: 'inbox.routing.rules.addHeading', defaultMessage: 'Add a rule' },
  addRule: { id: 'inbox.routing.rules.add', defaultMessage: 'Add rule' },
  save: { id: 'inbox.routing.save', defaultMessage: 'Save' },

  // What a rule does, in words: "on X or Mastodon; intent complaint; 10,000+ followers".
  or: { id: 'inbox.routing.describe.or', defaultMessage: '{a} or {b}', description: 'two choices of a condition' },
  quoted: { id: 'inbox.routing.describe.quoted', defaultMessage: '“{text}”', description: 'a keyword, quoted' },
  onPlatforms: { id: 'inbox.routing.describe.platforms', defaultMessage: 'on {platforms}' },
  aboutTopics: { id: 'inbox.routing.describe.topics', defaultMessage: 'about {topics}' },
  deletedTopic: { id: 'inbox.routing.describe.deletedTopic', defaultMessage: 'a deleted topic' },
  withIntents: { id: 'inbox.routing.describe.intents', defaultMessage: 'intent {intents}' },
  sentimentRange: { id: 'inbox.routing.describe.sentiment', defaultMessage: 'sentiment {min} to {max}' },
  minFollowers: { id: 'inbox.routing.describe.followers', defaultMessage: '{followers}+ followers' },
  saysKeywords: { id: 'inbox.routing.describe.keywords', defaultMessage: 'says {keywords}' },
  inLanguages: { id: 'inbox.routing.describe.languages', defaultMessage: 'in {languages}' },
  everyConversation: { id: 'inbox.routing.describe.every', defaultMessage: 'every new conversation' },
  assignTo: { id: 'inbox.routing.describe.assign', defaultMessage: 'assign to {name}' },
  formerTeammate: { id: 'inbox.routing.describe.formerTeammate', defaultMessage: 'a former teammate' },
  roundRobinIn: { id: 'inbox.routing.describe.roundRobin', defaultMessage: 'round-robin in {team}' },
  deletedTeam: { id: 'inbox.routing.describe.deletedTeam', defaultMessage: 'a deleted team' },
  tagWith: { id: 'inbox.routing.describe.tags', defaultMessage: 'tag {tags}' },
  setPriority: { id: 'inbox.routing.describe.priority', defaultMessage: 'priority {priority}' },
  markSpam: { id: 'inbox.routing.describe.markSpam', defaultMessage: 'mark spam' },

  intent: {
    id: 'inbox.routing.intent',
    defaultMessage:
      '{intent, select, question {question} complaint {complaint} praise {praise} ' +
      'feature_request {feature request} purchase_intent {purchase intent} churn_risk {churn risk} other {{intent}}}',
  },
  priority: {
    id: 'inbox.routing.priority',
    defaultMessage: '{priority, select, low {low} normal {normal} high {high} urgent {urgent} other {{priority}}}',
  },

  // The rule form.
  name: { id: 'inbox.routing.form.name', defaultMessage: 'Name' },
  namePlaceholder: { id: 'inbox.routing.form.name.placeholder', defaultMessage: 'VIP complaints' },
  platformsLegend: { id: 'inbox.routing.form.platforms', defaultMessage: 'When a new conversation is on' },
  topicsLegend: { id: 'inbox.routing.form.topics', defaultMessage: 'About a topic' },
  intentsLegend: { id: 'inbox.routing.form.intents', defaultMessage: 'With an intent' },
  sentimentFrom: { id: 'inbox.routing.form.sentimentFrom', defaultMessage: 'Sentiment from' },
  sentimentTo: { id: 'inbox.routing.form.sentimentTo', defaultMessage: 'to', description: 'Sentiment from … to …' },
  followersAtLeast: { id: 'inbox.routing.form.minFollowers', defaultMessage: 'Followers at least' },
  keywords: { id: 'inbox.routing.form.keywords', defaultMessage: 'Keywords (any, comma separated)' },
  keywordsPlaceholder: { id: 'inbox.routing.form.keywords.placeholder', defaultMessage: 'refund, cancel my account' },
  languages: { id: 'inbox.routing.form.languages', defaultMessage: 'Languages' },
  languagesPlaceholder: {
    id: 'inbox.routing.form.languages.placeholder',
    defaultMessage: 'en, de',
    description: 'example language codes',
  },
  thenAssign: { id: 'inbox.routing.form.assign', defaultMessage: 'Then assign' },
  nobody: { id: 'inbox.routing.form.assign.nobody', defaultMessage: 'Nobody' },
  roundRobinOption: { id: 'inbox.routing.form.assign.roundRobin', defaultMessage: 'Round-robin: {team}' },
  tags: { id: 'inbox.routing.form.tags', defaultMessage: 'Tags' },
  tagsPlaceholder: { id: 'inbox.routing.form.tags.placeholder', defaultMessage: 'vip, billing' },
  priorityLabel: { id: 'inbox.routing.form.priority', defaultMessage: 'Priority' },
  priorityComputed: {
    id: 'inbox.routing.form.priority.computed',
    defaultMessage: 'Computed',
    description: 'no priority set by the rule: the computed one stays',
  },
  markAsSpam: { id: 'inbox.routing.form.markSpam', defaultMessage: 'Mark as spam' },
  stopProcessing: { id: 'inbox.routing.form.stop', defaultMessage: 'Stop here: later rules are not tried' },
  enabled: { id: 'inbox.routing.form.enabled', defaultMessage: 'Enabled' },

  // Teams.
  teams: { id: 'inbox.routing.teams', defaultMessage: 'Teams' },
  teamsHelp: {
    id: 'inbox.routing.teams.help',
    defaultMessage:
      "Round-robin gives a new conversation to the team's agent who is online (signed in within " +
      '{minutes, plural, one {# minute} other {# minutes}}) with the fewest open conversations, skipping anyone ' +
      'at the cap.',
  },
  teamsEmpty: { id: 'inbox.routing.teams.empty', defaultMessage: 'No teams yet.' },
  columnTeam: { id: 'inbox.routing.teams.column.team', defaultMessage: 'Team' },
  columnCap: { id: 'inbox.routing.teams.column.cap', defaultMessage: 'Open cap per agent' },
  columnMembers: { id: 'inbox.routing.teams.column.members', defaultMessage: 'Members' },
  addTeamHeading: { id: 'inbox.routing.teams.addHeading', defaultMessage: 'Add a team' },
  addTeam: { id: 'inbox.routing.teams.add', defaultMessage: 'Add team' },
  teamName: { id: 'inbox.routing.teams.form.name', defaultMessage: 'Name' },
  teamCap: { id: 'inbox.routing.teams.form.cap', defaultMessage: 'Open conversations per agent at most' },
  teamMembers: { id: 'inbox.routing.teams.form.members', defaultMessage: 'Members' },
});
