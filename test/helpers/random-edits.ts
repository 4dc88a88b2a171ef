// Sequences of random edits of real and generated files, for tests that follow a document from
// version to version (incremental parsing): each sequence starts from a fixture, a corpus file or
// a bench file and applies up to 12 mutations one after another. Each version's findings are
// compared with a fresh parse's as text.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Finding } from '../../server/src/engine/types';
import { benchFiles } from '../bench/inputs';
import { corpusSamples, fixtureSamples } from '../robustness/checks';
import { applyMutation, mutationArbitrary } from '../robustness/mutate';

/** Runs `check` on 150 edit sequences of the files of one language (fixed seed). */
export function assertOverRandomEdits(languageId: 'dockerfile' | 'yaml', check: (versions: readonly string[]) => void): void {
  const samples = [...fixtureSamples(), ...corpusSamples(1), ...benchFiles().map((file) => ({ name: file.name, text: file.text, languageId: file.languageId }))].filter(
    (sample) => sample.languageId === languageId && sample.text.length < 20_000,
  );
  assert.ok(samples.length > 10);
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
