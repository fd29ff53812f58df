import { describe, expect, it } from 'vitest';
import { fileTree } from '../helpers/file-tree';
import { check, cruise, cycleEdgesOf } from '../../scripts/deps/check';

// A small src/ tree per test, cruised with the repository's own .dependency-cruiser.cjs.
const tree = (files: Record<string, string>) => fileTree(files, 'deps-check-');

/** The house as it should be: shared core, two features that meet through an index, a server composing. */
const CLEAN = {
  'src/core/clock.ts': 'export const now = () => new Date();\n',
  'src/alpha/index.ts': "export { a } from './a';\n",
  'src/alpha/a.ts': "import { now } from '../core/clock';\nexport const a = () => now();\n",
  'src/beta/index.ts': "export { b } from './b';\n",
  'src/beta/b.ts': "import { a } from '../alpha';\nexport const b = () => a();\n",
  'src/server/app.ts': "import { a } from '../alpha';\nimport { b } from '../beta';\nexport const app = [a, b];\n",
};

describe('the dependency check', () => {
  it('passes a tree that keeps the rules', async () => {
    const report = await cruise(tree(CLEAN));
    expect(report.violations).toEqual([]);
    expect(report.cycleEdges).toEqual([]);
    expect([...report.graph.get('server')!.keys()].sort()).toEqual(['alpha', 'beta']);
  });

  it('fails a deep import into another feature', async () => {
    const report = await cruise(
      tree({ ...CLEAN, 'src/beta/b.ts': "import { a } from '../alpha/a';\nexport const b = () => a();\n" }),
    );
    expect(report.violations).toEqual(['no-deep-import: src/beta/b.ts → src/alpha/a.ts']);
  });

  it('fails a folder cycle made of files that do not import each other', async () => {
    const report = await cruise(
      tree({
        ...CLEAN,
        'src/alpha/index.ts': "export { a } from './a';\nexport { c } from './c';\n",
        'src/alpha/c.ts': "import { b } from '../beta';\nexport const c = () => b();\n",
      }),
    );
    expect(report.cycleEdges).toEqual(['alpha → beta', 'beta → alpha']);
  });

  it('fails a feature that imports the server, and a shared layer that imports a feature', async () => {
    const report = await cruise(
      tree({
        ...CLEAN,
        'src/alpha/a.ts': "import { app } from '../server/app';\nexport const a = () => app;\n",
        'src/core/clock.ts': "import { b } from '../beta';\nexport const now = () => new Date(String(b));\n",
      }),
    );
    expect(report.violations).toContain('no-import-of-composition: src/alpha/a.ts → src/server/app.ts');
    expect(report.violations).toContain('core-imports-only-below: src/core/clock.ts → src/beta/index.ts');
  });

  it('finds exactly the arrows that lie on a cycle between folders', () => {
    const graph = new Map([
      ['a', new Map([['b', 1]])],
      ['b', new Map([['c', 1]])],
      ['c', new Map([['a', 2]])],
      ['d', new Map([['a', 1]])],
    ]);
    expect(cycleEdgesOf(graph)).toEqual(['a → b', 'b → c', 'c → a']);
  });

  it('gives a verdict that fails on one deep import or one folder cycle, and passes the clean tree', async () => {
    expect((await check(tree(CLEAN))).problems).toEqual([]);
    const deep = tree({ ...CLEAN, 'src/server/app.ts': "import { a } from '../alpha/a';\nexport const app = [a];\n" });
    expect((await check(deep)).problems).toEqual(['no-deep-import: src/server/app.ts → src/alpha/a.ts']);
    const cycle = tree({ ...CLEAN, 'src/alpha/a.ts': "import { b } from '../beta';\nexport const a = () => b;\n" });
    expect((await check(cycle)).problems).toEqual([
      'no-circular: src/alpha/a.ts → src/beta/index.ts',
      'folder cycle: alpha → beta',
      'folder cycle: beta → alpha',
    ]);
  });

  it("lets composition wire a feature's composition.ts, and no other feature", async () => {
    const surface = { ...CLEAN, 'src/alpha/composition.ts': "export const alphaPages = 'pages';\n" };
    const wired = tree({
      ...surface,
      'src/server/app.ts': "import { alphaPages } from '../alpha/composition';\nexport const app = [alphaPages];\n",
    });
    expect((await check(wired)).problems).toEqual([]);
    const reached = tree({
      ...surface,
      'src/beta/b.ts': "import { alphaPages } from '../alpha/composition';\nexport const b = () => alphaPages;\n",
    });
    expect((await check(reached)).problems).toEqual(['no-deep-import: src/beta/b.ts → src/alpha/composition.ts']);
  });

  it('holds for this repository: no deep import, no folder cycle', async () => {
    expect((await check(process.cwd())).problems).toEqual([]);
  });
});
