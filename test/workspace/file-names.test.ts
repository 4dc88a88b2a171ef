// Every file a user would call a Dockerfile is found by a folder walk and indexed by the language
// server, and files that only look like one are left alone.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../server/src/engine/config';
import { WorkspaceIndexer } from '../../server/src/lsp/workspace-indexer';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { scanFolder } from '../../server/src/workspace/scan';
import { dockerfileNames, notDockerfileNames } from '../helpers/file-names';

const windowsDockerfile = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n';
// YAML near misses hold a manifest: they are read as manifests.
const yamlNames = new Set(notDockerfileNames.filter((name) => /\.ya?ml$/i.test(name)));

describe('Dockerfile names in a workspace', () => {
  let root: string;
  // One folder per name: names that differ only in case are one file on Windows and macOS.
  const pathOf = (name: string, index: number): string => join(root, `${index}`, name);
  const names = [...dockerfileNames, ...notDockerfileNames];

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'wincontainers-names-'));
    names.forEach((name, index) => {
      mkdirSync(join(root, `${index}`));
      writeFileSync(pathOf(name, index), yamlNames.has(name) ? 'apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n' : windowsDockerfile);
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('a folder walk finds each form of the name and no near miss', () => {
    const found = scanFolder(root, { ignoreGlobs: [], globRoot: root }).files.map((file) => relative(root, file).replace(/^\d+[/\\]/, ''));
    assert.deepEqual(found.sort(), [...dockerfileNames, ...yamlNames].sort());
  });

  it("the language server's index holds each form of the name and no near miss, from a scan and from file events", async () => {
    const config = resolveConfig([]);
    const host = { configFor: () => config, excludesFor: () => [], isOpen: () => false, pendingChecks: () => undefined, log: () => undefined, changed: () => undefined };
    const scanned = new WorkspaceIndexer(new WorkspaceIndex(), host);
    await scanned.scan([pathToFileURL(root).href]);
    assert.equal(scanned.index.size, dockerfileNames.length + yamlNames.size);

    const watched = new WorkspaceIndexer(new WorkspaceIndex(), host);
    for (const [index, name] of names.entries()) await watched.updateFromDisk(pathToFileURL(pathOf(name, index)).href);
    assert.equal(watched.index.size, dockerfileNames.length + yamlNames.size);
  });
});
