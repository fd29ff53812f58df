import { issueMemberLink } from '../../community';
import {
  addComment,
  communityBySlug,
  createIdea,
  type PostContext,
  saveReview,
  setVote,
  signUp,
  verifyEmail,
} from '../../community';
import { newSecret } from '../../core/tokens';
import type { MemberInfo } from '../../http/env';
import type { SeedClient } from './seed-client';

/**
 * The public board's story: customers join over the months, post ideas, vote and comment, review the
 * product; Sara (admin) moves ideas along, so the roadmap has something planned, in progress and shipped.
 * Members act through the board's own services (as its pages do), staff through the API.
 */
const DAY_MS = 86_400_000;

const MEMBERS = [
  { name: 'Hana Sato', email: 'hana@example.org' },
  { name: 'Luis Ortega', email: 'luis@example.org' },
  { name: 'Grace Mensah', email: 'grace@example.org' },
  { name: 'Piotr Nowak', email: 'piotr@example.org' },
  { name: 'Amira Haddad', email: 'amira@example.org' },
  { name: 'Jonas Berg', email: 'jonas@example.org' },
];

/** Each idea: who posted it and when (days ago), who voted, and where staff took it. */
const IDEAS = [
  {
    by: 0,
    daysAgo: 78,
    title: 'Oat milk at every location',
    body: 'Only some cafés have it. Please make oat milk standard everywhere!',
    voters: [1, 2, 3, 4, 5],
    status: { to: 'shipped', daysAgo: 30, note: 'Oat milk is now on the menu in every café. Thanks for asking!' },
  },
  {
    by: 1,
    daysAgo: 64,
    title: 'Open earlier on weekends',
    body: 'I would love a coffee before my Saturday run, 7:00 instead of 9:00.',
    voters: [0, 3, 5],
    status: { to: 'in_progress', daysAgo: 12, note: 'Trying 7:30 openings in two cafés this month.' },
  },
  {
    by: 2,
    daysAgo: 51,
    title: 'Loyalty card in the app',
    body: 'Paper stamp cards get lost. A card in the app would be great.',
    voters: [0, 1, 4],
    status: { to: 'planned', daysAgo: 20, note: 'Planned for next quarter.' },
  },
  {
    by: 3,
    daysAgo: 37,
    title: 'More vegan lunch options',
    body: 'The lunch menu has one vegan dish. More variety, please.',
    voters: [2, 4],
    status: { to: 'under_review', daysAgo: 9, note: null },
  },
  {
    by: 4,
    daysAgo: 15,
    title: 'Bring back the winter menu',
    body: 'The spiced hot chocolate was the best thing all year.',
    voters: [5],
    status: null,
  },
] as const;

const COMMENTS = [
  { idea: 0, by: 3, daysAgo: 70, body: 'Yes please, my local café never has it.' },
  { idea: 1, by: 5, daysAgo: 60, body: 'Same here, weekends start early for families too.' },
  { idea: 2, by: 4, daysAgo: 45, body: 'And let us pay with it too!' },
  { idea: 3, by: 2, daysAgo: 30, body: 'A lentil soup would be lovely.' },
];

const REVIEWS = [
  { by: 0, daysAgo: 72, rating: 5, title: 'My daily stop', body: 'Great coffee and friendly staff every morning.' },
  { by: 1, daysAgo: 58, rating: 4, title: 'Good, a bit pricey', body: 'Lovely pastries, but prices went up again.' },
  { by: 2, daysAgo: 41, rating: 2, title: 'Slow at lunch', body: 'Waited twenty minutes for a sandwich. Not great.' },
  { by: 3, daysAgo: 26, rating: 5, title: 'Best flat white in town', body: 'Smooth, strong and always hot.' },
  { by: 4, daysAgo: 11, rating: 3, title: 'Fine', body: 'Nice place, but the wifi keeps dropping.' },
  { by: 5, daysAgo: 4, rating: 4, title: 'Cosy', body: 'A quiet corner to work in, and the oat milk is back.' },
];

export interface BoardSeed {
  slug: string;
  productId: string;
  adminToken: string;
  baseUrl: string;
}

export async function seedBoard(client: SeedClient, seed: BoardSeed, now: Date) {
  const { deps } = client;
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const community = await communityBySlug(deps.db, seed.slug);
  const ws = community.workspace;
  const members: MemberInfo[] = [];
  for (const [i, m] of MEMBERS.entries()) {
    const joined = ago(85 - i * 3);
    client.at = joined;
    // They never sign in: a password nobody knows, hashed like any other.
    await signUp(
      deps,
      community,
      { email: m.email, password: newSecret(16), displayName: m.name },
      { ip: `demo-seed-${i}`, baseUrl: seed.baseUrl, now: joined },
    );
    const link = await issueMemberLink(deps.db, ws, m.email, 'verify', joined);
    const token = new URL(link, seed.baseUrl).searchParams.get('token')!;
    const row = await verifyEmail(deps, community, token, joined);
    members.push({
      id: row.id,
      workspaceId: ws.id,
      email: row.email,
      displayName: row.displayName,
      verified: true,
      csrfToken: '',
    });
  }
  const ctx = (member: number, at: Date): PostContext => {
    client.at = at;
    return { deps: client.deps, community, member: members[member]!, baseUrl: seed.baseUrl, now: at };
  };

  const ideaIds: string[] = [];
  for (const idea of IDEAS) {
    const created = await createIdea(ctx(idea.by, ago(idea.daysAgo)), { title: idea.title, body: idea.body });
    ideaIds.push(created.id);
    for (const [n, voter] of idea.voters.entries()) {
      const at = ago(idea.daysAgo - 1 - n);
      client.at = at;
      await setVote(deps.db, community, members[voter]!, created.id, true, at);
    }
  }
  for (const c of COMMENTS) await addComment(ctx(c.by, ago(c.daysAgo)), ideaIds[c.idea]!, c.body);

  for (const [i, idea] of IDEAS.entries()) {
    if (!idea.status) continue;
    client.at = ago(idea.status.daysAgo);
    await client.request(seed.adminToken, 'PATCH', `/ideas/${ideaIds[i]}`, {
      status: idea.status.to,
      statusNote: idea.status.note,
    });
  }
  // Last: the reviews' presence is what tells a later start the seed ran (demo-workspace.ts).
  for (const r of REVIEWS)
    await saveReview(ctx(r.by, ago(r.daysAgo)), {
      topicId: seed.productId,
      rating: r.rating,
      title: r.title,
      body: r.body,
    });
  client.at = now;
}
