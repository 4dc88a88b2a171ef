// Table-driven rule tests in the manner of ESLint's RuleTester. Findings are compared by message id,
// data and exact range, never by message text, and with the fixed output; every case is also checked
// for what a user would hit: ranges outside the document, fixes that break the file or leave the
// problem in place, positions that shift under CRLF or (for manifests) when the document sits inside
// a multi-document stream, and fixes or suggestions the rule's meta does not declare. A table fails
// when it has no case for one of the rule's messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';
import { applyEdits, LineIndex } from '../../server/src/core/text';
import { emptyWorkspace, type WorkspaceView } from '../../server/src/core/workspace-view';
import { resolveConfig, type UserConfig } from '../../server/src/engine/config';
import { fixAll } from '../../server/src/engine/fixes';
import { analyze, type AnalyzeOptions } from '../../server/src/engine/runner';
import type { AnyRule, Finding, Fix } from '../../server/src/engine/types';

/** A fixed "today" so date-dependent rules give the same answer every day. */
export const testToday = new Date('2026-11-23T12:00:00Z');

export interface CaseBase {
  name?: string;
  code: string;
  /** Default: Dockerfile for Dockerfile rules, manifest.yaml for Kubernetes rules. */
  filename?: string;
  config?: UserConfig;
  today?: Date;
  workspace?: WorkspaceView;
}

export interface ExpectedSuggestion {
  title?: string;
  output: string;
  /**
   * The suggestion gives back instructions that the mistake joined onto the one before (a `\` that
   * ends a path continues the line): the fixed Dockerfile has more instructions and keeps the old ones.
   */
  restoresInstructions?: boolean;
}

export interface ExpectedError {
  messageId: string;
  /** 1-based, as editors and the CLI show them. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Values the report must have put into its message; keys not given are not checked. */
  data?: Record<string, string | number>;
  suggestions?: ExpectedSuggestion[];
}

export interface InvalidCase extends CaseBase {
  errors: ExpectedError[];
  /** Text after fix-all; must be given whenever any finding has a fix, omitted when none does. */
  output?: string;
}

export type ValidCase = CaseBase | string;

const streamPrefix = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: before\n---\n';
const streamSuffix = '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after\n';
const streamPrefixLines = 5;

function inStream(text: string): string {
  return streamPrefix + text + (text.endsWith('\n') ? '' : '\n') + streamSuffix;
}

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

interface Variant {
  label: string;
  code: (text: string) => string;
  lineShift: number;
}

function variantsFor(rule: AnyRule): Variant[] {
  const variants: Variant[] = [
    { label: 'LF', code: (t) => t, lineShift: 0 },
    { label: 'CRLF', code: toCrlf, lineShift: 0 },
  ];
  if (rule.meta.language === 'kubernetes') variants.push({ label: 'multi-document stream', code: inStream, lineShift: streamPrefixLines });
  return variants;
}

function optionsFor(rule: AnyRule, testCase: CaseBase): AnalyzeOptions {
  return {
    config: resolveConfig([{ config: testCase.config ?? {}, origin: 'test' }]),
    today: testCase.today ?? testToday,
    workspace: testCase.workspace ?? emptyWorkspace,
    rules: [rule],
  };
}

function uriFor(rule: AnyRule, testCase: CaseBase): string {
  return `file:///workspace/${testCase.filename ?? (rule.meta.language === 'dockerfile' ? 'Dockerfile' : 'manifest.yaml')}`;
}

