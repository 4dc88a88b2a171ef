// `npm run fuzz`: the engine properties of engine-properties.test.ts, the incremental parses'
// agreement with a fresh parse, and the Dockerfile model's agreement with BuildKit's parser (when
// ../shared/tools/buildkit-parse is there), on new seeds for as long as asked, over every fixture
// and corpus file. npm test runs fixed seeds, so a failure there always reproduces; this looks further and
// prints each distinct failure with the seed, the file and the edits to reproduce it.
//
// Usage: node out/test/robustness/fuzz.js [--seconds N] [--seed S]   (defaults: 300, the time)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { resolveConfig } from '../../server/src/engine/config';
import { analyzeParsed, parse, type ParsedDocument } from '../../server/src/engine/runner';
import { allRules } from '../../server/src/rules';
import { buildkitParse, buildkitTestfiles, differentialRun, haveBuildkit } from '../helpers/buildkit';
import { describeFindings } from '../helpers/random-edits';
import { checkInput, corpusSamples, fixtureSamples, optionsFor, propertyConfigs, type Sample } from './checks';
import { applyMutation, applyMutations, mutationArbitrary } from './mutate';

const runsPerSeed = 100;

function parseArgs(argv: string[]): { seconds: number; seed: number } {
  let seconds = 300;
  let seed = Date.now() % 1_000_000_000;
  for (let i = 0; i < argv.length; i++) {
    const value = Number(argv[i + 1]);
    if (argv[i] === '--seconds' && value > 0) seconds = value;
    else if (argv[i] === '--seed' && Number.isInteger(value)) seed = value;
    else throw new Error(`unknown argument ${argv[i]} (usage: fuzz.js [--seconds N] [--seed S])`);
    i++;
  }
  return { seconds, seed };
}

/** One property on one seed: how many runs it made, and its first failure, described to be reproduced. */
type Check = (seed: number) => { runs: number; failure?: { message: string; file: string; detail: string } };

function report<Ts extends unknown[]>(details: fc.RunDetails<Ts>, describe: (counterexample: Ts) => { file: string; detail: string }): ReturnType<Check> {
  if (!details.failed || !details.counterexample) return { runs: details.numRuns };
  const error = details.errorInstance;
  const message = String(error instanceof Error ? error.message : error).split('\n')[0]!;
  return { runs: details.numRuns, failure: { message, ...describe(details.counterexample) } };
}

function engineCheck(samples: Sample[]): Check {
  const property = fc.property(fc.constantFrom(...samples), fc.array(mutationArbitrary, { minLength: 1, maxLength: 8 }), fc.constantFrom(...propertyConfigs), (sample, mutations, config) => {
    checkInput({ ...sample, text: applyMutations(sample.text, mutations) }, optionsFor(config));
  });
  return (seed) => report(fc.check(property, { seed, numRuns: runsPerSeed }), ([sample, mutations, config]) => ({ file: sample.name, detail: `edits ${JSON.stringify(mutations)}, config ${JSON.stringify(config)}` }));
}

const incrementalOptions = { rules: allRules, config: resolveConfig([{ config: { targetWindowsVersion: 'ltsc2022' }, origin: 'fuzz' }]), today: new Date('2026-11-23T12:00:00Z') };

function findingsText(parsed: ParsedDocument): string {
  return describeFindings(analyzeParsed(parsed, incrementalOptions).findings).join('\n');
}

function incrementalCheck(samples: Sample[]): Check {
  const property = fc.property(fc.constantFrom(...samples), fc.array(mutationArbitrary, { minLength: 1, maxLength: 16 }), (sample, mutations) => {
    let text = sample.text;
    let previous = parse({ uri: sample.uri, text, languageId: sample.languageId });
    for (const [index, mutation] of mutations.entries()) {
      text = applyMutation(text, mutation);
      const reused = parse({ uri: sample.uri, text, languageId: sample.languageId }, previous);
      if (findingsText(reused) !== findingsText(parse({ uri: sample.uri, text, languageId: sample.languageId }))) {
        throw new Error(`after edit ${index + 1}, the findings of the reused parse differ from a fresh parse's`);
      }
      previous = reused;
    }
  });
  return (seed) => report(fc.check(property, { seed, numRuns: runsPerSeed }), ([sample, mutations]) => ({ file: sample.name, detail: `edits ${JSON.stringify(mutations)}` }));
}

/** The Dockerfile model, fresh and incremental, against BuildKit's parser; each run is one edited text. */
function buildkitCheck(samples: Sample[]): Check {
  const dockerfiles = [...samples.filter((sample) => sample.languageId === 'dockerfile'), ...buildkitTestfileSamples()];
  return (seed) => {
    const { cases, failures } = differentialRun(dockerfiles, seed, runsPerSeed);
    const failure = failures[0];
    return { runs: cases, failure: failure && { message: failure.problems[0]!, file: failure.file, detail: `edits ${failure.mutations}` } };
  };
}

function buildkitTestfileSamples(): Sample[] {
  return readdirSync(buildkitTestfiles).map((name) => ({ name: `buildkit/${name}`, uri: `file:///buildkit/${name}/Dockerfile`, languageId: 'dockerfile' as const, text: readFileSync(join(buildkitTestfiles, name, 'Dockerfile'), 'utf8') }));
}

function main(): void {
  const { seconds, seed: firstSeed } = parseArgs(process.argv.slice(2));
  const samples = [...fixtureSamples(), ...corpusSamples(1)];
  const checks: Array<[string, Check]> = [
    ['engine', engineCheck(samples)],
    ['incremental parse', incrementalCheck(samples.filter((sample) => sample.text.length < 40_000))],
  ];
  if (haveBuildkit) checks.push(['BuildKit agreement', buildkitCheck(samples)]);
  else process.stdout.write(`BuildKit agreement skipped: ${buildkitParse} is not there\n`);
  const runsOf = new Map<string, number>();
  const deadline = Date.now() + seconds * 1000;
  const seen = new Set<string>();
  let runs = 0;
  for (let seed = firstSeed; Date.now() < deadline; seed++) {
    for (const [name, check] of checks) {
      const result = check(seed);
      runs += result.runs;
      runsOf.set(name, (runsOf.get(name) ?? 0) + result.runs);
      const failure = result.failure;
      // One report per kind of failure: the same rule failing on other files is the same bug.
      const key = `${name} ${failure?.message.replace(/\d+/g, 'N')}`;
      if (!failure || seen.has(key)) continue;
      seen.add(key);
      process.stdout.write(`${name}, seed ${seed}: ${failure.message}\n  file: ${failure.file}\n  ${failure.detail}\n`);
    }
  }
  process.stdout.write(`${runs} runs from seed ${firstSeed} (${[...runsOf].map(([name, count]) => `${name} ${count}`).join(', ')}), ${seen.size} distinct failure(s)\n`);
  if (seen.size > 0) process.exitCode = 1;
}

main();
