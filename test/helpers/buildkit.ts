// BuildKit's own parser (../shared/tools/buildkit-parse, beside the checkout) as the reference for
// where Dockerfile instructions start and end and what their arguments are, and the comparison
// of the model with it that the conformance test and `npm run fuzz` make.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Range } from '../../server/src/engine/types';
import { knownInstructions } from '../../server/src/languages/dockerfile/buildkit';
import { keywordsWithFlags, parseDockerfile, type DockerfileModel } from '../../server/src/languages/dockerfile/model';
import { applyDockerfileMutation, dockerfileMutationArbitrary } from '../robustness/mutate';

export const buildkitParse = join(__dirname, '..', '..', '..', '..', 'shared', 'tools', 'buildkit-parse', 'bin', 'buildkit-parse');
export const buildkitTestfiles = join(buildkitParse, '..', '..', 'testfiles');
export const haveBuildkit = existsSync(buildkitParse);
export const noBuildkit = haveBuildkit ? false : `skipped: ${buildkitParse} is not there (../shared is absent)`;

export interface ReferenceInstruction {
  keyword: string;
  start: number;
  end: number;
  args: string[];
  flags: string[];
  heredocs: number;
}

export interface ReferenceParse {
  error?: string;
  escape: string;
  instructions: ReferenceInstruction[];
}

