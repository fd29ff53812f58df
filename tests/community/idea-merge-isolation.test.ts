import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ideas } from '../../src/community/schema';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * Merging ideas across workspaces, with REAL ids of the other workspace in the path and in the body:
 * a fake id would be refused whether or not each lookup is scoped to the workspace, so it proves nothing.
 */
let t: TestContext;
let a: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let b: Awaited<ReturnType<TestContext['seedWorkspace']>>;

beforeAll(async () => {
  t = await createTestContext();
  a = await t.seedWorkspace('Merge Alpha');
  b = await t.seedWorkspace('Merge Bravo');
});
afterAll(() => t.close());

const newIdea = async (workspaceId: string, title: string) =>
  (await t.db.insert(ideas).values({ workspaceId, title }).returning())[0]!;
const ideaRow = async (id: string) => (await t.db.select().from(ideas).where(eq(ideas.id, id)))[0]!;

describe('merging ideas across workspaces', () => {
  it("answers 404 when workspace A merges B's idea into one of its own, and B's idea stays as it was", async () => {
    const theirs = await newIdea(b.workspace.id, 'Bravo idea to steal');
    const ours = await newIdea(a.workspace.id, 'Alpha idea that would receive it');
    const res = await t.request('POST', `/api/v1/ideas/${theirs.id}/merge`, {
      token: a.token,
      body: { into: ours.id },
    });
    expect(res.status).toBe(404);
    expect(await ideaRow(theirs.id)).toMatchObject({ mergedIntoId: null, workspaceId: b.workspace.id });
  });

  it("answers 404 when workspace A merges one of its ideas into B's, and its own idea stays unmerged", async () => {
    const theirs = await newIdea(b.workspace.id, 'Bravo idea as a target');
    const ours = await newIdea(a.workspace.id, 'Alpha idea to move away');
    const res = await t.request('POST', `/api/v1/ideas/${ours.id}/merge`, {
      token: a.token,
      body: { into: theirs.id },
    });
    expect(res.status).toBe(404);
    expect((await ideaRow(ours.id)).mergedIntoId).toBeNull();
  });

  it('merges two ideas of one workspace (the route works: the 404s above are about the workspace)', async () => {
    const from = await newIdea(a.workspace.id, 'Alpha duplicate');
    const into = await newIdea(a.workspace.id, 'Alpha original');
    const res = await t.request('POST', `/api/v1/ideas/${from.id}/merge`, { token: a.token, body: { into: into.id } });
    expect(res.status).toBe(200);
    expect((await ideaRow(from.id)).mergedIntoId).toBe(into.id);
  });
});
