// Quick fixes (a rule's fix is preferred, its suggestions are not), "ignore this rule here", and fix-all.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { LineIndex, minimalEdit } from '../core/text';
import { fixAll } from '../engine/fixes';
import type { AnalyzeOptions } from '../engine/runner';
import type { AnalyzedDocument } from '../engine/session';
import { ignoreComment } from '../engine/suppressions';
import type { Finding, Fix } from '../engine/types';
import { instructionStartLine } from '../languages/dockerfile/model';
import { findingKey, type DiagnosticData } from './diagnostics';
import { diagnosticSource, settingsSection } from './protocol';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.${settingsSection}`;

function fixAction(fix: Fix, uri: string, diagnostic: Diagnostic, preferred: boolean): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: { changes: { [uri]: fix.edits } },
  };
}

function ignoreAction(analyzed: AnalyzedDocument, lines: LineIndex, finding: Finding, diagnostic: Diagnostic): CodeAction {
  // A Dockerfile comment covers the whole instruction, so it goes above the instruction's first line.
  const dockerfile = analyzed.analysis.dockerfile;
  const line = dockerfile ? instructionStartLine(dockerfile, finding.range.start.line) : finding.range.start.line;
  const indent = /^\s*/.exec(lines.lineText(line))![0];
  const edit: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# ${ignoreComment} ${finding.ruleId}${lines.eol}` };
  return { title: `Ignore ${finding.ruleId} here`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [analyzed.document.uri]: [edit] } } };
}

export function quickFixes(analyzed: AnalyzedDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const byKey = new Map(analyzed.analysis.findings.map((finding, index) => [findingKey(finding, index), finding]));
  // Once per request, not per diagnostic: a client may send thousands, and indexing the text for
  // each made a request with 20,000 of them take 8.5 s.
  let lines: LineIndex | undefined;
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== diagnosticSource) continue;
    const key = (diagnostic.data as DiagnosticData | undefined)?.key;
    const finding = key ? byKey.get(key) : undefined;
    if (!finding) continue;
    if (finding.fix) actions.push(fixAction(finding.fix, analyzed.document.uri, diagnostic, true));
    for (const suggestion of finding.suggestions) actions.push(fixAction(suggestion, analyzed.document.uri, diagnostic, false));
    actions.push(ignoreAction(analyzed, (lines ??= new LineIndex(analyzed.document.text)), finding, diagnostic));
  }
  return actions;
}

export function fixAllAction(analyzed: AnalyzedDocument, options: AnalyzeOptions, kind: string = fixAllKind): CodeAction | undefined {
  if (!analyzed.analysis.findings.some((finding) => finding.fix)) return undefined;
  const result = fixAll(analyzed.document, options);
  const edit = minimalEdit(analyzed.document.text, result.text);
  if (!edit) return undefined;
  return { title: 'Fix all Windows container problems', kind, edit: { changes: { [analyzed.document.uri]: [edit] } } };
}
