import type { SocialAuthor, SocialPost } from '../../src/core/social-post';

/** A platform author for tests: every field empty unless given. */
export const socialAuthor = (a: Partial<SocialAuthor> = {}): SocialAuthor => ({
  externalId: null,
  handle: null,
  name: null,
  followers: null,
  bio: null,
  url: null,
  avatarUrl: null,
  verified: false,
  ...a,
});

/** A post as a connector returns it; id, text and time come from the test, the rest is empty. */
export const socialPost = (
  p: Pick<SocialPost, 'externalId' | 'text' | 'createdAt'> & Partial<SocialPost>,
): SocialPost => ({
  url: null,
  kind: 'post',
  title: null,
  lang: null,
  author: socialAuthor(),
  replyToExternalId: null,
  threadExternalId: null,
  metrics: {},
  deleted: false,
  raw: {},
  ...p,
});
