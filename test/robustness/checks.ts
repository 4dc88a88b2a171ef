// What every input must satisfy, whatever it is: the engine returns (no throw) within a second,
// every range it reports lies inside the document, every fix and suggestion applies, leaves text
// that still parses, and the problem it fixes is gone when the result is checked again.
// Shared by the property-based tests and the hostile-input tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DockerfileParser, Keyword } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';
import { applyEdits, LineIndex } from '../../server/src/core/text';
import { resolveConfig, type UserConfig } from '../../server/src/engine/config';
import { fileKind } from '../../server/src/engine/files';
import { fixAll } from '../../server/src/engine/fixes';
import { analyze, type Analysis, type AnalyzeOptions, type SourceDocument } from '../../server/src/engine/runner';
import type { Finding, Fix, Range } from '../../server/src/engine/types';
import { allRules } from '../../server/src/rules';
import { corpusRoot } from '../helpers/shared';

export const repoRoot = join(__dirname, '..', '..', '..');

/** Fixed, so date-dependent rules answer the same on every run. */
const today = new Date('2026-11-23T12:00:00Z');

/** Analysis of one input may take at most this long (the bound). */
const maxAnalysisMs = 1000;

/** The configurations every mutated input is checked under: none, each LTSC target, Hyper-V isolation. */
export const propertyConfigs: readonly UserConfig[] = [{}, { targetWindowsVersion: 'ltsc2019' }, { targetWindowsVersion: 'ltsc2022' }, { targetWindowsVersion: 'ltsc2025', isolation: 'hyperv' }];

export function optionsFor(config: UserConfig = { targetWindowsVersion: 'ltsc2022' }): AnalyzeOptions {
  return { rules: allRules, config: resolveConfig([{ config, origin: 'robustness' }]), today };
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
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
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
  const tsv = join(corpusRoot, 'real-world.tsv');
  if (!existsSync(tsv)) return [];
  const rows = readFileSync(tsv, 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  return rows
    .filter((_, index) => index % stride === 0)
    .map(([path, , , category]) => sampleFor(`corpus/${path}`, join(corpusRoot, 'real-world', path!), category === 'WD' || category === 'LD' ? 'dockerfile' : 'yaml'));
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
function assertRangeInside(lines: LineIndex, range: Range, what: string): void {
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

/**
 * Parse errors in a YAML stream as YAML 1.2 counts them (a lone CR is a line break there, though the
 * yaml library reads it as text), with Helm/Go templates blanked as the engine reads them: a raw
 * `{{ ... }}` line is not YAML, and counting its errors says nothing about an edit elsewhere.
 * Infinity when the parser itself gives up (10,000-level nesting overflows its stack).
 */
function yamlErrors(text: string): number {
  const blanked = text.replace(/\r(?!\n)/g, '\n').replace(/\{\{[\s\S]*?(?:\}\}|$)/g, (template) => template.replace(/[^\r\n]/g, ' '));
  try {
    return parseAllDocuments(blanked).reduce((count, doc) => count + ('errors' in doc ? doc.errors.length : 0), 0);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function dockerfileKeywords(text: string): string[] {
  return DockerfileParser.parse(text)
    .getInstructions()
    .map((instruction) => instruction.getKeyword().toUpperCase());
}

const knownKeywords = new Set<string>(Object.values(Keyword));

/**
 * Whether `now` is `was` with only real instructions added: what a fix for a path that ends a line
 * does, as it gives back the instruction that the path's `\` had joined onto its own.
 */
function onlyInstructionsAdded(was: readonly string[], now: readonly string[]): boolean {
  let i = 0;
  for (const keyword of now) {
    if (i < was.length && keyword === was[i]) i++;
    else if (!knownKeywords.has(keyword)) return false;
  }
  return i === was.length;
}

/** "Still parses": no new YAML errors; for a Dockerfile, the same instructions, or more real ones split off. */
function assertStillParses(languageId: Sample['languageId'], before: string, after: string, what: string): void {
  if (languageId === 'yaml') {
    const [was, now] = [yamlErrors(before), yamlErrors(after)];
    if (now > was) throw new Error(`${what}: the YAML had ${was} parse error(s) and has ${now} after the edit`);
  } else {
    const [was, now] = [dockerfileKeywords(before), dockerfileKeywords(after)];
    if (!onlyInstructionsAdded(was, now)) throw new Error(`${what}: the Dockerfile instructions changed from [${was.join(' ')}] to [${now.join(' ')}]`);
  }
}

/** A problem's identity across an edit, as in rule-tester.ts: rule, message and line. */
function problemKey(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.message}\u0000${finding.range.start.line}`;
}

/**
 * How many findings share `finding`'s identity. A line can hold the same problem twice (`$v[0], $v[1]`),
 * so "fixed" means fewer of them afterwards, not none.
 */
function countOf(findings: readonly Finding[], finding: Finding): number {
  const key = problemKey(finding);
  return findings.filter((other) => problemKey(other) === key).length;
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
 * thousands of identical findings, and each re-check is a full analysis, so the number shrinks as
 * the input grows (about 2 MB of re-analyzed text per input).
 */
const maxFindingsWithFixesChecked = 25;
const reanalyzedCharsPerInput = 2 * 1024 * 1024;

function withFixes(analysis: Analysis, textLength: number): Finding[] {
  const limit = Math.max(1, Math.min(maxFindingsWithFixesChecked, Math.floor(reanalyzedCharsPerInput / Math.max(1, textLength))));
  return analysis.findings.filter((finding) => finding.fix || finding.suggestions.length > 0).slice(0, limit);
}

/** Every fix and suggestion applies on its own, fix-all terminates, and all of them leave text that parses. */
export function assertFixesParse(input: Input, options: AnalyzeOptions, analysis: Analysis): void {
  for (const finding of withFixes(analysis, input.text.length)) {
    for (const { what, fix } of fixesOf(finding)) assertStillParses(input.languageId, input.text, applyEdits(input.text, fix.edits), what);
  }
  if (analysis.findings.some((finding) => finding.fix)) {
    assertStillParses(input.languageId, input.text, fixAll(input, options).text, 'fix-all');
  }
}

/** After applying a fix or suggestion (or fix-all), checking again does not report that problem. */
export function assertFixedProblemsGone(input: Input, options: AnalyzeOptions, analysis: Analysis): void {
  for (const finding of withFixes(analysis, input.text.length)) {
    const before = countOf(analysis.findings, finding);
    for (const { what, fix } of fixesOf(finding)) {
      const again = analyze({ ...input, text: applyEdits(input.text, fix.edits) }, options).findings;
      if (countOf(again, finding) >= before) throw new Error(`${what}: the problem is reported again after applying it`);
    }
  }
  if (analysis.findings.some((finding) => finding.fix)) {
    const { remaining } = fixAll(input, options);
    const stillThere = analysis.findings.filter((finding) => finding.fix && countOf(remaining, finding) > 0);
    if (stillThere.length > 0) throw new Error(`fix-all left ${stillThere.map(describeFinding).join(', ')} in place`);
  }
}

/**
 * All properties on one input; an exception from the engine itself propagates with its own stack.
 * `analyzed` is told as soon as the first analysis returns, before the fixes are re-checked.
 */
export function checkInput(input: Input, options: AnalyzeOptions = optionsFor(), analyzed?: (timed: Timed) => void): Timed {
  const timed = timedAnalyze(input, options);
  analyzed?.(timed);
  assertFast(timed, input.text);
  assertRangesInside(input.text, input.uri, timed.analysis);
  assertFixesParse(input, options, timed.analysis);
  assertFixedProblemsGone(input, options, timed.analysis);
  return timed;
}
