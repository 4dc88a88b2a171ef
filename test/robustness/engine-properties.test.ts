// Property-based tests of the engine over the project's fixtures and a sample of the real-world
// corpus, each mutated at random (fixed seed: a failure reproduces exactly). For every input: no
// throw, analysis under 1 s, ranges inside the document, every fix and suggestion applies, the
// result still parses and no longer has the problem it fixed. See checks.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { AnalyzeOptions } from '../../server/src/engine/runner';
import { assertFast, assertFixedProblemsGone, assertFixesParse, assertRangesInside, checkInput, corpusSamples, fixtureSamples, optionsFor, propertyConfigs, timedAnalyze, type Sample, type Timed } from './checks';
import { applyMutations, mutationArbitrary } from './mutate';

const seed = 20261123;
/** Runs per language: enough to hit every mutation kind on most files, small enough for the 60 s budget. */
const numRuns = 150;
/** Every 6th corpus file: about 50 of 311, spread over all categories and repositories. */
const corpusStride = 6;

/** Known product failures, by test name: the test stays in place and reports as TODO until fixed. */
const todo: Record<string, string> = {};

const fixtures = fixtureSamples();
const corpus = corpusSamples(corpusStride);
const samples: Sample[] = [...fixtures, ...corpus];

describe('engine on unmodified inputs', () => {
  it('has fixtures and corpus files to mutate', (t) => {
    assert.ok(fixtures.length > 0, 'no fixture files found under examples/, test/fixtures/ or test/e2e/workspace/');
    if (corpus.length === 0) t.diagnostic('the shared corpus (../shared/corpus) is not checked out: only fixtures are used');
  });

  for (const sample of samples) {
    it(sample.name, () => {
      for (const config of propertyConfigs) checkInput(sample, optionsFor(config));
    });
  }
});

interface Case {
  input: Sample;
  options: AnalyzeOptions;
}

/** A random case: one file of the language, 1 to 6 mutations, one of the configurations. */
function caseArbitrary(pool: readonly Sample[]): fc.Arbitrary<Case> {
  return fc
    .tuple(fc.integer({ min: 0, max: pool.length - 1 }), fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }), fc.constantFrom(...propertyConfigs))
    .map(([index, mutations, config]) => {
      const sample = pool[index]!;
      // fast-check prints counterexamples with this: the file and the edits, not the whole text twice.
      const describe = (): string => `${sample.name} with ${JSON.stringify(mutations)} and config ${JSON.stringify(config)}`;
      return { input: { ...sample, text: applyMutations(sample.text, mutations) }, options: optionsFor(config), [fc.toStringMethod]: describe };
    });
}

/** The analysis, or a skipped case when the engine throws: that is the first property's failure, not the others'. */
function analyzed(c: Case): Timed {
  let timed: Timed | undefined;
  try {
    timed = timedAnalyze(c.input, c.options);
  } catch {
    fc.pre(false);
  }
  return timed!;
}

const properties: Array<{ name: string; check: (c: Case) => void }> = [
  { name: 'the engine never throws', check: (c) => void timedAnalyze(c.input, c.options) },
  { name: 'every input is analyzed in under 1 s', check: (c) => assertFast(analyzed(c), c.input.text) },
  { name: 'every range lies inside the document', check: (c) => assertRangesInside(c.input.text, c.input.uri, analyzed(c).analysis) },
  { name: 'every fix and suggestion applies and leaves text that parses', check: (c) => assertFixesParse(c.input, c.options, analyzed(c).analysis) },
  { name: 'checking again does not report a fixed problem', check: (c) => assertFixedProblemsGone(c.input, c.options, analyzed(c).analysis) },
];

describe('engine on randomly mutated inputs', () => {
  for (const languageId of ['dockerfile', 'yaml'] as const) {
    const pool = samples.filter((sample) => sample.languageId === languageId);
    for (const property of properties) {
      const name = `${languageId}: ${property.name} (${numRuns} runs, seed ${seed})`;
      it(name, todo[name] ? { todo: todo[name] } : {}, () => {
        fc.assert(fc.property(caseArbitrary(pool), property.check), { seed, numRuns, includeErrorInReport: true });
      });
    }
  }
});
