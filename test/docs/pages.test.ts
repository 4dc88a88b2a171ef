// The documentation a user reaches from a diagnostic or the README leads somewhere: no page for a
// rule that no longer exists (nothing links to it, but search finds it), and no relative link to
// a file that is not there. docs.test.ts checks each page against its rule.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/rules';

const repoRoot = join(__dirname, '..', '..', '..');
const rulesDir = join(repoRoot, 'docs', 'rules');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
}

/** Targets of Markdown links and images that are neither URLs nor in-page anchors, without their anchor. */
function relativeLinks(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^(?:[a-z][a-z0-9+.-]*:|#)/i.test(target))
    .map((target) => decodeURIComponent(target.replace(/#.*$/, '')));
}

describe('documentation pages', () => {
  it('every page under docs/rules/<language>/ belongs to a registered rule', () => {
    const ids = new Set<string>(allRules.map((rule) => rule.id));
    const orphans = markdownFiles(rulesDir)
      .map((file) => relative(rulesDir, file).replace(/\\/g, '/').replace(/\.md$/, ''))
      .filter((id) => id !== 'README' && !ids.has(id));
    assert.deepEqual(orphans, []);
  });

  for (const file of [join(repoRoot, 'README.md'), join(repoRoot, 'CHANGELOG.md'), ...markdownFiles(rulesDir)]) {
    it(`${relative(repoRoot, file)} has no broken relative links`, () => {
      const broken = relativeLinks(readFileSync(file, 'utf8')).filter((target) => !existsSync(join(dirname(file), target)));
      assert.deepEqual(broken, []);
    });
  }
});
