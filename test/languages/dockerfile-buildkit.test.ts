// The Dockerfile model against BuildKit's own parser: for BuildKit's parser test suite, every
// Dockerfile of the project and every Dockerfile of the real-world corpus, the instructions
// (keyword, first and last line, flags, arguments) are BuildKit's, and so is what rules read.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileKind } from '../../server/src/engine/files';
import { buildkitTestfiles, differentialRun, disagreements, noBuildkit, referenceParse, referenceParseTexts } from '../helpers/buildkit';

const repoRoot = join(__dirname, '..', '..', '..');
const corpus = join(repoRoot, '..', 'shared', 'corpus', 'real-world');

function dockerfilesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.sort().flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === '.git' || /\.[jt]s$/.test(name)) return [];
    if (statSync(path).isDirectory()) return dockerfilesUnder(path);
    return fileKind(path) === 'dockerfile' ? [path] : [];
  });
}

function assertConforms(files: readonly string[]): void {
  const references = referenceParse(files);
  assert.equal(references.length, files.length);
  const failures = files.flatMap((file, i) => {
    const problems = disagreements(readFileSync(file, 'utf8'), references[i]!);
    return problems.length > 0 ? [`${file}:\n  ${problems.slice(0, 5).join('\n  ')}`] : [];
  });
  assert.deepEqual(failures, []);
}

describe('the Dockerfile model against BuildKit', { skip: noBuildkit }, () => {
  it('agrees on every case of BuildKit\'s parser test suite', () => {
    const files = readdirSync(buildkitTestfiles).sort().map((name) => join(buildkitTestfiles, name, 'Dockerfile'));
    assert.equal(files.length, 33);
    assertConforms(files);
  });

  it('agrees on every Dockerfile of the project', () => {
    const files = [...dockerfilesUnder(join(repoRoot, 'test')), ...dockerfilesUnder(join(repoRoot, 'examples'))];
    assert.ok(files.length > 3);
    assertConforms(files);
  });

  it('agrees on every Dockerfile of the real-world corpus', { skip: dockerfilesUnder(corpus).length === 0 && 'skipped: ../shared/corpus is absent' }, () => {
    const files = dockerfilesUnder(corpus);
    assert.ok(files.length > 200, `${files.length} corpus Dockerfiles`);
    assertConforms(files);
  });

  it('agrees, fresh and incremental, through random edits where Dockerfile parsers disagree (fixed seed)', () => {
    const files = [...readdirSync(buildkitTestfiles).map((name) => join(buildkitTestfiles, name, 'Dockerfile')), ...dockerfilesUnder(join(repoRoot, 'examples')), ...dockerfilesUnder(corpus).filter((_, i) => i % 8 === 0)];
    const result = differentialRun(files.map((file) => ({ name: file, text: readFileSync(file, 'utf8') })), 20261204, 150);
    assert.ok(result.cases > 300, `${result.cases} cases`);
    assert.deepEqual(result.failures, []);
  });

  it('agrees where dockerfile-ast reads line continuations and heredocs differently', () => {
    const texts = [
      'FROM x\nCOPY a C:\\\\Windows\\\\\nRUN b\n',
      'FROM x\nENV A trailing\\\\backslash\\\\\nENV B x\n',
      'FROM x\nRUN a \\\\\\\nRUN b\n',
      'FROM x\n\\\nRUN foo\n',
      'FROM x\nRUN a \\\n# comment \\\n\n  b\n',
      'FROM x\nRUN a \\\n# only a comment after\n',
      '# escape=`\nFROM x\nRUN a ``\nRUN b `\n  c\n',
      '\ufeff# escape=`\r\nFROM x\r\nCOPY a C:\\ `\r\n  b\r\n',
      'FROM x\nRUN <<EOF\nRUN not an instruction\nEOF\nCOPY <<-A <<B /dst/\n\tbody\n\tA\nother\nB\nRUN after\n',
      'FROM x\nRUN 3<<"EOF" cat\n$HOME\nEOF\n',
      'FROM x\nRUN ["echo", "a b"] \\\\\nCMD --flag ["a"]\nCOPY --chown="a":"b" -- src dst\n',
      '# syntax=docker/dockerfile:1\n# escape=\\\n# check=skip=all\nFROM x\n',
      '#escape=`\n#escape=`\nFROM x\n',
      '\n# escape=`\nFROM x\nRUN a `\n b\n',
      'FROM x\nENV onlyname\n',
      'FROM x\nRUN <<EOF\nnever ends\n',
      '# just a comment\n',
      'FROM x\nCOPY <<EOF\u00a0/dst\nhello\nEOF\n',
      'FROM x\nRUN a\v<<EOF\nhi\nEOF\n',
      '# escape= \nFROM x\n',
      '# syntax=a\u2028b\n# escape=`\nFROM x\nRUN a `\n b\n',
      'FROM x\nONBUILD --x RUN y\n',
      'FROM x\nRUN a' + ' '.repeat(2000) + 'b  \u00a0\n',
    ];
    const references = referenceParseTexts(texts);
    const failures = texts.flatMap((text, i) => {
      const problems = disagreements(text, references[i]!);
      return problems.length > 0 ? [`${JSON.stringify(text)}:\n  ${problems.join('\n  ')}`] : [];
    });
    assert.deepEqual(failures, []);
  });
});
