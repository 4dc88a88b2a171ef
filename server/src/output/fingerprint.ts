// What identifies a finding across commits: not its line number, which any edit above it changes,
// but the text it flags and the line that text is on. Code scanning matches alerts by it.
import { createHash } from 'node:crypto';
import { LineIndex } from '../core/text';
import type { Finding } from '../engine/types';

const digest = (parts: readonly string[]): string => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);

/** One per finding, from the text that was checked: a hash of the flagged text and its line's trimmed text. */
export function findingTextHashes(text: string, findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  const lines = new LineIndex(text);
  return findings.map(({ range }) => digest([text.slice(lines.offset(range.start), lines.offset(range.end)), lines.lineText(range.start.line).trim()]));
}

/**
 * Rule id + file + text hash, and which of the equal ones it is in the file (`:1`, `:2`), as
 * GitHub's own primaryLocationLineHash counts repeated lines.
 */
export function findingFingerprints(path: string, findings: readonly Finding[], textHashes: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding, index) => {
    const key = digest([finding.ruleId, path.split('\\').join('/'), textHashes[index] ?? '']);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return `${key}:${occurrence}`;
  });
}
