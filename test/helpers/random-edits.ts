// Sequences of random edits of real and generated files, for tests that follow a document from
// version to version (incremental parsing): each sequence starts from a fixture or a bench file (the
// project's own files), or from a corpus file, and applies up to 12 mutations one after another.
// Each version's findings are compared with a fresh parse's as text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Finding } from '../../server/src/engine/types';
import { benchFiles } from '../bench/inputs';
import { corpusSamples, fixtureSamples } from '../robustness/checks';
import { applyMutation, mutationArbitrary } from '../robustness/mutate';

/**
 * Runs `check` on 150 edit sequences of the files of one language (fixed seed), from the project's
 * own files or from the corpus (which a test that asks for it skips without: see shared.ts).
 */
export function assertOverRandomEdits(languageId: 'dockerfile' | 'yaml', from: 'project' | 'corpus', check: (versions: readonly string[]) => void): void {
  const files = from === 'project' ? [...fixtureSamples(), ...benchFiles().map((file) => ({ name: file.name, text: file.text, languageId: file.languageId }))] : corpusSamples(1);
  const samples = files.filter((sample) => sample.languageId === languageId && sample.text.length < 20_000);
  assert.ok(samples.length > (from === 'project' ? 3 : 10), `${samples.length} ${languageId} files`);
  fc.assert(
    fc.property(fc.constantFrom(...samples), fc.array(mutationArbitrary, { minLength: 1, maxLength: 12 }), (sample, mutations) => {
      const versions = [sample.text];
      for (const mutation of mutations) versions.push(applyMutation(versions[versions.length - 1]!, mutation));
      check(versions);
    }),
    { seed: 20261124, numRuns: 150 },
  );
}

/** Everything a user sees of each finding, as comparable text: where, what, related places, fixes. */
export function describeFindings(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${JSON.stringify(f.range)} ${f.message} ${JSON.stringify(f.related ?? [])} ${JSON.stringify(f.fix ?? null)} ${JSON.stringify(f.suggestions)}`);
}
