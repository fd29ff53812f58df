/**
 * The import rules of .dependency-cruiser.cjs plus what a rule cannot see: cycles between top-level
 * folders of src/ (a feature that imports another which, through any of its files, imports it back).
 *
 *   tsx scripts/deps/check.ts            fails on a violation or folder cycle not in deps-baseline.json
 *   tsx scripts/deps/check.ts --graph    prints the folder graph (which folder imports which, how often)
 *   tsx scripts/deps/check.ts --update   drops what was fixed from the baseline (it never adds: new ones fail)
 *
 * The baseline lets the house be rebuilt in steps with CI green; each step removes lines from it, and
 * the issue is done when it is empty.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

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

export interface Baseline {
  violations: string[];
  cycleEdges: string[];
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

/** What the report has that the baseline does not (new breaks), and what the baseline lists but is gone. */
export function compare(report: Pick<DepsReport, 'violations' | 'cycleEdges'>, baseline: Baseline) {
  const known = new Set([...baseline.violations, ...baseline.cycleEdges]);
  const now = new Set([...report.violations, ...report.cycleEdges]);
  return {
    added: [...now].filter((x) => !known.has(x)),
    gone: [...known].filter((x) => !now.has(x)),
  };
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

const BASELINE = join(import.meta.dirname, '../../deps-baseline.json');

export const readBaseline = (path = BASELINE): Baseline =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Baseline) : { violations: [], cycleEdges: [] };

async function main() {
  const args = new Set(process.argv.slice(2));
  const report = await cruise(process.cwd());
  if (args.has('--graph')) {
    process.stdout.write(`${formatGraph(report.graph)}\n`);
    const pairs = report.cycleEdges.length;
    process.stdout.write(`\n${report.graph.size} folders; ${pairs} arrows on folder cycles\n`);
    return;
  }
  const known = readBaseline();
  if (args.has('--update')) {
    const still = (list: string[], now: string[]) => list.filter((x) => now.includes(x));
    const baseline: Baseline = {
      violations: still(known.violations, report.violations),
      cycleEdges: still(known.cycleEdges, report.cycleEdges),
    };
    writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
    process.stdout.write(
      `baseline: ${baseline.violations.length} violations, ${baseline.cycleEdges.length} cycle arrows\n`,
    );
    return;
  }
  const { added, gone } = compare(report, known);
  const counts = `${report.violations.length} rule violations and ${report.cycleEdges.length} arrows on folder cycles`;
  if (gone.length) process.stdout.write(`fixed since the baseline (run --update to drop them): ${gone.length}\n`);
  if (added.length) {
    process.stdout.write(
      `new import problems (docs/architecture.md says why):\n${added.map((a) => `  ${a}`).join('\n')}\n`,
    );
    process.stdout.write(`${counts} in all\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`dependencies: nothing new; ${counts} left in deps-baseline.json\n`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
