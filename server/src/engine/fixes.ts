// Applying fixes: one finding's fix, or all preferred fixes of a file (fix-all), repeated until
// nothing changes because one fix can reveal the next (as ESLint does, with a pass limit).
import { applyEdits, comparePositions, rangesOverlap } from '../core/text';
import { analyze, type AnalyzeOptions, type SourceDocument } from './runner';
import type { Finding, Range } from './types';

const maxPasses = 10;

/** Non-overlapping preferred fixes of one pass, first come first served (findings are sorted). */
function compatibleFixes(findings: readonly Finding[]): Finding[] {
  const chosen: Finding[] = [];
  const taken: Range[] = [];
  for (const finding of findings) {
    if (!finding.fix) continue;
    const ranges = finding.fix.edits.map((edit) => edit.range);
    const clashes = ranges.some((range) => taken.some((other) => rangesOverlap(range, other) || (isEmpty(range) && comparePositions(range.start, other.start) === 0)));
    if (clashes) continue;
    chosen.push(finding);
    taken.push(...ranges);
  }
  return chosen;
}

function isEmpty(range: Range): boolean {
  return comparePositions(range.start, range.end) === 0;
}

export interface FixAllResult {
  text: string;
  applied: number;
  remaining: Finding[];
}

export function fixAll(document: SourceDocument, options: AnalyzeOptions): FixAllResult {
  let text = document.text;
  let applied = 0;
  let findings = analyze(document, options).findings;
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = compatibleFixes(findings);
    if (fixes.length === 0) break;
    text = applyEdits(text, fixes.flatMap((finding) => finding.fix!.edits));
    applied += fixes.length;
    findings = analyze({ ...document, text }, options).findings;
  }
  return { text, applied, remaining: findings };
}