function assertRangesInside(findings: readonly Finding[], text: string): void {
  const lines = new LineIndex(text);
  const check = (range: Finding['range'], what: string): void => {
    for (const position of [range.start, range.end]) {
      assert.ok(position.line >= 0 && position.line < lines.lineCount, `${what}: line ${position.line} outside the document`);
      assert.ok(position.character >= 0 && position.character <= lines.lineText(position.line).length, `${what}: character ${position.character} outside line ${position.line}`);
    }
    assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: range ends before it starts`);
  };
  for (const finding of findings) {
    check(finding.range, finding.ruleId);
    for (const fix of [finding.fix, ...finding.suggestions].filter((f): f is Fix => f !== undefined)) {
      for (const edit of fix.edits) check(edit.range, `${finding.ruleId} fix "${fix.title}"`);
    }
  }
}

/** The fixed file must still parse: no new YAML errors, the same Dockerfile instructions (or, when it restores some, more). */
function assertStillParses(rule: AnyRule, before: string, after: string, restoresInstructions = false): void {
  if (rule.meta.language === 'kubernetes') {
    const errors = (text: string): number => parseAllDocuments(text).reduce((n, doc) => n + ('errors' in doc ? doc.errors.length : 0), 0);
    assert.equal(errors(after), errors(before), 'the fix made the YAML unparseable');
  } else {
    const keywords = (text: string): string[] => DockerfileParser.parse(text).getInstructions().map((i) => i.getKeyword().toUpperCase());
    const [old, now] = [keywords(before), keywords(after)];
    if (!restoresInstructions) {
      assert.deepEqual(now, old, 'the fix changed the Dockerfile instruction structure');
      return;
    }
    let kept = 0;
    for (const keyword of now) if (keyword === old[kept]) kept++;
    assert.ok(now.length > old.length && kept === old.length, `the suggestion should give back instructions and keep the others: ${old.join(' ')} -> ${now.join(' ')}`);
  }
}

/** A fix or suggestions the rule's meta does not declare: the docs index and the editor would not know of them. */
export function assertDeclaredInMeta(rule: AnyRule, findings: readonly Finding[]): void {
  for (const finding of findings) {
    if (finding.fix) assert.ok(rule.meta.fixable, `${rule.id} reported a fix but its meta says fixable: false`);
    if (finding.suggestions.length > 0) assert.ok(rule.meta.hasSuggestions, `${rule.id} reported suggestions but its meta says hasSuggestions: false`);
  }
}

/**
 * What the table leaves out: a message no case produces, or a fix or suggestions the meta declares
 * and no case shows. Checked against the table, whose expectations the cases check against the rule.
 */
export function assertTableCoversMeta(rule: AnyRule, invalid: readonly InvalidCase[]): void {
  const exercised = new Set(invalid.flatMap((testCase) => testCase.errors.map((error) => error.messageId)));
  assert.deepEqual(Object.keys(rule.meta.messages).filter((id) => !exercised.has(id)), [], 'message ids without an invalid case');
  if (rule.meta.fixable) assert.ok(invalid.some((testCase) => testCase.output !== undefined), 'meta says fixable: no case shows a fix');
  if (rule.meta.hasSuggestions) assert.ok(invalid.some((testCase) => testCase.errors.some((error) => (error.suggestions ?? []).length > 0)), 'meta says hasSuggestions: no case shows a suggestion');
}

/** The same message with the same values on the same line: the problem a fix was meant to remove. */
function sameProblem(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.messageId === b.messageId && isDeepStrictEqual(a.data, b.data) && a.range.start.line === b.range.start.line;
}

export function runRuleTests(rule: AnyRule, tests: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    describe('valid', () => {
      for (const raw of tests.valid) {
        const testCase: CaseBase = typeof raw === 'string' ? { code: raw } : raw;
        for (const variant of variantsFor(rule)) {
          it(`${testCase.name ?? testCase.code.split('\n')[0]} [${variant.label}]`, () => {
            const text = variant.code(testCase.code);
            const { findings } = analyze({ uri: uriFor(rule, testCase), text }, optionsFor(rule, testCase));
            assert.deepEqual(
              findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`),
              [],
              'expected no findings',
            );
          });
        }
      }
    });

    it('has a case for every message, and shows the fixes and suggestions its meta declares', () => assertTableCoversMeta(rule, tests.invalid));

    describe('invalid', () => {
      for (const testCase of tests.invalid) {
        for (const variant of variantsFor(rule)) {
          it(`${testCase.name ?? testCase.code.split('\n')[0]} [${variant.label}]`, () => runInvalid(rule, testCase, variant));
        }
      }
    });
  });
}

function runInvalid(rule: AnyRule, testCase: InvalidCase, variant: Variant): void {
  const uri = uriFor(rule, testCase);
  const options = optionsFor(rule, testCase);
  const text = variant.code(testCase.code);
  const { findings } = analyze({ uri, text }, options);
  assertRangesInside(findings, text);
  assertDeclaredInMeta(rule, findings);
  assert.equal(findings.length, testCase.errors.length, `expected ${testCase.errors.length} finding(s), got: ${findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join(' | ')}`);

  testCase.errors.forEach((expected, index) => {
    const finding = findings[index]!;
    const where = `finding ${index + 1} (${finding.message})`;
    assert.equal(finding.messageId, expected.messageId, `${where}: message id`);
    for (const [key, value] of Object.entries(expected.data ?? {})) assert.equal(finding.data[key], value, `${where}: data.${key}`);
    assert.equal(finding.range.start.line + 1, expected.line + variant.lineShift, `${where}: line`);
    assert.equal(finding.range.start.character + 1, expected.column, `${where}: column`);
    if (expected.endLine !== undefined) assert.equal(finding.range.end.line + 1, expected.endLine + variant.lineShift, `${where}: end line`);
    if (expected.endColumn !== undefined) assert.equal(finding.range.end.character + 1, expected.endColumn, `${where}: end column`);
    const suggestions = expected.suggestions ?? [];
    assert.equal(finding.suggestions.length, suggestions.length, `${where}: number of suggestions (${finding.suggestions.map((s) => s.title).join(', ')})`);
    suggestions.forEach((suggestion, i) => {
      const actual = finding.suggestions[i]!;
      if (suggestion.title) assert.equal(actual.title, suggestion.title, `${where}: suggestion ${i + 1} title`);
      const applied = applyEdits(text, actual.edits);
      assert.equal(applied, variant.code(suggestion.output), `${where}: text after suggestion "${actual.title}"`);
      assertStillParses(rule, text, applied, suggestion.restoresInstructions);
      const again = analyze({ uri, text: applied }, options).findings;
      assert.ok(!again.some((f) => sameProblem(f, finding)), `${where}: the problem is still reported after suggestion "${actual.title}"`);
    });
  });

  const fixable = findings.filter((finding) => finding.fix);
  if (fixable.length === 0) {
    assert.equal(testCase.output, undefined, 'output given but no finding has a fix');
    return;
  }
  assert.notEqual(testCase.output, undefined, 'a finding has a fix: give the expected output');
  const fixed = fixAll({ uri, text }, options);
  assert.equal(fixed.text, variant.code(testCase.output!), 'text after fix-all');
  assertStillParses(rule, text, fixed.text);
  for (const finding of fixable) {
    assert.ok(!fixed.remaining.some((f) => sameProblem(f, finding)), `the fix for "${finding.message}" did not remove the problem`);
  }
}
