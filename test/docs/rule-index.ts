// Renders docs/rules/README.md from rule metadata, so the index can never drift from the rules.
import { allRules } from '../../server/src/rules';
import { describeDefaultSeverity } from '../../server/src/engine/types';

export function renderRuleIndex(): string {
  const rows = [...allRules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((rule) => `| [${rule.id}](${rule.id}.md) | ${rule.meta.description.replace(/\|/g, '\\|')} | ${describeDefaultSeverity(rule.meta)} | ${rule.meta.fixable ? 'yes' : ''} |`);
  return [
    '# Rules',
    '',
    '<!-- Generated from the rules\' metadata by `npm run docs`; a test fails when it is out of date. -->',
    '',
    '| Rule | What it catches | Default severity | Quick fix |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
