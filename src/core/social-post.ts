/**
 * The one platform-neutral shape every connector returns. Nothing past the connector knows which
 * platform's JSON a post came from (the raw JSON rides along, untouched, for the record).
 */
export interface SocialAuthor {
  externalId: string | null;
  handle: string | null;
  name: string | null;
  followers: number | null;
  bio: string | null;
  url: string | null;
  avatarUrl: string | null;
  verified: boolean;
  /**
   * Emails the platform itself confirmed belong to this account (not what the bio says): enough to
   * link the account to the contact with that email. The public APIs we poll give none today.
   */
  verifiedEmails?: string[];
}

export interface SocialPost {
  externalId: string;
  url: string | null;
  kind: 'post' | 'comment' | 'article';
  title: string | null;
  text: string;
  lang: string | null;
  createdAt: Date;
  author: SocialAuthor;
  replyToExternalId: string | null;
  threadExternalId: string | null;
  metrics: Record<string, number>;
  /** The platform says this post was deleted or withheld: kept, and marked. */
  deleted: boolean;
  /**
   * Which of the account's products or places a review is about (an app, a Google Business location): an
   * admin maps it to a product topic on the source. Absent where a platform has no such thing.
   */
  place?: { id: string; name: string | null };
  raw: unknown;
}
