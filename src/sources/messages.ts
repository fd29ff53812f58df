import { defineMessages } from '@formatjs/intl';

/** The words of Settings > Sources and of connecting an account (English source; German in de.json). */
export const sourcesMessages = defineMessages({
  health: {
    id: 'sources.health.status',
    defaultMessage:
      '{status, select, ok {healthy} degraded {degraded} failing {failing} paused {paused} other {{status}}}',
  },
  pollingNow: { id: 'sources.health.pollingNow', defaultMessage: 'polling now' },
  connectWith: {
    id: 'sources.connect.with',
    defaultMessage: '{reconnect, select, yes {Reconnect with {platform}} other {Connect with {platform}}}',
    description: 'button signing in with a platform (Facebook) to add or renew its sources',
  },
  connectPlatform: {
    id: 'sources.connect.platform',
    defaultMessage: '{reconnect, select, yes {Reconnect {platform}} other {Connect {platform}}}',
    description: 'button signing in with a platform (Threads, Google, LinkedIn) to add or renew its sources',
  },

  listTitle: { id: 'sources.list.title', defaultMessage: 'Sources' },
  listEmpty: { id: 'sources.list.empty', defaultMessage: 'No sources yet. Add one below to start listening.' },
  listSource: { id: 'sources.list.source', defaultMessage: 'Source' },
  listHealth: { id: 'sources.list.health', defaultMessage: 'Health' },
  lastSuccess: { id: 'sources.list.lastSuccess', defaultMessage: 'Last success' },
  nextPoll: { id: 'sources.list.nextPoll', defaultMessage: 'Next poll' },
  credentialsNeeded: { id: 'sources.list.credentialsNeeded', defaultMessage: 'credentials needed again' },
  addSource: { id: 'sources.list.add', defaultMessage: 'Add a source' },
  connectHint: {
    id: 'sources.list.connectHint',
    defaultMessage:
      'Sign in once: Facebook Pages with their Instagram accounts; Threads; YouTube channels and Google reviews; ' +
      'LinkedIn Pages.',
  },

  newTitle: { id: 'sources.new.title', defaultMessage: 'Add {platform}' },
  newName: { id: 'sources.new.name', defaultMessage: 'Name' },
  newPollEvery: { id: 'sources.new.pollEvery', defaultMessage: 'Poll every (seconds)' },
  newSubmit: { id: 'sources.new.submit', defaultMessage: 'Add source' },

  allSources: { id: 'sources.source.allSources', defaultMessage: 'All sources' },
  credentialsCleared: {
    id: 'sources.source.credentialsCleared',
    defaultMessage:
      'The address of this source moved to another host, so its stored credentials were removed: ' +
      'they never follow a source to a new host. Enter them again below.',
  },
  platform: { id: 'sources.source.platform', defaultMessage: 'Platform' },
  mentionsStored: { id: 'sources.source.mentionsStored', defaultMessage: 'Mentions stored' },
  lastPoll: { id: 'sources.source.lastPoll', defaultMessage: 'Last poll' },
  paused: { id: 'sources.source.paused', defaultMessage: 'paused' },
  pollInterval: { id: 'sources.source.pollInterval', defaultMessage: 'Poll interval' },
  intervalSeconds: { id: 'sources.source.intervalSeconds', defaultMessage: '{seconds} s' },
  intervalWebhooks: {
    id: 'sources.source.intervalWebhooks',
    defaultMessage:
      '{seconds} s (webhooks are live: polled every {minutes, plural, one {# minute} other {# minutes}} or more, ' +
      'as a safety net)',
  },
  lastWebhook: { id: 'sources.source.lastWebhook', defaultMessage: 'Last webhook' },
  failuresInARow: { id: 'sources.source.failuresInARow', defaultMessage: 'Failures in a row' },
  lastError: { id: 'sources.source.lastError', defaultMessage: 'Last error' },
  errorAt: { id: 'sources.source.errorAt', defaultMessage: '{error} ({at})', description: 'an error and when' },
  noError: { id: 'sources.source.noError', defaultMessage: 'none', description: 'no last error' },
  credentials: { id: 'sources.source.credentials', defaultMessage: 'Credentials' },
  noCredentials: { id: 'sources.source.noCredentials', defaultMessage: 'none', description: 'no credentials stored' },
  credentialsStored: { id: 'sources.source.credentialsStored', defaultMessage: 'stored, encrypted' },
  credentialsRemoved: {
    id: 'sources.source.credentialsRemoved',
    defaultMessage: 'removed when the host changed: enter them again',
  },
  accessEnds: { id: 'sources.source.accessEnds', defaultMessage: 'Access ends' },
  never: { id: 'sources.source.never', defaultMessage: 'never' },
  permissions: { id: 'sources.source.permissions', defaultMessage: 'Permissions' },
  notReported: { id: 'sources.source.notReported', defaultMessage: 'not reported' },
  verify: { id: 'sources.source.verify', defaultMessage: 'Verify credentials' },
  pollNow: { id: 'sources.source.pollNow', defaultMessage: 'Poll now' },
  resume: { id: 'sources.source.resume', defaultMessage: 'Resume' },
  pause: { id: 'sources.source.pause', defaultMessage: 'Pause' },
  deleteSource: { id: 'sources.source.delete', defaultMessage: 'Delete source' },
  enterCredentialsAgain: { id: 'sources.source.enterCredentialsAgain', defaultMessage: 'Enter the credentials again' },
  replaceCredentials: { id: 'sources.source.replaceCredentials', defaultMessage: 'Replace credentials' },
  credentialsNote: {
    id: 'sources.source.credentialsNote',
    defaultMessage: "Stored encrypted, never shown again; they are sent only to this source's address.",
  },
  saveCredentials: { id: 'sources.source.saveCredentials', defaultMessage: 'Save credentials' },
  backfill: { id: 'sources.source.backfill', defaultMessage: 'Backfill' },
  backfillProgress: { id: 'sources.source.backfillProgress', defaultMessage: 'Backfill progress' },
  backfillRunning: {
    id: 'sources.source.backfillRunning',
    defaultMessage: '{percent} of {days, plural, one {# day} other {# days}}',
  },
  backfillDone: {
    id: 'sources.source.backfillDone',
    defaultMessage: 'done: {days, plural, one {# day} other {# days}}',
  },
  backfillFailed: { id: 'sources.source.backfillFailed', defaultMessage: 'failed' },
  backfillCounts: {
    id: 'sources.source.backfillCounts',
    defaultMessage:
      '{pages, plural, one {# page} other {# pages}}, {fetched, plural, one {# post} other {# posts}} fetched, ' +
      '{inserted} new',
  },
  backfillIntro: {
    id: 'sources.source.backfillIntro',
    defaultMessage: 'Fetch older posts, as far back as the platform keeps them.',
  },
  backfillDays: { id: 'sources.source.backfillDays', defaultMessage: 'Days' },
  startBackfill: { id: 'sources.source.startBackfill', defaultMessage: 'Start backfill' },

  hashtagsTitle: { id: 'sources.hashtags.title', defaultMessage: 'Hashtags' },
  hashtagsUse: {
    id: 'sources.hashtags.use',
    defaultMessage:
      '{searched} of {limit, plural, one {# different hashtag} other {# different hashtags}} searched in the last ' +
      "{days, plural, one {# day} other {# days}} (the platform's limit; a new one waits until one drops out of " +
      'the window).',
  },
  hashtagsNone: {
    id: 'sources.hashtags.none',
    defaultMessage: "No topic has hashtags. Add #hashtags to a topic's query to search them here.",
  },
  hashtagState: {
    id: 'sources.hashtags.state',
    defaultMessage:
      '{state, select, searched {searched} next {searched at the next poll} waiting {waits for room} other {{state}}}',
  },

  placesTitle: { id: 'sources.places.title', defaultMessage: 'Products and places' },
  placesIntro: {
    id: 'sources.places.intro',
    defaultMessage:
      "Which product each app or location's reviews are about: the ratings report, Reviews and the dashboard " +
      'filter by it, for reviews stored before the choice too.',
  },
  placesEmpty: {
    id: 'sources.places.empty',
    defaultMessage: 'No reviews yet: the apps or locations appear here with the first ones.',
  },
  placeReviews: { id: 'sources.places.reviews', defaultMessage: '({count, plural, one {# review} other {# reviews}})' },
  noProduct: { id: 'sources.places.noProduct', defaultMessage: 'No product' },
  saveProducts: { id: 'sources.places.save', defaultMessage: 'Save products' },

  quotaTitle: { id: 'sources.quota.title', defaultMessage: 'API quota today' },
  quotaUsed: {
    id: 'sources.quota.used',
    defaultMessage: '{used} of {limit, plural, one {# unit} other {# units}} used; {left} left until',
    description: 'followed by sources.quota.midnight (a time element), then sources.quota.plan',
  },
  quotaMidnight: { id: 'sources.quota.midnight', defaultMessage: 'midnight Pacific time' },
  quotaPlan: {
    id: 'sources.quota.plan',
    defaultMessage:
      '. Polling is planned to stay inside them: searches ({cost, plural, one {# unit} other {# units}} each) are ' +
      'spread over the day.',
    description: 'follows sources.quota.midnight',
  },
  quotaMeter: { id: 'sources.quota.meter', defaultMessage: 'Units used today' },

  connectTitle: { id: 'sources.connect.title', defaultMessage: 'Connect {platform}' },
  connectResultTitle: { id: 'sources.connect.resultTitle', defaultMessage: 'Connect' },
  chooseWhat: { id: 'sources.connect.choose', defaultMessage: 'Choose what to listen to' },
  noPages: {
    id: 'sources.connect.noPages',
    defaultMessage:
      'This Facebook account manages no Pages. Sign in with an account that has a role on the Page, or ask the ' +
      "Page's admin for one.",
  },
  pagesLegend: { id: 'sources.connect.pagesLegend', defaultMessage: 'Pages and their Instagram accounts' },
  facebookPage: { id: 'sources.connect.facebookPage', defaultMessage: '{name} (Facebook Page)' },
  instagramOf: { id: 'sources.connect.instagramOf', defaultMessage: '{account} (Instagram, linked to {page})' },
  accessGranted: { id: 'sources.connect.accessGranted', defaultMessage: 'Access granted: {scopes}.' },
  reconnectBefore: {
    id: 'sources.connect.reconnectBefore',
    defaultMessage: 'Reconnect before {date}; admins are reminded {days, plural, one {# day} other {# days}} ahead.',
  },
  reconnectBeforeRenews: {
    id: 'sources.connect.reconnectBeforeRenews',
    defaultMessage:
      'Reconnect before {date} unless it renews itself; admins are reminded ' +
      '{days, plural, one {# day} other {# days}} ahead.',
  },
  addSelected: { id: 'sources.connect.addSelected', defaultMessage: 'Add selected' },
  threadsNote: {
    id: 'sources.connect.threadsNote',
    defaultMessage: 'Threads signs in separately, with the Threads profile to listen to.',
  },
  tryAgain: { id: 'sources.connect.tryAgain', defaultMessage: 'Try again' },
  noGoogle: {
    id: 'sources.connect.noGoogle',
    defaultMessage: 'This Google account owns no YouTube channel and manages no Business Profile location.',
  },
  noLinkedin: {
    id: 'sources.connect.noLinkedin',
    defaultMessage:
      'This LinkedIn member administers no Page. Ask a Page admin to give you the Super admin or Content admin role.',
  },
  added: { id: 'sources.connect.added', defaultMessage: '{count, plural, one {# added} other {# added}}' },
  reconnected: {
    id: 'sources.connect.reconnected',
    defaultMessage: '{count, plural, one {# reconnected} other {# reconnected}}',
  },
  connected: { id: 'sources.connect.connected', defaultMessage: 'Connected: {added}. Polling starts now.' },
  connectedWebhooks: {
    id: 'sources.connect.connectedWebhooks',
    defaultMessage: 'Connected: {added}. Polling starts now; new comments arrive by webhook.',
  },

  verified: {
    id: 'sources.notice.verified',
    defaultMessage: '{ok, select, yes {Verified} other {Not verified}}: {message}',
    description: "the platform's own answer follows, in English",
  },
  verifiedAccount: {
    id: 'sources.notice.verifiedAccount',
    defaultMessage: '{ok, select, yes {Verified} other {Not verified}}: {message} ({account})',
    description: "the platform's own answer follows, in English, then the account it names",
  },
  polled: {
    id: 'sources.notice.polled',
    defaultMessage: 'Polled: {fetched} fetched, {inserted} new, {duplicates} already stored.',
  },
  pollFailed: { id: 'sources.notice.pollFailed', defaultMessage: 'Poll failed: {error}' },
  pollBusy: {
    id: 'sources.notice.pollBusy',
    defaultMessage: 'This source is being polled right now; try again in a moment.',
  },
  enterCredentials: { id: 'sources.notice.enterCredentials', defaultMessage: 'Enter the credentials to store.' },
  credentialsSaved: { id: 'sources.notice.credentialsSaved', defaultMessage: 'Credentials saved.' },
  choosePlaceProducts: { id: 'sources.notice.choosePlaceProducts', defaultMessage: 'Choose a product for each place.' },
  productsSaved: { id: 'sources.notice.productsSaved', defaultMessage: 'Products saved.' },
  okAdded: { id: 'sources.notice.added', defaultMessage: 'Source added; its first poll starts now.' },
  okPaused: { id: 'sources.notice.paused', defaultMessage: 'Source paused: it is not polled until you resume it.' },
  okResumed: { id: 'sources.notice.resumed', defaultMessage: 'Source resumed; it is polled now.' },
  okBackfill: { id: 'sources.notice.backfill', defaultMessage: 'Backfill started; its progress shows below.' },
  okDeleted: { id: 'sources.notice.deleted', defaultMessage: 'Source deleted. The mentions it brought in stay.' },
  deleteExplain: {
    id: 'sources.source.delete.explain',
    defaultMessage:
      '{name} is no longer polled and its stored credentials are deleted. {count, plural, =0 {It has brought ' +
      'in no mentions.} one {The # mention it brought in stays in the inbox and reports.} other {The # mentions ' +
      'it brought in stay in the inbox and reports.}}',
  },
  deleteConfirm: { id: 'sources.source.delete.confirm', defaultMessage: 'Yes, delete this source' },
  verifyOnSave: {
    id: 'sources.form.verifyOnSave',
    defaultMessage:
      'Saving tries the credentials with {platform} first: ' +
      'if it refuses them, nothing is saved and this form says why.',
  },
});

