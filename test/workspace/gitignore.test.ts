// The .gitignore matcher with lookup tables must answer as the ignore package does, rule order and
// negations included, for every path a folder walk asks about (one whose folders are not ignored).
// The matcher reads the package's private compiled rules, so package.json pins its exact version:
// these tests are what an upgrade must pass.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ignore from 'ignore';
import { GitIgnoreFile } from '../../server/src/workspace/gitignore';
import { prng } from '../bench/inputs';

const patterns = [
  'foo', '*.log', '/build', 'docs/**/*.md', '!keep.log', 'a/b/', '**/x/*', 'f[a-z]o?', 'generated-1/', '\\#x', 'foo\\ ', 'a/**', '**/foo',
  'foo/*', '/out1', '*.tmp1', 'a.b-c_d', 'x+y', '*.log/', 'café', '/a/b/', '.env*', '!x', 'a[b', '$x', 'a(b)', 'Build', '!*.md', 'LOG*',
  '**/a/b', 'src/', '!src/keep/', '!foo', '# comment', '', '*', '!Dockerfile', 'k8s/*.yaml', '/docs/', '!/build', 'x/', '*.YAML', 'Ö*',
  'build/**/*.log', 'src/**', '/docs/*.md', 'A/**/B', 'k8s/**/web.yaml', 'Foo/**', '/x/**/', '!src/**/keep', 'a/**/b/', '/café/**',
];
const segments = ['foo', 'a', 'b', 'x', 'build', 'Build', 'keep.log', 'x.LOG', 'café', 'CAFÉ', '.env.local', 'src', 'keep', 'docs', 'y.md', 'out1', 'a.b-c_d', '#x', 'foo ', 'LOGS', 'z.tmp1', 'KEEP.LOG', 'k8s', 'web.yaml', 'Dockerfile', 'öl', 'fao'];

function paths(depth: number): string[] {
  if (depth === 0) return [''];
  return paths(depth - 1).flatMap((prefix) => segments.map((segment) => (prefix ? `${prefix}/${segment}` : segment)));
}

describe('gitignore matcher', () => {
  it('agrees with the ignore package on random rule sets', () => {
    const random = prng(13);
    const all = [...paths(1), ...paths(2), ...paths(3).filter(() => random() < 0.1)];
    for (let trial = 0; trial < 150; trial++) {
      const rules = patterns.filter(() => random() < 0.3).sort(() => random() - 0.5);
      const reference = ignore().add(rules);
      const ours = new GitIgnoreFile(rules.join('\n'));
      for (const path of all) {
        const parents = path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/') + '/');
        // A walk never asks below an ignored folder.
        if (parents.some((parent) => reference.ignores(parent))) continue;
        for (const isDir of [false, true]) {
          assert.equal(ours.ignores(path, isDir), reference.ignores(isDir ? path + '/' : path), `${JSON.stringify(rules)} on ${path}${isDir ? '/' : ''}`);
        }
      }
    }
  });

  // Were the package's internals not as expected, the matcher would fall back to the package for
  // every path and the comparison above would pass while the lookup tables went unused. A cut file
  // is only reported when the compiled rules were read.
  it('reads the compiled rules of the installed ignore package', () => {
    const file = new GitIgnoreFile(Array.from({ length: 1_001 }, (_, i) => `*q*${i}`).join('\n'));
    assert.deepEqual(file.truncated, { applied: 1_000, total: 1_001 });
  });
});
