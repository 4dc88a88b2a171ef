// The bounded reader: a close that fails after the file was read must not turn the read into a failure.
import assert from 'node:assert/strict';
import fs, { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readRegularFile, readRegularFileSync } from '../../server/src/workspace/read-file';

describe('bounded file reader', () => {
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'wincontainers-read-'));
    file = join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM x\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the same text both ways, and refuses the same', async () => {
    assert.deepEqual(readRegularFileSync(file, 100), { ok: true, text: 'FROM x\n' });
    assert.deepEqual(await readRegularFile(file, 100), { ok: true, text: 'FROM x\n' });
    assert.deepEqual(readRegularFileSync(file, 3), await readRegularFile(file, 3));
    assert.deepEqual(readRegularFileSync(dir, 3), await readRegularFile(dir, 3));
  });

  // Before the fix the close's exception replaced the text read.
  it('keeps what was read when closing the file fails', async () => {
    const closeSync = fs.closeSync;
    fs.closeSync = (fd: number): void => {
      closeSync(fd);
      throw Object.assign(new Error('EIO: i/o error, close'), { code: 'EIO' });
    };
    try {
      assert.deepEqual(readRegularFileSync(file, 100), { ok: true, text: 'FROM x\n' });
    } finally {
      fs.closeSync = closeSync;
    }
    const probe = await open(file);
    const prototype = Object.getPrototypeOf(probe) as { close: () => Promise<void> };
    await probe.close();
    const close = prototype.close;
    prototype.close = async function (this: unknown): Promise<void> {
      await close.call(this);
      throw Object.assign(new Error('EIO: i/o error, close'), { code: 'EIO' });
    };
    try {
      assert.deepEqual(await readRegularFile(file, 100), { ok: true, text: 'FROM x\n' });
    } finally {
      prototype.close = close;
    }
  });
});
