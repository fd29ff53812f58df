/**
 * The import rules of .dependency-cruiser.cjs plus what a rule cannot see: cycles between top-level
 * folders of src/ (a feature that imports another which, through any of its files, imports it back), and
 * tables used outside their owner (table-owners.ts).
 *
 *   tsx scripts/deps/check.ts            fails on any rule violation or folder cycle
 *   tsx scripts/deps/check.ts --graph    prints the folder graph (which folder imports which, how often)
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tableOwnerProblems } from './table-owners';

const run = promisify(execFile);

interface CruiseModule {
  source: string;
  dependencies: { resolved: string }[];
}
interface CruiseOutput {
  modules: CruiseModule[];
  summary: { violations: { from: string; to: string; rule: { name: string } }[] };
}

export interface DepsReport {
  /** "rule: from → to", one a broken rule. */
  violations: string[];
  /** "a → b" for each folder arrow that is part of a cycle between folders. */
  cycleEdges: string[];
  /** Folder → folder → how many imports. */
  graph: Map<string, Map<string, number>>;
}

const folderOf = (path: string) => /^src\/([^/]+)\//.exec(path)?.[1] ?? null;

/** Cruises `src/` under `cwd` with the repository's rules. */
export async function cruise(cwd: string, config = join(import.meta.dirname, '../../.dependency-cruiser.cjs')) {
  const bin = join(import.meta.dirname, '../../node_modules/.bin/depcruise');
  const { stdout } = await run(bin, ['src', '--config', config, '--output-type', 'json'], {
    cwd,
    maxBuffer: 256 * 1024 * 1024,
  });
  const out = JSON.parse(stdout) as CruiseOutput;
  const violations = out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  const graph = new Map<string, Map<string, number>>();
  for (const m of out.modules) {
    const from = folderOf(m.source);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const d of m.dependencies) {
      const to = folderOf(d.resolved);
      if (!to || to === from) continue;
      const row = graph.get(from)!;
      row.set(to, (row.get(to) ?? 0) + 1);
    }
  }
  return { violations: [...new Set(violations)].sort(), cycleEdges: cycleEdgesOf(graph), graph } satisfies DepsReport;
}

/** The arrows inside strongly connected groups of folders (Tarjan): exactly the arrows on some cycle. */
export function cycleEdgesOf(graph: Map<string, Map<string, number>>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const group = new Map<string, number>();
  let next = 0;
  let groups = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      for (;;) {
        const w = stack.pop()!;
        onStack.delete(w);
        group.set(w, groups);
        if (w === v) break;
      }
      groups++;
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  const edges: string[] = [];
  for (const [a, row] of graph)
    for (const b of row.keys()) if (group.get(a) === group.get(b)) edges.push(`${a} → ${b}`);
  return edges.sort();
}

export function formatGraph(graph: DepsReport['graph']): string {
  const lines: string[] = [];
  for (const from of [...graph.keys()].sort()) {
    const row = graph.get(from)!;
    const to = [...row.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([f, n]) => `${f}(${n})`);
    lines.push(`${from} -> ${to.join(' ') || '(nothing)'}`);
  }
  return lines.join('\n');
}

/** The verdict on `src/` under `cwd`: what breaks the house, one line each; empty when it holds. */
export async function check(cwd: string): Promise<{ problems: string[]; report: DepsReport }> {
  const report = await cruise(cwd);
  return {
    problems: [
      ...report.violations,
      ...report.cycleEdges.map((e) => `folder cycle: ${e}`),
      ...tableOwnerProblems(cwd).map((p) => `table owner: ${p}`),
    ],
    report,
  };
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const { problems, report } = await check(process.cwd());
  if (args.has('--graph')) {
    process.stdout.write(`${formatGraph(report.graph)}\n`);
    process.stdout.write(`\n${report.graph.size} folders; ${report.cycleEdges.length} arrows on folder cycles\n`);
    return;
  }
  if (problems.length) {
    process.stdout.write(
      `import problems (docs/architecture.md says why):\n${problems.map((p) => `  ${p}`).join('\n')}\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    `dependencies: ${report.graph.size} folders, no deep import, no folder cycle, every table used by its owner\n`,
  );
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
