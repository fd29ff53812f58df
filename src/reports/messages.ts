import { defineMessages } from '@formatjs/intl';

/** The words of the reports pages: the dashboard, spike alerts and the weekly digest (English source). */
export const reports = defineMessages({
  back: { id: 'reports.back', defaultMessage: '← Reports', description: 'link back to the dashboard' },
  rangeFallback: {
    id: 'reports.dashboard.rangeFallback',
    defaultMessage: 'Showing the last 30 days: {reason}',
    description: 'flash when the asked range does not fit; reason is why',
  },

  // The dashboard
  title: { id: 'reports.dashboard.title', defaultMessage: 'Reports' },
  range: {
    id: 'reports.dashboard.range',
    defaultMessage: '{from} to {to} ({zone})',
    description: "zone: the workspace's IANA time zone its report days are counted in, e.g. Europe/Berlin",
  },
  filterRange: { id: 'reports.dashboard.filter.range', defaultMessage: 'Range' },
  lastDays: {
    id: 'reports.dashboard.filter.lastDays',
    defaultMessage: '{days, plural, one {Last # day} other {Last # days}}',
  },
  custom: { id: 'reports.dashboard.filter.custom', defaultMessage: 'Custom' },
  from: { id: 'reports.dashboard.filter.from', defaultMessage: 'From' },
  to: { id: 'reports.dashboard.filter.to', defaultMessage: 'To' },
  by: { id: 'reports.dashboard.filter.by', defaultMessage: 'By', description: 'label of the day / week choice' },
  day: { id: 'reports.dashboard.filter.day', defaultMessage: 'Day' },
  week: { id: 'reports.dashboard.filter.week', defaultMessage: 'Week' },
  topic: { id: 'reports.dashboard.filter.topic', defaultMessage: 'Topic' },
  all: { id: 'reports.dashboard.filter.all', defaultMessage: 'All' },
  platform: { id: 'reports.dashboard.filter.platform', defaultMessage: 'Platform' },
  language: { id: 'reports.dashboard.filter.language', defaultMessage: 'Language' },
  sources: { id: 'reports.dashboard.filter.sources', defaultMessage: 'Sources' },
  source: {
    id: 'reports.dashboard.filter.source',
    defaultMessage: '{source, select, mentions {mentions} reviews {reviews} community {community} other {{source}}}',
    description: 'a report channel',
  },
  show: { id: 'reports.dashboard.filter.show', defaultMessage: 'Show' },

  figureMentions: { id: 'reports.dashboard.figure.mentions', defaultMessage: 'Mentions' },
  figurePositive: { id: 'reports.dashboard.figure.positive', defaultMessage: 'Positive' },
  figureNegative: { id: 'reports.dashboard.figure.negative', defaultMessage: 'Negative' },
  figureUncertain: { id: 'reports.dashboard.figure.uncertain', defaultMessage: 'Uncertain' },
  figureNet: { id: 'reports.dashboard.figure.net', defaultMessage: 'Net sentiment' },
  compareChange: {
    id: 'reports.dashboard.figure.compareChange',
    defaultMessage: '{change} vs previous {days, plural, one {day} other {# days}}',
    description: 'change: "+12%"; days: how long the range (and the period before it) is',
  },
  compareSame: {
    id: 'reports.dashboard.figure.compareSame',
    defaultMessage: 'no change vs previous {days, plural, one {day} other {# days}}',
  },
  compareNone: { id: 'reports.dashboard.figure.compareNone', defaultMessage: 'no data in the previous period' },
  compareShare: {
    id: 'reports.dashboard.figure.compareShareDays',
    defaultMessage: '{share} in the previous {days, plural, one {day} other {# days}}',
    description: 'share: "38%", the same share in the period before',
  },
  compareUncertain: {
    id: 'reports.dashboard.figure.compareUncertainDays',
    defaultMessage: '{share} in the previous {days, plural, one {day} other {# days}}; below the confidence threshold',
  },
  compareNet: {
    id: 'reports.dashboard.figure.compareNetDays',
    defaultMessage: '{net} in the previous {days, plural, one {day} other {# days}}',
  },
  compareNetNone: {
    id: 'reports.dashboard.figure.compareNetNoneYet',
    defaultMessage: 'no positive or negative mentions in the previous period',
  },

  downloadCsv: { id: 'reports.dashboard.downloadCsv', defaultMessage: 'Download CSV' },
  noMentions: { id: 'reports.dashboard.noMentions', defaultMessage: 'No mentions in this range.' },
  dataTable: { id: 'reports.dashboard.dataTable', defaultMessage: 'Data table' },

  volumeTitle: { id: 'reports.dashboard.volume.title', defaultMessage: 'Volume and sentiment' },
  volumeAlt: {
    id: 'reports.dashboard.volume.alt',
    defaultMessage:
      '{interval, select, week {Mentions per week by sentiment, with net sentiment} ' +
      'other {Mentions per day by sentiment, with net sentiment}}',
  },
  weekOf: { id: 'reports.dashboard.weekOf', defaultMessage: 'Week of' },
  positive: { id: 'reports.dashboard.col.positive', defaultMessage: 'Positive' },
  neutral: { id: 'reports.dashboard.col.neutral', defaultMessage: 'Neutral' },
  negative: { id: 'reports.dashboard.col.negative', defaultMessage: 'Negative' },
  uncertain: { id: 'reports.dashboard.col.uncertain', defaultMessage: 'Uncertain' },
  uncertainHint: {
    id: 'reports.dashboard.col.uncertainHint',
    defaultMessage: "Labels less sure than the workspace's confidence threshold",
  },
  unscored: { id: 'reports.dashboard.col.unscored', defaultMessage: 'Unscored' },
  total: { id: 'reports.dashboard.col.total', defaultMessage: 'Total' },
  net: { id: 'reports.dashboard.col.net', defaultMessage: 'Net' },
  mentions: { id: 'reports.dashboard.col.mentions', defaultMessage: 'Mentions' },

  voiceTitle: { id: 'reports.dashboard.voice.title', defaultMessage: 'Share of voice' },
  voiceEmpty: {
    id: 'reports.dashboard.voice.empty',
    defaultMessage: 'None of your brand, competitor or product topics was mentioned in this range.',
  },
  voiceNoTopics: {
    id: 'reports.dashboard.voice.noTopics',
    defaultMessage: 'No brand, competitor or product topics yet: add them under Settings to compare your share.',
  },
  voiceAlt: {
    id: 'reports.dashboard.voice.alt',
    defaultMessage: "Each brand and competitor topic's share of their mentions, in percent, by sentiment",
  },
  share: { id: 'reports.dashboard.voice.share', defaultMessage: 'Share' },
  topicKind: {
    id: 'reports.dashboard.voice.topicKind',
    defaultMessage:
      '{kind, select, brand {brand} competitor {competitor} product {product} campaign {campaign} other {{kind}}}',
  },

  platformsTitle: { id: 'reports.dashboard.platforms.title', defaultMessage: 'Platforms' },
  platformsAlt: { id: 'reports.dashboard.platforms.alt', defaultMessage: 'Mentions per platform' },

  termsTitle: { id: 'reports.dashboard.terms.title', defaultMessage: 'Top terms' },
  termsAlt: { id: 'reports.dashboard.terms.alt', defaultMessage: 'The most used key terms, by sentiment' },
  termsEmpty: { id: 'reports.dashboard.terms.empty', defaultMessage: 'No key terms in this range.' },
  keyTerms: { id: 'reports.dashboard.terms.keyTerms', defaultMessage: 'Key terms' },
  hashtags: { id: 'reports.dashboard.terms.hashtags', defaultMessage: 'Hashtags' },
  aspects: { id: 'reports.dashboard.terms.aspects', defaultMessage: 'Aspects' },
  term: { id: 'reports.dashboard.terms.term', defaultMessage: 'Term' },

  authorsTitle: { id: 'reports.dashboard.authors.title', defaultMessage: 'Top authors' },
  authorsSort: { id: 'reports.dashboard.authors.sort', defaultMessage: 'Sort by:' },
  byVolume: { id: 'reports.dashboard.authors.byMentions', defaultMessage: 'most mentions' },
  byReach: { id: 'reports.dashboard.authors.byFollowers', defaultMessage: 'most followers' },
  noAuthors: {
    id: 'reports.dashboard.authors.none',
    defaultMessage: 'No authors linked to contacts in this range.',
  },
  contact: { id: 'reports.dashboard.authors.contact', defaultMessage: 'Contact' },
  followers: { id: 'reports.dashboard.authors.followers', defaultMessage: 'Followers' },
  score: { id: 'reports.dashboard.authors.score', defaultMessage: 'Score' },
  stage: {
    id: 'reports.dashboard.authors.stage',
    defaultMessage:
      '{stage, select, subscriber {subscriber} lead {lead} customer {customer} advocate {advocate} ' +
      'detractor {detractor} other {{stage}}}',
    description: "a contact's lifecycle stage (a workspace's own stages are shown as they are)",
  },

  responsesTitle: { id: 'reports.dashboard.responses.title', defaultMessage: 'Inbox response times' },
  responsesEmpty: { id: 'reports.dashboard.responses.empty', defaultMessage: 'No replies sent in this range.' },
  responsesAlt: {
    id: 'reports.dashboard.responses.alt',
    defaultMessage: 'Median first response per agent, in minutes',
  },
  agent: { id: 'reports.dashboard.responses.agent', defaultMessage: 'Agent' },
  conversations: { id: 'reports.dashboard.responses.conversations', defaultMessage: 'Conversations' },
  firstResponse: {
    id: 'reports.dashboard.responses.firstResponse',
    defaultMessage: 'First response (median, min)',
  },
  resolution: { id: 'reports.dashboard.responses.resolution', defaultMessage: 'Resolution (median, min)' },
  withinSla: { id: 'reports.dashboard.responses.withinSla', defaultMessage: 'Within SLA' },
  unassigned: {
    id: 'reports.dashboard.responses.unassigned',
    defaultMessage: 'Unassigned',
    description: 'the row of conversations nobody was assigned',
  },
  allAgents: { id: 'reports.dashboard.responses.all', defaultMessage: 'All', description: 'the row of all agents' },

  ratingsTitle: { id: 'reports.dashboard.ratings.title', defaultMessage: 'Review ratings' },
  ratingsEmpty: { id: 'reports.dashboard.ratings.empty', defaultMessage: 'No reviews in this range.' },
  ratingsAlt: {
    id: 'reports.dashboard.ratings.alt',
    defaultMessage: 'Reviews per number of stars, and the average rating per week',
  },
  ratedCount: {
    id: 'reports.dashboard.ratings.rated',
    defaultMessage: '({count, plural, one {# review} other {# reviews}})',
  },
  ratingsSummary: {
    id: 'reports.dashboard.ratings.summary',
    defaultMessage:
      '{count, plural, one {# review} other {# reviews}}, ' +
      '{hasAverage, select, yes {{average} stars on average} other {no average yet}}' +
      '{hasShare, select, yes {; {share} recommend ({positive} yes, {negative} no)} other {}}',
    description: 'hasAverage / hasShare: yes or no',
  },
  where: { id: 'reports.dashboard.ratings.where', defaultMessage: 'Where' },
  reviews: { id: 'reports.dashboard.ratings.reviews', defaultMessage: 'Reviews' },
  averageStars: { id: 'reports.dashboard.ratings.averageStars', defaultMessage: 'Average stars' },
  recommend: { id: 'reports.dashboard.ratings.recommend', defaultMessage: 'Recommend' },
  doNot: { id: 'reports.dashboard.ratings.doNot', defaultMessage: 'Do not', description: 'do not recommend' },
  average: { id: 'reports.dashboard.ratings.average', defaultMessage: 'Average' },

  // Chart legends and axes
  chartSeries: {
    id: 'reports.chart.series',
    defaultMessage:
      '{series, select, positive {positive} neutral {neutral} negative {negative} uncertain {uncertain} ' +
      'unscored {unscored} net {net} other {{series}}}',
  },
  axisMentions: { id: 'reports.chart.axis.mentions', defaultMessage: 'mentions' },
  axisNet: { id: 'reports.chart.axis.net', defaultMessage: 'net' },
  axisMinutes: { id: 'reports.chart.axis.minutes', defaultMessage: 'minutes' },
  axisReviews: { id: 'reports.chart.axis.reviews', defaultMessage: 'reviews' },
  axisAverage: { id: 'reports.chart.axis.average', defaultMessage: 'average' },

  // Spike alerts
  alertsTitle: { id: 'reports.alerts.title', defaultMessage: 'Spike alerts' },
  saved: { id: 'reports.alerts.saved', defaultMessage: 'Saved.' },
  alertsEmpty: {
    id: 'reports.alerts.empty',
    defaultMessage: "No spikes yet. Each topic's last hour is compared with its usual hour every five minutes.",
  },
  alertReason: {
    id: 'reports.alerts.reason',
    defaultMessage: '{reason, select, volume {volume spike} negative {negative sentiment} other {{reason}}}',
  },
  alertHeading: { id: 'reports.alerts.heading', defaultMessage: '{topic}: {reasons}' },
  alertWindow: {
    id: 'reports.alerts.window',
    defaultMessage: '{start} – {end} {zone}',
    description: 'the hour a spike was seen in; zone: the time zone the times are in',
  },
  alertSummary: {
    id: 'reports.alerts.summary',
    defaultMessage:
      '{count, plural, one {# mention} other {# mentions}} in an hour (usually {usual}), ' +
      '{share} negative (usually {usualShare}).',
  },
  seeMentions: { id: 'reports.alerts.seeMentions', defaultMessage: 'See the mentions' },
  webhookStatus: {
    id: 'reports.alerts.webhookStatus',
    defaultMessage: '{status, select, none {none} pending {pending} sent {sent} failed {failed} other {{status}}}',
  },
  webhook: { id: 'reports.alerts.webhook', defaultMessage: 'Webhook: {status}' },
  webhookWithError: { id: 'reports.alerts.webhookWithError', defaultMessage: 'Webhook: {status} ({error})' },
  settingsTitle: { id: 'reports.alerts.settings.title', defaultMessage: 'Thresholds and webhook' },
  enabled: { id: 'reports.alerts.settings.enabled', defaultMessage: 'Raise spike alerts' },
  volumeFactor: {
    id: 'reports.alerts.settings.volumeFactor',
    defaultMessage: 'Volume: alert at this many times the usual hour',
  },
  minVolume: { id: 'reports.alerts.settings.minVolume', defaultMessage: '…and at least this many mentions' },
  negativeShareRise: {
    id: 'reports.alerts.settings.negativeShareRise',
    defaultMessage: 'Negative share: alert when it rises this many points over usual',
  },
  webhookUrl: { id: 'reports.alerts.settings.webhookUrl', defaultMessage: 'Webhook URL (optional)' },
  webhookSecret: {
    id: 'reports.alerts.settings.webhookSecret',
    defaultMessage:
      '{set, select, yes {Signing secret (set; leave empty to keep it)} ' +
      'other {Signing secret (at least 16 characters)}}',
    description: 'set: yes when a secret is stored',
  },
  signature: {
    id: 'reports.alerts.settings.signature',
    defaultMessage:
      "Each call carries X-Social-CRM-Signature: t='<'unix time'>',v1='<'hex HMAC-SHA256 of \"t.body\"'>'.",
    description: 'the header format; keep the header name, t=, v1= and "t.body" as they are',
  },
  save: { id: 'reports.alerts.settings.save', defaultMessage: 'Save' },
  labelVolume: { id: 'reports.alerts.field.volumeFactor', defaultMessage: 'Volume', description: 'in form errors' },
  labelMinVolume: { id: 'reports.alerts.field.minVolume', defaultMessage: 'Mentions at least' },
  labelNegativeShare: { id: 'reports.alerts.field.negativeShareRise', defaultMessage: 'Negative share' },
  labelWebhookUrl: { id: 'reports.alerts.field.webhookUrl', defaultMessage: 'Webhook URL' },
  labelSecret: { id: 'reports.alerts.field.webhookSecret', defaultMessage: 'Signing secret' },

  // The weekly digest
  digestTitle: { id: 'reports.digest.title', defaultMessage: 'Weekly digest' },
  digestRange: {
    id: 'reports.digest.range',
    defaultMessage: '{from} to {to} ({zone}), against the week before',
    description: "zone: the workspace's IANA time zone its report days are counted in, e.g. Europe/Berlin",
  },
  digestRangeSoFar: {
    id: 'reports.digest.rangeSoFar',
    defaultMessage: '{from} to {to} ({zone}) so far, against the same days of the week before',
    description: "zone: the workspace's IANA time zone its report days are counted in, e.g. Europe/Berlin",
  },
  digestPeriod: {
    id: 'reports.digest.period',
    defaultMessage: '{period, select, current {This week so far} other {Last full week}}',
    description: 'the two weeks the digest can show, as links',
  },
  digestPeriods: { id: 'reports.digest.periods', defaultMessage: 'Week', description: 'label of the week links' },
  digestMentions: { id: 'reports.digest.mentions', defaultMessage: 'Mentions' },
  digestChange: {
    id: 'reports.digest.change',
    defaultMessage: '{kind, select, new {no data in the week before} other {{change} on the week before}}',
    description: 'kind new: none the week before; change: "+200%"',
  },
  digestNet: { id: 'reports.digest.net', defaultMessage: 'Net sentiment' },
  digestNetBefore: { id: 'reports.digest.netBefore', defaultMessage: '{net} the week before' },
  digestNetNoneBefore: {
    id: 'reports.digest.netNoneBefore',
    defaultMessage: 'no positive or negative mentions the week before',
  },
  digestOpen: { id: 'reports.digest.open', defaultMessage: 'Open conversations' },
  digestOpenDetail: {
    id: 'reports.digest.openDetail',
    defaultMessage: '{unassigned} unassigned, {overdue} past their first-response time',
  },
  digestAlerts: { id: 'reports.digest.alerts', defaultMessage: 'Spike alerts' },
  digestThisWeek: {
    id: 'reports.digest.inPeriod',
    defaultMessage: '{period, select, current {this week so far} other {in that week}}',
  },
  digestNoBiggest: {
    id: 'reports.digest.noBiggest',
    defaultMessage: '{period, select, current {No mentions this week yet.} other {No mentions in that week.}}',
  },
  digestTalked: { id: 'reports.digest.talked', defaultMessage: 'What people talked about' },
  digestNothing: { id: 'reports.digest.nothing', defaultMessage: 'Nothing yet.' },
  digestBiggest: { id: 'reports.digest.biggest', defaultMessage: 'Biggest mentions' },
  digestSomeone: { id: 'reports.digest.someone', defaultMessage: 'someone', description: 'an author without a name' },
  digestFollowers: {
    id: 'reports.digest.followers',
    defaultMessage: '{count, plural, one {# follower} other {# followers}}',
  },
  digestSentiment: {
    id: 'reports.digest.sentiment',
    defaultMessage:
      '{label, select, positive {positive} negative {negative} neutral {neutral} mixed {mixed} unscored {unscored} ' +
      'other {{label}}}',
  },
});

/** The reports' own problems with a query or the alert settings (API and forms alike). */
export const reportInputWords = defineMessages({
  day: { id: 'reports.input.day', defaultMessage: 'a date as YYYY-MM-DD' },
  dayFrom: {
    id: 'reports.input.dayFrom',
    defaultMessage: 'a date from {earliest} on',
    description: 'earliest is the first day reports know, as 2000-01-01',
  },
  inOrder: { id: 'reports.input.inOrder', defaultMessage: '`from` must not be after `to`' },
  webhookUrl: { id: 'reports.input.webhookUrl', defaultMessage: 'must start with http:// or https://' },
  secretLength: { id: 'reports.input.secretLength', defaultMessage: 'at least {min, number} characters' },
});
