import { prng, shuffle } from './logreg';
import { type Label, macroF1 } from './metrics';
import { PEERS } from './peers';
import type { Example } from './train-data';

/**
 * multilang-sentiment fuzzy-searches every unknown word (about 20 texts/s): the peers are scored on a seeded
 * sample of each set, its size printed beside the figure.
 */
export const PEER_SAMPLE = 1500;

/** The lexicon peers' ternary macro-F1 on each set of a language (no training needed: any items count). */
export async function peerFigures(sets: { set: string; examples: Example[] }[], language: string): Promise<string[]> {
  const lines: string[] = [];
  for (const peer of PEERS) {
    if (peer.languages !== 'all' && !peer.languages.includes(language)) continue;
    process.stderr.write(`· ${language}: ${peer.name}\n`);
    const parts: string[] = [];
    for (const { set, examples: all } of sets) {
      const examples = all.length > PEER_SAMPLE ? shuffle(all, prng(3)).slice(0, PEER_SAMPLE) : all;
      const labels: Label[] = [];
      for (const e of examples) labels.push((await peer.run(e.text, language)).label);
      parts.push(
        `${set} (${examples.length}) ${macroF1(
          examples.map((e) => e.label),
          labels,
        ).toFixed(3)}`,
      );
    }
    lines.push(`  peer ${peer.name.padEnd(22)} ${parts.join('  ')}`);
  }
  return lines;
}
