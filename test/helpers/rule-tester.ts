// Table-driven rule tests in the manner of ESLint's RuleTester. Besides comparing findings and
// fixed output, every case is checked for what a user would hit: ranges outside the document,
// fixes that break the file or leave the problem in place, positions that shift under CRLF or
// (for manifests) when the document sits inside a multi-document stream.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';
import { resolveConfig, type UserConfig } from '../../server/src/engine/config';
import { analyze, type AnalyzeOptions } from '../../server/src/engine/runner';
import { fixAll } from '../../server/src/engine/fixes';
import { applyEdits, LineIndex } from '../../server/src/core/text';
import type { AnyRule, Finding, Fix } from '../../server/src/engine/types';
import { emptyWorkspace, type WorkspaceView } from '../../server/src/core/workspace-view';
import { shippedDocsBase } from '../../server/src/shipped';

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
}

export interface ExpectedError {
  messageId: string;
  /** 1-based, as editors and the CLI show them. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Substring the message must contain. */
  messageIncludes?: string;
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
    docsBase: shippedDocsBase(),
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

/** The fixed file must still parse: no new YAML errors, the same Dockerfile instructions. */
function assertStillParses(rule: AnyRule, before: string, after: string): void {
  if (rule.meta.language === 'kubernetes') {
    const errors = (text: string): number => parseAllDocuments(text).reduce((n, doc) => n + ('errors' in doc ? doc.errors.length : 0), 0);
    assert.equal(errors(after), errors(before), 'the fix made the YAML unparseable');
  } else {
    const keywords = (text: string): string[] => DockerfileParser.parse(text).getInstructions().map((i) => i.getKeyword().toUpperCase());
    assert.deepEqual(keywords(after), keywords(before), 'the fix changed the Dockerfile instruction structure');
  }
}

function sameProblem(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.message === b.message && a.range.start.line === b.range.start.line;
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
  assert.equal(findings.length, testCase.errors.length, `expected ${testCase.errors.length} finding(s), got: ${findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join(' | ')}`);

  testCase.errors.forEach((expected, index) => {
    const finding = findings[index]!;
    const where = `finding ${index + 1} (${finding.message})`;
    const messageId = Object.entries(rule.meta.messages).find(([, template]) => messageMatches(template, finding.message))?.[0];
    assert.equal(messageId, expected.messageId, `${where}: message id`);
    assert.equal(finding.range.start.line + 1, expected.line + variant.lineShift, `${where}: line`);
    assert.equal(finding.range.start.character + 1, expected.column, `${where}: column`);
    if (expected.endLine !== undefined) assert.equal(finding.range.end.line + 1, expected.endLine + variant.lineShift, `${where}: end line`);
    if (expected.endColumn !== undefined) assert.equal(finding.range.end.character + 1, expected.endColumn, `${where}: end column`);
    if (expected.messageIncludes) assert.ok(finding.message.includes(expected.messageIncludes), `${where}: message should include "${expected.messageIncludes}"`);
    const suggestions = expected.suggestions ?? [];
    assert.equal(finding.suggestions.length, suggestions.length, `${where}: number of suggestions (${finding.suggestions.map((s) => s.title).join(', ')})`);
    suggestions.forEach((suggestion, i) => {
      const actual = finding.suggestions[i]!;
      if (suggestion.title) assert.equal(actual.title, suggestion.title, `${where}: suggestion ${i + 1} title`);
      const applied = applyEdits(text, actual.edits);
      assert.equal(applied, variant.code(suggestion.output), `${where}: text after suggestion "${actual.title}"`);
      assertStillParses(rule, text, applied);
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

/** Matches a rendered message against its template, where {{placeholders}} match anything. */
function messageMatches(template: string, message: string): boolean {
  const pattern = template
    .split(/\{\{\s*\w+\s*\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${pattern}$`).test(message);
}
