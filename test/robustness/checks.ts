// What every input must satisfy, whatever it is: the engine returns (no throw) within a second,
// every range it reports lies inside the document, every fix and suggestion applies, leaves text
// that still parses, and the problem it fixes is gone when the result is checked again.
// Shared by the property-based tests and the hostile-input tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';
import { resolveConfig, type UserConfig } from '../../server/src/engine/config';
import { fileKind } from '../../server/src/engine/files';
import { fixAll } from '../../server/src/engine/fixes';
import { analyze, type Analysis, type AnalyzeOptions, type SourceDocument } from '../../server/src/engine/runner';
import { applyEdits, LineIndex } from '../../server/src/engine/text';
import type { Finding, Fix, Range } from '../../server/src/engine/types';

export const repoRoot = join(__dirname, '..', '..', '..');
export const corpusRoot = join(repoRoot, '..', 'shared', 'corpus', 'real-world');

/** Fixed, so date-dependent rules answer the same on every run. */
export const today = new Date('2026-11-23T12:00:00Z');

/** Analysis of one input may take at most this long (the bound). */
export const maxAnalysisMs = 1000;

export function optionsFor(config: UserConfig = { targetWindowsVersion: 'ltsc2022' }): AnalyzeOptions {
  return { config: resolveConfig([{ config, origin: 'robustness' }]), today };
}

export interface Sample {
  /** Where it came from, for failure messages. */
  name: string;
  uri: string;
  languageId: 'dockerfile' | 'yaml';
  text: string;
}

function sampleFor(name: string, path: string, languageId: 'dockerfile' | 'yaml'): Sample {
  return { name, uri: `file:///robustness/${name.replace(/[^\w.+-]+/g, '_')}`, languageId, text: readFileSync(path, 'utf8') };
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : []));
}

/** The project's own example and fixture files: examples/, test/fixtures/ and the e2e workspace. */
export function fixtureSamples(): Sample[] {
  return ['examples', join('test', 'fixtures'), join('test', 'e2e', 'workspace')]
    .flatMap((dir) => walk(join(repoRoot, dir)))
    .flatMap((path) => {
      const kind = fileKind(path);
      if (kind !== 'dockerfile' && kind !== 'kubernetes') return [];
      return [sampleFor(relative(repoRoot, path).split(sep).join('/'), path, kind === 'dockerfile' ? 'dockerfile' : 'yaml')];
    });
}

/**
 * Every `stride`-th file of the shared real-world corpus, in TSV order (deterministic), with the
 * language its category says. Empty when the corpus is not checked out beside the repository.
 */
