// Every rule has a page whose facts match its metadata, whose "Wrong" examples the rule reports
// and whose "Right" examples it does not; the index is current.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../server/src/engine/config';
import { allRules } from '../../server/src/engine/registry';
import { analyze } from '../../server/src/engine/runner';
import { testToday } from '../helpers/rule-tester';
import { renderRuleIndex } from './rule-index';

const docsDir = join(__dirname, '..', '..', '..', 'docs', 'rules');

function examples(page: string, heading: string): string[] {
  const section = page.split(/^## /m).find((part) => part.startsWith(heading + '\n'));
  if (!section) return [];
  return [...section.matchAll(/```(?:dockerfile|yaml)\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

describe('rule documentation', () => {
  it('docs/rules/README.md is current (run `npm run docs`)', () => {
    assert.equal(readFileSync(join(docsDir, 'README.md'), 'utf8'), renderRuleIndex());
  });

  for (const rule of allRules) {
    describe(rule.id, () => {
      const path = join(docsDir, `${rule.id}.md`);
      it('has a page with its id, description, severity and sources', () => {
        assert.ok(existsSync(path), `missing ${path}`);
        const page = readFileSync(path, 'utf8');
        assert.ok(page.startsWith(`# ${rule.id}\n\n${rule.meta.description}\n`), 'title and description line match the metadata');
        assert.match(page, new RegExp(`^\\| ${rule.meta.defaultSeverity} \\|`, 'm'), 'default severity in the table');
        for (const heading of ['Why', 'Wrong', 'Right', 'Quick fix', 'Options', 'When not to use it', 'Sources']) {
          assert.match(page, new RegExp(`^## ${heading}$`, 'm'), `section ${heading}`);
        }
        for (const source of rule.meta.sources) assert.ok(page.includes(source), `page cites ${source}`);
      });

      it('the rule reports every "Wrong" example and no "Right" example', () => {
        const page = readFileSync(path, 'utf8');
        const uri = rule.meta.language === 'dockerfile' ? 'file:///docs/Dockerfile' : 'file:///docs/example.yaml';
        const run = (code: string): number =>
          analyze({ uri, text: code }, { config: resolveConfig([]), today: testToday, rules: [rule] }).findings.length;
        const wrong = examples(page, 'Wrong');
        const right = examples(page, 'Right');
        assert.ok(wrong.length > 0 && right.length > 0, 'at least one example of each');
        for (const code of wrong) assert.ok(run(code) > 0, `not reported:\n${code}`);
        for (const code of right) assert.equal(run(code), 0, `reported:\n${code}`);
      });
    });
  }
});
