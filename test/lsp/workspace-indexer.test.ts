// The server's workspace scan: it goes after the checks of open documents, and never replaces an
// open document's buffer with the file on disk.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { resolveConfig } from '../../server/src/engine/config';
import { WorkspaceIndexer, type IndexerHost } from '../../server/src/lsp/workspace-indexer';

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
    const indexer = new WorkspaceIndexer(host({ pendingChecks: () => (asked(), checking ? pending : undefined) }));
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
    const indexer = new WorkspaceIndexer(host({ isOpen: (uri) => uri === opened && looks++ > 0 }));
    await indexer.scan([pathToFileURL(root).href]);
    assert.equal(indexer.index.size, 1);

    // A change on disk, read while the file was being opened.
    const watcher = new WorkspaceIndexer(host({ isOpen: (uri) => uri === opened }));
    await watcher.updateFromDisk(opened);
    assert.equal(watcher.index.size, 0);
  });
});