export function corpusSamples(stride: number): Sample[] {
  const tsv = join(corpusRoot, '..', 'real-world.tsv');
  if (!existsSync(tsv)) return [];
  const rows = readFileSync(tsv, 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  return rows
    .filter((_, index) => index % stride === 0)
    .map(([path, , , category]) => sampleFor(`corpus/${path}`, join(corpusRoot, path!), category === 'WD' || category === 'LD' ? 'dockerfile' : 'yaml'));
}

export interface Timed {
  analysis: Analysis;
  ms: number;
}

export function timedAnalyze(document: SourceDocument, options: AnalyzeOptions): Timed {
  const started = performance.now();
  const analysis = analyze(document, options);
  return { analysis, ms: performance.now() - started };
}

/** Throws (with the reason) when a range is not inside `text` as LSP counts lines and characters. */
export function assertRangeInside(lines: LineIndex, range: Range, what: string): void {
  for (const position of [range.start, range.end]) {
    if (!(Number.isInteger(position.line) && position.line >= 0 && position.line < lines.lineCount)) {
      throw new Error(`${what}: line ${position.line} outside the document (${lines.lineCount} lines)`);
    }
    const length = lines.lineText(position.line).length;
    if (!(Number.isInteger(position.character) && position.character >= 0 && position.character <= length)) {
      throw new Error(`${what}: character ${position.character} outside line ${position.line} (length ${length})`);
    }
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
    throw new Error(`${what}: range ends before it starts ${JSON.stringify(range)}`);
  }
}

/** Parse errors in a YAML stream; Infinity when the parser itself gives up (10,000-level nesting overflows its stack). */
function yamlErrors(text: string): number {
  try {
    return parseAllDocuments(text).reduce((count, doc) => count + ('errors' in doc ? doc.errors.length : 0), 0);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function dockerfileKeywords(text: string): string[] {
  return DockerfileParser.parse(text)
    .getInstructions()
    .map((instruction) => instruction.getKeyword().toUpperCase());
}

/** "Still parses": no new YAML errors; for a Dockerfile, it parses to the same instructions. */
export function assertStillParses(languageId: Sample['languageId'], before: string, after: string, what: string): void {
  if (languageId === 'yaml') {
    const [was, now] = [yamlErrors(before), yamlErrors(after)];
    if (now > was) throw new Error(`${what}: the YAML had ${was} parse error(s) and has ${now} after the edit`);
  } else {
    const [was, now] = [dockerfileKeywords(before), dockerfileKeywords(after)];
    if (was.join(' ') !== now.join(' ')) throw new Error(`${what}: the Dockerfile instructions changed from [${was.join(' ')}] to [${now.join(' ')}]`);
  }
}

function sameProblem(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.message === b.message && a.range.start.line === b.range.start.line;
}

function describeFinding(finding: Finding): string {
  return `${finding.ruleId} at ${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
}

/** Every range the analysis reports (findings, notices, related locations, fix edits) lies inside the text. */
export function assertRangesInside(text: string, uri: string, analysis: Analysis): void {
  const lines = new LineIndex(text);
  for (const notice of analysis.notices) assertRangeInside(lines, notice.range, `notice ${notice.code}`);
  for (const finding of analysis.findings) {
    assertRangeInside(lines, finding.range, describeFinding(finding));
    for (const related of finding.related) if (related.uri === uri) assertRangeInside(lines, related.range, `${describeFinding(finding)} related location`);
    for (const { what, fix } of fixesOf(finding)) for (const edit of fix.edits) assertRangeInside(lines, edit.range, what);
  }
}

export function assertFast(timed: Timed, text: string): void {
  if (timed.ms > maxAnalysisMs) throw new Error(`analysis took ${timed.ms.toFixed(0)} ms (limit ${maxAnalysisMs} ms) on ${text.length} characters`);
}

function fixesOf(finding: Finding): Array<{ what: string; fix: Fix }> {
  return [...(finding.fix ? [finding.fix] : []), ...finding.suggestions].map((fix, index) => ({
    what: `${describeFinding(finding)} ${index === 0 && finding.fix ? 'fix' : 'suggestion'} "${fix.title}"`,
    fix,
  }));
}

type Input = Pick<Sample, 'uri' | 'languageId' | 'text'>;

/**
 * Fixes are re-checked for at most this many findings per input: a large generated file has
 * thousands of identical findings, and each re-check is a full analysis.
 */
const maxFindingsWithFixesChecked = 25;

function withFixes(analysis: Analysis): Finding[] {
  return analysis.findings.filter((finding) => finding.fix || finding.suggestions.length > 0).slice(0, maxFindingsWithFixesChecked);
}

/** Every fix and suggestion applies on its own, fix-all terminates, and all of them leave text that parses. */
export function assertFixesParse(input: Input, options: AnalyzeOptions, analysis: Analysis): void {
  for (const finding of withFixes(analysis)) {
    for (const { what, fix } of fixesOf(finding)) assertStillParses(input.languageId, input.text, applyEdits(input.text, fix.edits), what);
  }
  if (analysis.findings.some((finding) => finding.fix)) {
    assertStillParses(input.languageId, input.text, fixAll(input, options).text, 'fix-all');
  }
}

/** After applying a fix or suggestion (or fix-all), checking again does not report that problem. */
export function assertFixedProblemsGone(input: Input, options: AnalyzeOptions, analysis: Analysis): void {
  for (const finding of withFixes(analysis)) {
    for (const { what, fix } of fixesOf(finding)) {
      const again = analyze({ ...input, text: applyEdits(input.text, fix.edits) }, options).findings;
      if (again.some((other) => sameProblem(other, finding))) throw new Error(`${what}: the problem is reported again after applying it`);
    }
  }
  if (analysis.findings.some((finding) => finding.fix)) {
    const { remaining } = fixAll(input, options);
    const stillThere = analysis.findings.filter((finding) => finding.fix && remaining.some((other) => sameProblem(other, finding)));
    if (stillThere.length > 0) throw new Error(`fix-all left ${stillThere.map(describeFinding).join(', ')} in place`);
  }
}

/** All properties on one input; an exception from the engine itself propagates with its own stack. */
export function checkInput(input: Input, options: AnalyzeOptions = optionsFor()): Timed {
  const timed = timedAnalyze(input, options);
  assertFast(timed, input.text);
  assertRangesInside(input.text, input.uri, timed.analysis);
  assertFixesParse(input, options, timed.analysis);
  assertFixedProblemsGone(input, options, timed.analysis);
  return timed;
}
