// What the folder walk leaves out and what it says it skipped: an entry the user excluded is never
// reported as one the walk could not read.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scanFolder } from '../../server/src/workspace/scan';

const posix = process.platform !== 'win32';

describe('folder walk', () => {
  let root: string;
  let cases = 0;
  const fresh = (files: Record<string, string>): string => {
    const dir = join(root, `case-${++cases}`);
    mkdirSync(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'wincontainers-scan-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  // Before the fix the .gitignore rules were cut out of `./x/...` paths two characters off.
  it('applies .gitignore rules under a root given as ./relative', () => {
    const dir = fresh({ '.gitignore': 'ignored.yaml\n', 'ignored.yaml': '', 'kept.yaml': '' });
    const result = scanFolder(`./${relative(process.cwd(), dir)}`, { ignoreGlobs: [], globRoot: dir });
    assert.deepEqual(result.files, [join(dir, 'kept.yaml')]);
  });

  // Before the fix each was in `skipped` (exit 2 in the CLI) although the user had excluded it.
  it('says nothing of a dangling link the .gitignore or the config ignores', { skip: !posix }, () => {
    const dir = fresh({ '.gitignore': 'Dockerfile\n', 'kept.yaml': '' });
    symlinkSync(join(dir, 'nowhere'), join(dir, 'Dockerfile'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'gone.yaml'));
    const result = scanFolder(dir, { ignoreGlobs: ['gone.yaml'], globRoot: dir });
    assert.deepEqual(result, { files: [join(dir, 'kept.yaml')], tooLarge: [], skipped: [] });
  });

  it('says nothing of a name that is not UTF-8 when the .gitignore or the config ignores it', { skip: process.platform !== 'linux' }, () => {
    const dir = fresh({ '.gitignore': 'bad-*\n', 'kept.yaml': '' });
    const name = (prefix: string): Buffer => Buffer.concat([Buffer.from(join(dir, prefix)), Buffer.from([0xff]), Buffer.from('.yaml')]);
    writeFileSync(name('bad-'), '');
    writeFileSync(name('globbed-'), '');
    writeFileSync(name('said-'), '');
    const result = scanFolder(dir, { ignoreGlobs: ['globbed-*'], globRoot: dir });
    assert.deepEqual(result.files, [join(dir, 'kept.yaml')]);
    assert.deepEqual(result.skipped, [{ path: join(dir, 'said-\ufffd.yaml'), reason: 'the name is not valid UTF-8' }]);
  });
});
