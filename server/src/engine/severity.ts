// How loud a finding or a notice is, and the settings that choose it: what configuration reads and
// rules declare, apart from the rule API so that configuration does not depend on it.
import type { Range } from '../core/text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const severitySettings: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/** A problem that is not a rule finding: a broken configuration file, a file too large to check. */
export interface Notice {
  severity: Severity;
  message: string;
  range: Range;
  code: string;
}
