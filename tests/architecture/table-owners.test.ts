import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileTree } from '../helpers/file-tree';
import { tableOwnerProblems, tablesOf } from '../../scripts/deps/table-owners';

const tree = (files: Record<string, string>) => fileTree(files, 'table-owners-');

/** Posts owns `posts`; people owns `people` and reads posts only through the owner's function. */
const CLEAN = {
  'src/posts/schema.ts': "import { pgTable } from 'drizzle-orm/pg-core';\nexport const posts = pgTable('posts', {});\n",
  'src/posts/index.ts': "export { posts } from './schema';\nexport { postCount } from './count';\n",
  'src/posts/count.ts':
    "import { sql } from 'drizzle-orm';\n" +
    'export const postCount = (db) => db.execute(sql`select count(*) from posts`);\n',
  'src/people/schema.ts':
    "import { pgTable } from 'drizzle-orm/pg-core';\nimport { posts } from '../posts';\n" +
    "export const people = pgTable('people', { ref: posts });\n",
  'src/people/stats.ts':
    "import { sql } from 'drizzle-orm';\nimport { postCount } from '../posts';\n" +
    'export const stats = (db) => [postCount(db), db.execute(sql`select * from people join x on true`)];\n',
  'src/people/page.tsx': 'export const Page = () => <p>Select the people from posts you like</p>;\n',
};

describe('the table-owner check', () => {
  it('finds each table and the feature that defines it', () => {
    expect(tablesOf(join(tree(CLEAN), 'src'))).toEqual([
      { name: 'people', variable: 'people', feature: 'people' },
      { name: 'posts', variable: 'posts', feature: 'posts' },
    ]);
  });

  it("passes owners' own SQL, a schema's foreign key, calls to the owner, and prose that is not SQL", () => {
    expect(tableOwnerProblems(tree(CLEAN))).toEqual([]);
  });

  it("fails SQL naming another feature's table: sql template, sql.raw, sql.identifier, a statement string", () => {
    const root = tree({
      ...CLEAN,
      'src/people/stats.ts':
        "import { sql } from 'drizzle-orm';\n" +
        'export const a = (db, id) => db.execute(sql`update posts set x = 1 where id = ${id}`);\n' +
        "export const b = sql.raw('select 1 from people p join posts q on true');\n" +
        "export const c = 'select id from posts';\n" +
        "export const d = (db) => db.execute(sql`delete from ${sql.identifier('posts')}`);\n",
    });
    expect(tableOwnerProblems(root)).toEqual([
      'src/people/stats.ts:2 names posts in SQL (owner: posts)',
      'src/people/stats.ts:3 names posts in SQL (owner: posts)',
      'src/people/stats.ts:4 names posts in SQL (owner: posts)',
      'src/people/stats.ts:5 names posts in SQL (owner: posts)',
    ]);
  });

  it("fails code outside the owner that imports another feature's table object, and not a type import", () => {
    const root = tree({
      ...CLEAN,
      'src/people/stats.ts':
        "import { posts } from '../posts';\nexport const stats = (db) => db.select().from(posts);\n",
      'src/people/types.ts': "import type { posts } from '../posts';\nexport type Post = typeof posts;\n",
    });
    expect(tableOwnerProblems(root)).toEqual(['src/people/stats.ts:1 uses table posts (owner: posts)']);
  });

  it('holds for this repository: every table is touched by its owner only', () => {
    expect(tableOwnerProblems(process.cwd())).toEqual([]);
  });
});