/** BuildKit's parse of each file, one process for all of them. */
export function referenceParse(files: readonly string[]): ReferenceParse[] {
  const results: ReferenceParse[] = [];
  // Command lines have a length limit; a few hundred paths at a time stay far below it.
  for (let i = 0; i < files.length; i += 200) {
    const output = execFileSync(buildkitParse, files.slice(i, i + 200), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    for (const line of output.split('\n')) {
      if (!line) continue;
      const parse = JSON.parse(line) as ReferenceParse;
      // Go prints a nil slice as null: BuildKit has no flags for an instruction with nothing after its keyword.
      for (const instruction of parse.instructions) instruction.flags ??= [];
      results.push(parse);
    }
  }
  return results;
}

/** BuildKit's parse of texts, written to a temporary folder for the command. */
export function referenceParseTexts(texts: readonly string[]): ReferenceParse[] {
  const dir = mkdtempSync(join(tmpdir(), 'buildkit-'));
  try {
    const files = texts.map((text, i) => {
      const file = join(dir, `Dockerfile.${i}`);
      writeFileSync(file, text);
      return file;
    });
    return referenceParse(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** BuildKit's reading of the file as the model holds it, in buildkit-parse's notation. */
function modelParse(model: DockerfileModel): ReferenceParse {
  const instructions = model.parsed.instructions.map(({ buildkit }) => ({
    keyword: buildkit.keyword,
    start: buildkit.start + 1,
    end: buildkit.end + 1,
    args: buildkit.args,
    flags: buildkit.flags,
    heredocs: buildkit.heredocs,
  }));
  return { error: model.error?.message, escape: model.escapeChar, instructions };
}

/** The characters that carry meaning: no white space, quotes or escape characters, which dockerfile-ast's ranges may leave out. */
const content = (text: string, escapeChar: string): string => text.replace(/[\s"']+/g, '').split(escapeChar).join('');

/** Text as written, with line continuations (and the comment lines between) taken out. */
function rawText(lines: readonly string[], escapeChar: string, { start, end }: Range): string {
  if (start.line === end.line) return lines[start.line]!.slice(start.character, end.character);
  const parts: string[] = [];
  for (let line = start.line; line <= end.line; line++) {
    let text = lines[line]!;
    if (line === end.line) text = text.slice(0, end.character);
    if (line === start.line) text = text.slice(start.character);
    if (line > start.line && /^\s*#/.test(text)) continue;
    parts.push(line < end.line ? text.replace(new RegExp(`\\${escapeChar}[ \\t]*$`), '') : text);
  }
  return parts.join('');
}

/**
 * Where the dockerfile-ast reading that rules use disagrees with BuildKit's for one instruction:
 * the keyword, the first line, the flags, the exec form's strings and the words of the arguments.
 */
function astDisagreements(model: DockerfileModel, lines: readonly string[]): string[] {
  const problems: string[] = [];
  model.instructions.forEach((instruction, i) => {
    const { buildkit, ast } = model.parsed.instructions[i]!;
    const at = `instruction ${i + 1} (line ${buildkit.start + 1})`;
    if (instruction.keyword !== buildkit.keyword.toUpperCase()) problems.push(`${at}: keyword ${instruction.keyword} vs ${buildkit.keyword}`);
    // The builder rejects an instruction it does not know (dockerfile/syntax says so): rules read nothing of it.
    if (!knownInstructions.has(buildkit.keyword.toUpperCase())) return;
    if (ast.getKeyword().toUpperCase() !== buildkit.keyword.toUpperCase()) problems.push(`${at}: dockerfile-ast keyword ${ast.getKeyword()} vs ${buildkit.keyword}`);
    if (instruction.range.start.line < buildkit.start || instruction.range.start.line > buildkit.end) problems.push(`${at}: starts on line ${instruction.range.start.line + 1}, outside BuildKit's lines`);
    if (instruction.range.end.line !== buildkit.end) problems.push(`${at}: ends on line ${instruction.range.end.line + 1}, BuildKit's on ${buildkit.end + 1}`);
    // Flags on an instruction that takes none (`CMD --x [...]`) fail the build; dockerfile-ast does not look for them.
    if (buildkit.flags.length > 0 && !keywordsWithFlags.has(instruction.keyword)) return;
    const stageInstruction = model.stages.flatMap((stage) => stage.instructions).find((candidate) => candidate.ast === ast);
    const flags = stageInstruction?.flags.map((flag) => `--${flag.name}${flag.value === undefined ? '' : `=${flag.value}`}`) ?? [];
    const writtenFlags = buildkit.flags.map((flag) => flag.replace(/^(--[^=]*)/, (name) => name.toLowerCase()));
    if (stageInstruction && JSON.stringify(flags) !== JSON.stringify(writtenFlags)) problems.push(`${at}: flags ${JSON.stringify(flags)} vs ${JSON.stringify(buildkit.flags)}`);
    if (buildkit.json && buildkit.keyword.toUpperCase() !== 'ONBUILD') {
        if (stageInstruction && !stageInstruction.execForm && instruction.keyword !== 'HEALTHCHECK') problems.push(`${at}: no exec form, BuildKit reads ${JSON.stringify(buildkit.args)}`);
      return;
    }
    // The builder accepts no HEALTHCHECK type but CMD and NONE; dockerfile-ast reads other words as flags.
    if (buildkit.heredocs > 0 || (instruction.keyword === 'HEALTHCHECK' && !/^(?:cmd|none)$/i.test(buildkit.args[0] ?? ''))) return;
    // What rules read through argument ranges: the text from the first argument to the last.
    const args = instruction.args;
    const span = args.length > 0 ? rawText(lines, model.escapeChar, { start: args[0]!.getRange().start, end: args[args.length - 1]!.getRange().end }) : '';
    const expected = buildkit.rest;
    if (content(span, model.escapeChar) !== content(expected, model.escapeChar)) problems.push(`${at}: arguments ${JSON.stringify(span)} vs ${JSON.stringify(expected)}`);
  });
  return problems;
}

/** Every way the model of `text` disagrees with BuildKit's parse of it; empty when it agrees. */
export function disagreements(text: string, reference: ReferenceParse, model: DockerfileModel = parseDockerfile(text)): string[] {
  const ours = modelParse(model);
  const problems: string[] = [];
  if ((ours.error === undefined) !== (reference.error === undefined)) problems.push(`error: ${ours.error ?? 'none'} vs ${reference.error ?? 'none'}`);
  if (reference.error) return problems;
  if (ours.escape !== reference.escape) problems.push(`escape: ${ours.escape} vs ${reference.escape}`);
  const count = Math.max(ours.instructions.length, reference.instructions.length);
  for (let i = 0; i < count; i++) {
    const a = JSON.stringify(ours.instructions[i]);
    const b = JSON.stringify(reference.instructions[i]);
    if (a !== b) problems.push(`instruction ${i + 1}: ${a} vs ${b}`);
  }
  if (problems.length > 0) return problems;
  return astDisagreements(model, text.split(/\r\n|\r|\n/));
}

export interface DifferentialSample {
  name: string;
  text: string;
}

export interface DifferentialResult {
  /** Texts compared with BuildKit, each as a fresh parse and as an incremental one. */
  cases: number;
  failures: Array<{ file: string; mutations: string; problems: string[] }>;
}

/**
 * `count` random edit sequences of the samples (fast-check, from `seed`); every version of each is
 * parsed fresh and from the previous version's model, and both are compared with BuildKit's parse.
 */
export function differentialRun(samples: readonly DifferentialSample[], seed: number, count: number): DifferentialResult {
  const sequences = fc.sample(fc.tuple(fc.constantFrom(...samples), fc.array(dockerfileMutationArbitrary, { minLength: 1, maxLength: 6 })), { seed, numRuns: count });
  const versions = sequences.map(([sample, mutations]) => {
    const texts = [sample.text];
    for (const mutation of mutations) texts.push(applyDockerfileMutation(texts[texts.length - 1]!, mutation));
    return texts.slice(1);
  });
  const references = referenceParseTexts(versions.flat());
  const failures: DifferentialResult['failures'] = [];
  let next = 0;
  sequences.forEach(([sample, mutations], i) => {
    let previous = parseDockerfile(sample.text);
    for (const [step, text] of versions[i]!.entries()) {
      const reference = references[next++]!;
      // A lone CR ends a line for the editor and the model, not for BuildKit (see buildkit.ts).
      if (/\r(?!\n)/.test(text)) continue;
      const incremental = parseDockerfile(text, previous);
      const problems = [...disagreements(text, reference), ...disagreements(text, reference, incremental).map((problem) => `incremental: ${problem}`)];
      if (problems.length > 0) failures.push({ file: sample.name, mutations: JSON.stringify(mutations.slice(0, step + 1)), problems });
      previous = incremental;
    }
  });
  return { cases: next, failures };
}
