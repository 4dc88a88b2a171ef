// Turning findings off where the user asked: `# wincontainers-ignore <rule-id>[, <rule-id>]` on the
// line before (no id = every rule), and for a Kubernetes object the annotation
// `wincontainers.io/ignore: "<rule-id>,<rule-id>"` (or "all").
import { LineIndex } from '../core/text';
import type { Range } from './types';

export const ignoreComment = 'wincontainers-ignore';
export const ignoreAnnotation = 'wincontainers.io/ignore';

const commentPattern = new RegExp(`^\\s*#\\s*${ignoreComment}(?:\\s+(.*))?$`);

export interface Suppressions {
  /** Line -> rule ids ignored on it ('*' for all). */
  byLine: Map<number, Set<string>>;
}

/**
 * A comment applies to the next line that is not blank and not a comment; for Dockerfiles the
 * caller maps a multi-line instruction to its first line, so the comment covers the instruction.
 */
export function collectSuppressions(lines: LineIndex): Suppressions {
  const byLine = new Map<number, Set<string>>();
  // Most files have none: one search instead of a look at every line on every keystroke.
  if (!lines.text.includes(ignoreComment)) return { byLine };
  let pending: Set<string> | undefined;
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const match = commentPattern.exec(text);
    if (match) {
      const ids = (match[1] ?? '').split(/[\s,]+/).filter(Boolean);
      pending ??= new Set();
      if (ids.length === 0) pending.add('*');
      for (const id of ids) pending.add(id);
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (pending) {
      byLine.set(line, pending);
      pending = undefined;
    }
  }
  return { byLine };
}

export function isSuppressed(suppressions: Suppressions, ruleId: string, line: number): boolean {
  const ids = suppressions.byLine.get(line);
  return ids !== undefined && (ids.has('*') || ids.has(ruleId));
}

export function parseIgnoreAnnotation(value: string | undefined): Set<string> | undefined {
  if (value === undefined) return undefined;
  const ids = value.split(/[\s,]+/).filter(Boolean).map((id) => (id === 'all' ? '*' : id));
  return new Set(ids);
}

export function objectSuppresses(ids: Set<string>, ruleId: string, objectRange: Range, findingRange: Range): boolean {
  const within = objectRange.start.line <= findingRange.start.line && findingRange.start.line <= objectRange.end.line;
  return within && (ids.has('*') || ids.has(ruleId));
}
