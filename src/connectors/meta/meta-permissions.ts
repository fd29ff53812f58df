/**
 * The permissions Meta grants this app, in one place: what Connect with Facebook and Connect Threads ask
 * for (README lists each with what it is for), and the names an error message may repeat to an admin.
 */
export const FACEBOOK_SCOPES = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_engagement',
  'pages_read_user_content',
  // Subscribing the Page to the app's webhooks (/{page-id}/subscribed_apps).
  'pages_manage_metadata',
  'instagram_basic',
  'instagram_manage_comments',
] as const;

export const THREADS_SCOPES = [
  'threads_basic',
  'threads_read_replies',
  'threads_manage_replies',
  'threads_keyword_search',
  'threads_manage_mentions',
  // Replies are published like posts (a container, then threads_publish).
  'threads_content_publish',
] as const;

/** Every permission a Meta error message may name; only these are repeated to the admin. */
export const META_PERMISSIONS = [...FACEBOOK_SCOPES, ...THREADS_SCOPES] as const;
