// Findings -> LSP diagnostics. Identity travels in `code` (the rule id) and `data.key`, never in the message.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Notice, Severity } from '../engine/types';
import { diagnosticSource } from './protocol';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticData {
  ruleId: string;
  /** Finds the finding again for code actions: rule id, range and position among equal ones. */
  key: string;
}

export function findingKey(finding: Finding, index: number): string {
  const { start, end } = finding.range;
  return `${finding.ruleId}@${start.line}:${start.character}-${end.line}:${end.character}#${index}`;
}

/** `ruleLink`: where the rule's code links to, if anywhere. */
export function toDiagnostic(finding: Finding, index: number, ruleLink?: (ruleId: string) => string | undefined): Diagnostic {
  const href = ruleLink?.(finding.ruleId);
  const data: DiagnosticData = { ruleId: finding.ruleId, key: findingKey(finding, index) };
  return {
    range: finding.range,
    severity: severities[finding.severity],
    source: diagnosticSource,
    code: finding.ruleId,
    codeDescription: href === undefined ? undefined : { href },
    message: finding.message,
    tags: finding.deprecation ? [DiagnosticTag.Deprecated] : undefined,
    relatedInformation: finding.related.length
      ? finding.related.map((related) => ({ location: { uri: related.uri, range: related.range }, message: related.message }))
      : undefined,
    data,
  };
}

export function noticeToDiagnostic(notice: Notice): Diagnostic {
  return { range: notice.range, severity: severities[notice.severity], source: diagnosticSource, code: notice.code, message: notice.message };
}
