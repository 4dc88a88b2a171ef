// Every rule has a page whose facts match its metadata, whose "Wrong" examples the rule reports
// and whose "Right" examples it does not; the index is current.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../server/src/engine/config';
import { fileKind } from '../../server/src/engine/files';
import { analyze } from '../../server/src/engine/runner';
import { describeDefaultSeverity } from '../../server/src/engine/types';
import { allRules } from '../../server/src/rules';
import { testToday } from '../helpers/rule-tester';
import { workspaceOf, workspaceRoot } from '../helpers/workspace';
import { renderKbBlocks } from './kb-facts';
import { renderRuleIndex } from './rule-index';

const docsDir = join(__dirname, '..', '..', '..', 'docs', 'rules');

/**
 * The examples of a section: each untitled code block on its own, and all blocks titled
 * ```yaml title=k8s/app.yaml``` together as one workspace (for cross-file rules).
 */
function examples(page: string, heading: string): Array<Record<string, string>> {
  const section = page.split(/^## /m).find((part) => part.startsWith(heading + '\n'));
  if (!section) return [];
  const standalone: Array<Record<string, string>> = [];
  const workspace: Record<string, string> = {};
  for (const match of section.matchAll(/```(dockerfile|yaml)(?: title=(\S+))?\n([\s\S]*?)```/g)) {
    const [, language, title, code] = match;
    if (title) workspace[title] = code!;
    else standalone.push({ [language === 'dockerfile' ? 'Dockerfile' : 'example.yaml']: code! });
  }
  return Object.keys(workspace).length > 0 ? [...standalone, workspace] : standalone;
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
        assert.match(page, new RegExp(`^\\| ${describeDefaultSeverity(rule.meta)} \\|`, 'm'), 'default severity in the table');
        for (const heading of ['Why', 'Wrong', 'Right', 'Quick fix', 'Options', 'When not to use it', 'Sources']) {
          assert.match(page, new RegExp(`^## ${heading}$`, 'm'), `section ${heading}`);
        }
        for (const source of rule.meta.sources) assert.ok(page.includes(source), `page cites ${source}`);
        assert.equal(page, renderKbBlocks(page), 'the KB tables are current (run `npm run docs`)');
      });

      it('the rule reports every "Wrong" example and no "Right" example', () => {
        const page = readFileSync(path, 'utf8');
        // Every file of the rule's language is checked, with the other files as its workspace.
        const run = (files: Record<string, string>): number => {
          const workspace = workspaceOf(files);
          return Object.entries(files)
            .filter(([name]) => fileKind(name) === rule.meta.language)
            .reduce((count, [name, text]) => {
              const uri = pathToFileURL(join(workspaceRoot, name)).href;
              return count + analyze({ uri, text }, { config: resolveConfig([]), today: testToday, rules: [rule], workspace }).findings.length;
            }, 0);
        };
        const wrong = examples(page, 'Wrong');
        const right = examples(page, 'Right');
        assert.ok(wrong.length > 0 && right.length > 0, 'at least one example of each');
        for (const files of wrong) assert.ok(run(files) > 0, `not reported:\n${JSON.stringify(files, null, 2)}`);
        for (const files of right) assert.equal(run(files), 0, `reported:\n${JSON.stringify(files, null, 2)}`);
      });
    });
  }
});
