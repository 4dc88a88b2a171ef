// The server's workspace scan: it goes after the checks of open documents, and never replaces an
// open document's buffer with the file on disk.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../server/src/engine/config';
import { WorkspaceIndexer, type IndexerHost } from '../../server/src/lsp/workspace-indexer';
import { WorkspaceIndex } from '../../server/src/workspace/index';

const pod = (name: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  nodeSelector: {node.kubernetes.io/windows-build: '10.0.20348'}\n  containers: [{name: c, image: contoso/${name}:1}]\n`;

describe('workspace scan', () => {
  let root: string;
  const config = resolveConfig([]);
  const host = (overrides: Partial<IndexerHost>): IndexerHost => ({
    configFor: () => config,
    excludesFor: () => [],
    isOpen: () => false,
    pendingChecks: () => undefined,
    log: () => undefined,
    changed: () => undefined,
    ...overrides,
  });

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'wincontainers-indexer-'));
    writeFileSync(join(root, 'a.yaml'), pod('a'));
    writeFileSync(join(root, 'b.yaml'), pod('b'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads no file while a check of an open document is pending', async () => {
    let checksDone!: () => void;
    let asked!: () => void;
    const scanWaited = new Promise<void>((resolve) => (asked = resolve));
    const pending = new Promise<void>((resolve) => (checksDone = resolve));
    let checking = true;
    void pending.then(() => (checking = false));
    const indexer = new WorkspaceIndexer(new WorkspaceIndex(), host({ pendingChecks: () => (asked(), checking ? pending : undefined) }));
    const scanned = indexer.scan([pathToFileURL(root).href]);
    await scanWaited;
    assert.equal(indexer.index.size, 0);
    checksDone();
    await scanned;
    assert.equal(indexer.index.size, 2);
  });

  it('keeps out a file opened while it was being read: the buffer is the truth', async () => {
    const opened = pathToFileURL(join(root, 'a.yaml')).href;
    let looks = 0;
    // Closed when the scan lists it, open by the time its summary is ready.
    const indexer = new WorkspaceIndexer(new WorkspaceIndex(), host({ isOpen: (uri) => uri === opened && looks++ > 0 }));
    await indexer.scan([pathToFileURL(root).href]);
    assert.equal(indexer.index.size, 1);

    // A change on disk, read while the file was being opened.
    const watcher = new WorkspaceIndexer(new WorkspaceIndex(), host({ isOpen: (uri) => uri === opened }));
    await watcher.updateFromDisk(opened);
    assert.equal(watcher.index.size, 0);
  });

  /** Polls until `done` holds, failing at the deadline. */
  async function until(done: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) assert.fail(`${what}: not within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // Before the fix the rescan only added what it found: the deleted files' summaries stayed.
  it('the rescan after a flood of watcher events drops the files that are gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wincontainers-indexer-flood-'));
    try {
      for (const name of ['keep.yaml', 'gone-1.yaml', 'gone-2.yaml']) writeFileSync(join(dir, name), pod(name.replace('.yaml', '')));
      const logs: string[] = [];
      const indexer = new WorkspaceIndexer(new WorkspaceIndex(), host({ log: (message) => logs.push(message) }));
      await indexer.scan([pathToFileURL(dir).href]);
      assert.equal(indexer.index.size, 3);
      unlinkSync(join(dir, 'gone-1.yaml'));
      unlinkSync(join(dir, 'gone-2.yaml'));
      // A branch switch: more events than are read one by one, most for files that never existed.
      const events = Array.from({ length: 5_001 }, (_, i) => pathToFileURL(join(dir, `deleted-${i}.yaml`)).href);
      indexer.queueFromDisk(events);
      await until(() => logs.filter((message) => /indexed \d+ files/.test(message)).length === 2, 'the rescan');
      assert.deepEqual(indexer.index.pathsUnder([dir]), [join(dir, 'keep.yaml')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Before the fix the first failure ended the drain: the files queued after it were never read.
  it('a file whose update fails costs that file only: the rest of the queue is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wincontainers-indexer-drain-'));
    try {
      mkdirSync(join(dir, 'bad'));
      const bad = Array.from({ length: 45 }, (_, i) => join(dir, 'bad', `${i}.yaml`));
      const good = join(dir, 'good.yaml');
      for (const path of [...bad, good]) writeFileSync(path, pod('p'));
      const logs: string[] = [];
      const indexer = new WorkspaceIndexer(
        new WorkspaceIndex(),
        host({
          log: (message) => logs.push(message),
          isOpen: (uri) => {
            if (uri.includes('/bad/')) throw new Error('host failure');
            return false;
          },
        }),
      );
      indexer.queueFromDisk([...bad, good].map((path) => pathToFileURL(path).href));
      await until(() => indexer.index.size === 1, 'good.yaml indexed');
      assert.deepEqual(indexer.index.pathsUnder([dir]), [good]);
      await until(() => logs.filter((message) => /host failure/.test(message)).length === bad.length, 'each failure logged');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
