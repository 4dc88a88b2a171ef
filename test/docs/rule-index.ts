// Renders docs/rules/README.md from rule metadata, so the index can never drift from the rules.
import { describeDefaultSeverity, type Scope } from '../../server/src/engine/types';
import { allRules } from '../../server/src/rules';

/** What the runner calls a rule for, as the index says it: `any` rules choose for themselves. */
const checks: Record<Scope, string> = { 'windows-stage': 'Windows stages', 'windows-pod': 'Windows pods', any: 'all' };

export function renderRuleIndex(): string {
  const rows = [...allRules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((rule) => `| [${rule.id}](${rule.id}.md) | ${rule.meta.description.replace(/\|/g, '\\|')} | ${checks[rule.meta.scope]} | ${describeDefaultSeverity(rule.meta)} | ${rule.meta.fixable ? 'yes' : ''} |`);
  return [
    '# Rules',
    '',
    '<!-- Generated from the rules\' metadata by `npm run docs`; a test fails when it is out of date. -->',
    '',
    '| Rule | What it catches | Checks | Default severity | Quick fix |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