/**
 * The "add a source" forms (platform-forms.ts): each platform's name, what it reads, and its fields. The
 * numbers they say are arguments, formatted for the reader.
 */
export const platformFormMessages = defineMessages({
  tokenUrl: { id: 'sources.form.tokenUrl', defaultMessage: 'Token address' },
  tokenUrlHelp: {
    id: 'sources.form.tokenUrlHelp',
    defaultMessage: "Leave empty for the platform's own; set it for a test server.",
  },
  baseUrl: { id: 'sources.form.baseUrl', defaultMessage: 'API address' },
  baseUrlHelp: {
    id: 'sources.form.baseUrlHelp',
    defaultMessage: 'Leave empty for the official endpoint; set it for a self-hosted instance or a test server.',
  },
  accessToken: { id: 'sources.form.accessToken', defaultMessage: 'Access token' },
  pageAccessToken: { id: 'sources.form.pageAccessToken', defaultMessage: 'Page access token' },
  refreshToken: { id: 'sources.form.refreshToken', defaultMessage: 'Refresh token' },
  password: { id: 'sources.form.password', defaultMessage: 'Password' },
  oauthClientId: { id: 'sources.form.oauthClientId', defaultMessage: 'OAuth client id' },
  oauthClientSecret: { id: 'sources.form.oauthClientSecret', defaultMessage: 'OAuth client secret' },

  xIntro: {
    id: 'sources.form.x.intro',
    defaultMessage:
      'Searches recent posts for your topics with an app bearer token. Replies need the account keys too.',
  },
  xAccessSearch: {
    id: 'sources.form.x.accessSearch',
    defaultMessage:
      'Searching needs an X developer app whose access includes recent search (GET /2/tweets/search/recent): ' +
      'X API Basic or higher, or pay-per-use credits. The Free level can only post, so X refuses its bearer token ' +
      'for searching.',
  },
  xAccessReplies: {
    id: 'sources.form.x.accessReplies',
    defaultMessage:
      'Replying from the inbox also needs the app’s API key and secret and the account’s access token and secret, ' +
      'generated after the app’s permissions were set to “Read and write”.',
  },
  xPortal: { id: 'sources.form.x.portal', defaultMessage: 'Open the X developer portal' },
  xBearerToken: { id: 'sources.form.x.bearerToken', defaultMessage: 'Bearer token' },
  xAccountHandle: { id: 'sources.form.x.accountHandle', defaultMessage: 'Your account (@handle)' },
  xAccountHandleHelp: { id: 'sources.form.x.accountHandleHelp', defaultMessage: 'Mentions of it are searched too.' },
  xQuery: { id: 'sources.form.x.query', defaultMessage: 'Search override' },
  xQueryHelp: { id: 'sources.form.x.queryHelp', defaultMessage: 'Leave empty to search for all active topics.' },
  xAppKey: { id: 'sources.form.x.appKey', defaultMessage: 'API key (for replies)' },
  xAppSecret: { id: 'sources.form.x.appSecret', defaultMessage: 'API key secret' },
  xAccessSecret: { id: 'sources.form.x.accessSecret', defaultMessage: 'Access token secret' },

  mastodonIntro: {
    id: 'sources.form.mastodon.intro',
    defaultMessage: 'Reads hashtag timelines and searches statuses on any instance; replies as the connected account.',
  },
  mastodonInstance: { id: 'sources.form.mastodon.instance', defaultMessage: 'Instance' },
  mastodonAccessTokenHelp: {
    id: 'sources.form.mastodon.accessTokenHelp',
    defaultMessage: 'Needed for search and replies; hashtags work without.',
  },

  blueskyIntro: {
    id: 'sources.form.bluesky.intro',
    defaultMessage: 'Searches posts (latest first) and replies with proper thread references.',
  },
  blueskyIdentifier: { id: 'sources.form.bluesky.identifier', defaultMessage: 'Handle or email' },
  blueskyAppPassword: { id: 'sources.form.bluesky.appPassword', defaultMessage: 'App password' },

  redditIntro: {
    id: 'sources.form.reddit.intro',
    defaultMessage: 'Searches new posts, and reads new comments of chosen subreddits, with a Reddit OAuth app.',
  },
  redditSubreddits: { id: 'sources.form.reddit.subreddits', defaultMessage: 'Subreddits' },
  redditSubredditsHelp: {
    id: 'sources.form.reddit.subredditsHelp',
    defaultMessage: 'Comma separated; empty searches all of Reddit (posts only).',
  },
  redditIncludeComments: { id: 'sources.form.reddit.includeComments', defaultMessage: 'Include comments' },
  redditClientId: { id: 'sources.form.reddit.clientId', defaultMessage: 'Client id' },
  redditClientSecret: { id: 'sources.form.reddit.clientSecret', defaultMessage: 'Client secret' },
  redditUsername: { id: 'sources.form.reddit.username', defaultMessage: 'Username (for replies)' },

  facebookLabel: { id: 'sources.form.facebook.label', defaultMessage: 'Facebook Page' },
  facebookIntro: {
    id: 'sources.form.facebook.intro',
    defaultMessage:
      "Reads the Page's feed (visitors' posts, every comment and reply), posts that tag the Page and its ratings, " +
      'and replies as the Page. Paste a Page access token (pages_read_engagement, pages_read_user_content, ' +
      'pages_manage_engagement).',
  },
  facebookPageId: { id: 'sources.form.facebook.pageId', defaultMessage: 'Page id' },
  facebookAppSecret: { id: 'sources.form.facebook.appSecret', defaultMessage: 'App secret' },
  facebookAppSecretHelp: {
    id: 'sources.form.facebook.appSecretHelp',
    defaultMessage: "Your Meta app's secret: every call then carries an appsecret_proof.",
  },

  instagramLabel: { id: 'sources.form.instagram.label', defaultMessage: 'Instagram account' },
  instagramIntro: {
    id: 'sources.form.instagram.intro',
    defaultMessage:
      "Reads the comments and replies on the account's recent media, media it is tagged in, and recent posts " +
      "under your topics' hashtags ({hashtags, plural, one {# different hashtag} other {# different hashtags}} " +
      'in {days, plural, one {# day} other {# days}}); replies under comments. Paste the linked ' +
      "Page's token (instagram_basic, instagram_manage_comments, pages_read_engagement).",
  },
  instagramUserId: { id: 'sources.form.instagram.userId', defaultMessage: 'Instagram account id' },
  instagramHashtags: { id: 'sources.form.instagram.hashtags', defaultMessage: "Search your topics' hashtags" },

  threadsLabel: { id: 'sources.form.threads.label', defaultMessage: 'Threads profile' },
  threadsIntro: {
    id: 'sources.form.threads.intro',
    defaultMessage:
      "Reads the replies under the profile's posts, posts that mention it, and keyword search for your topics " +
      '(sorted recent); replies as the profile. Paste a Threads access token (threads_basic, threads_read_replies, ' +
      'threads_manage_replies, threads_manage_mentions, threads_keyword_search).',
  },
  threadsUserId: { id: 'sources.form.threads.userId', defaultMessage: 'Threads user id' },
  threadsKeywordSearch: {
    id: 'sources.form.threads.keywordSearch',
    defaultMessage: 'Search your topics ({searches, plural, one {# search} other {# searches}} a day)',
  },

  linkedinLabel: { id: 'sources.form.linkedin.label', defaultMessage: 'LinkedIn Page' },
  linkedinIntro: {
    id: 'sources.form.linkedin.intro',
    defaultMessage:
      "Reads the comments and replies under your Page's posts and posts that mention the Page, and replies as the " +
      "Page. LinkedIn offers no search of members' posts: only what happens on or to your Page can be read. " +
      'Connect LinkedIn gives the token; or paste one with r_organization_social, w_organization_social and ' +
      "rw_organization_admin ({days, plural, one {# day} other {# days}}; with a refresh token and the app's " +
      'client it renews itself).',
  },
  linkedinOrganization: { id: 'sources.form.linkedin.organization', defaultMessage: 'Page (organization URN or id)' },
  linkedinClientId: { id: 'sources.form.linkedin.clientId', defaultMessage: 'App client id (for renewing)' },
  linkedinClientSecret: { id: 'sources.form.linkedin.clientSecret', defaultMessage: 'App client secret' },

  youtubeLabel: { id: 'sources.form.youtube.label', defaultMessage: 'YouTube channel' },
  youtubeIntro: {
    id: 'sources.form.youtube.intro',
    defaultMessage:
      "Reads the comments on your channel's videos (replies included) and, when searching is on, new videos that " +
      'mention your topics and their comments; replies as the channel and holds comments for review. YouTube gives ' +
      'a project {units, plural, one {# unit} other {# units}} a day and a search costs {cost, number}: ' +
      'polling plans to stay inside them and pauses until midnight Pacific time when they are spent. Connect ' +
      'Google gives the credentials; or paste an OAuth client and a refresh token with the youtube.force-ssl scope.',
  },
  youtubeChannelId: { id: 'sources.form.youtube.channelId', defaultMessage: 'Channel id' },
  youtubeSearch: {
    id: 'sources.form.youtube.search',
    defaultMessage: 'Search new videos for your topics ({cost, plural, one {# unit} other {# units}} a search)',
  },
  youtubeDailyQuota: {
    id: 'sources.form.youtube.dailyQuota',
    defaultMessage: 'Daily units of your Google Cloud project',
  },

  googleReviewsLabel: {
    id: 'sources.form.googleReviews.label',
    defaultMessage: 'Google reviews (Business Profile)',
  },
  googleReviewsIntro: {
    id: 'sources.form.googleReviews.intro',
    defaultMessage:
      "Reads each location's reviews with their stars (an edited review updates in place) and answers them as " +
      'the business; the answer is the public owner response. Connect Google gives the credentials; or paste an ' +
      'OAuth client and a refresh token with the business.manage scope.',
  },
  googleReviewsAccountId: { id: 'sources.form.googleReviews.accountId', defaultMessage: 'Account id' },
  googleReviewsLocationIds: { id: 'sources.form.googleReviews.locationIds', defaultMessage: 'Location ids' },

  appStoreLabel: { id: 'sources.form.appStore.label', defaultMessage: 'App Store reviews' },
  appStoreIntro: {
    id: 'sources.form.appStore.intro',
    defaultMessage:
      "Reads your app's customer reviews in every territory (newest first) and answers them: the answer is the " +
      'public developer response. Upload an App Store Connect API key (Users and Access > Integrations) with the ' +
      'Customer Support, App Manager or Admin role; it is tried once when saved and never shown again.',
  },
  appStoreAppId: { id: 'sources.form.appStore.appId', defaultMessage: 'Apple ID of the app' },
  appStoreAppIdHelp: {
    id: 'sources.form.appStore.appIdHelp',
    defaultMessage: 'App Store Connect > your app > App Information > Apple ID.',
  },
  appStoreIssuerId: { id: 'sources.form.appStore.issuerId', defaultMessage: 'Issuer id' },
  appStoreKeyId: { id: 'sources.form.appStore.keyId', defaultMessage: 'Key id' },
  appStorePrivateKey: { id: 'sources.form.appStore.privateKey', defaultMessage: 'Private key (.p8 file)' },

  googlePlayLabel: { id: 'sources.form.googlePlay.label', defaultMessage: 'Google Play reviews' },
  googlePlayIntro: {
    id: 'sources.form.googlePlay.intro',
    defaultMessage:
      "Reads your app's reviews with stars, device, app version and language, and answers them " +
      '({characters, plural, one {# character} other {# characters}}; the answer is the public developer reply). ' +
      'Google Play gives only the last {days, plural, one {# day} other {# days}} of reviews: polling keeps up, ' +
      'older ones cannot be fetched. Upload a service account key (JSON) and invite its email in Play Console ' +
      '(Users and permissions: View app information, Reply to reviews); it is tried once when saved.',
  },
  googlePlayPackageName: { id: 'sources.form.googlePlay.packageName', defaultMessage: 'Package name' },
  googlePlayServiceAccount: {
    id: 'sources.form.googlePlay.serviceAccount',
    defaultMessage: 'Service account key (.json file)',
  },

  hackernewsIntro: {
    id: 'sources.form.hackernews.intro',
    defaultMessage: 'Searches stories and comments by date through the public Algolia API. No key needed; no replies.',
  },

  rssLabel: { id: 'sources.form.rss.label', defaultMessage: 'RSS or Atom feed' },
  rssIntro: {
    id: 'sources.form.rss.intro',
    defaultMessage: 'Google Alerts, review sites, blogs: every new item is matched against your topics.',
  },
  rssFeedUrl: { id: 'sources.form.rss.feedUrl', defaultMessage: 'Feed address' },
  rssUsername: { id: 'sources.form.rss.username', defaultMessage: 'Username (protected feeds)' },

  demoLabel: { id: 'sources.form.demo.label', defaultMessage: 'Demo replay' },
  demoIntro: {
    id: 'sources.form.demo.intro',
    defaultMessage: 'Replays bundled public posts as if live. For trying the app without any account.',
  },
  demoBatch: { id: 'sources.form.demo.batch', defaultMessage: 'Posts per poll' },
});

/** What a Google or LinkedIn sign-in offers to listen to, and what it could not list. */
export const offerWords = defineMessages({
  youtube: { id: 'sources.offer.youtube', defaultMessage: 'YouTube channel' },
  linkedin: { id: 'sources.offer.linkedin', defaultMessage: 'LinkedIn Page' },
  googleReviews: {
    id: 'sources.offer.googleReviews',
    defaultMessage:
      'Google reviews of {count, plural, one {# location} other {# locations}}: {names}' +
      '{more, select, yes {, …} other {}}',
    description: 'names: the first locations’ names; more is yes when there are others',
  },
  unlisted: {
    id: 'sources.offer.unlisted',
    defaultMessage:
      '{what, select, youtube_channels {YouTube channels} other {Business Profile locations}} could not be listed: ' +
      '{reason}',
    description: 'reason is the platform’s own (English) words',
  },
  noRefreshToken: {
    id: 'sources.offer.noRefreshToken',
    defaultMessage:
      'Google gave no refresh token; remove the app under your Google account > Security and connect again',
  },
  notAProduct: { id: 'sources.offer.notAProduct', defaultMessage: 'not a brand or product', description: 'a topic' },
});
