// A workspace index built from in-memory files, for tests of cross-file checks.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceView } from '../../server/src/core/workspace-view';
import { fileKind, type FileKind } from '../../server/src/engine/files';
import { parse } from '../../server/src/engine/runner';
import { summarize, summarizeText } from '../../server/src/workspace/build';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { configLinks } from '../../server/src/workspace/summary';

export const workspaceRoot = '/workspace';

/** The index reads closed files its own way; it must give the summary an open document's parse gives. */
export function assertSummaryAsWhenOpen(path: string, text: string): void {
  const open = summarize(parse({ uri: pathToFileURL(path).href, text }));
  assert.deepEqual(summarizeText(path, text), open, path);
}

/** Every file of one kind below `dir`. */
export function filesOfKind(dir: string, kind: FileKind): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesOfKind(path, kind);
    return fileKind(name) === kind ? [path] : [];
  });
}

export function indexOf(files: Readonly<Record<string, string>>, images: Readonly<Record<string, string>> = {}): WorkspaceIndex {
  const index = new WorkspaceIndex();
  const configPath = join(workspaceRoot, '.wincontainers.yaml');
  index.setConfigLinks(configPath, configLinks(configPath, pathToFileURL(configPath).href, images));
  for (const [relative, text] of Object.entries(files)) {
    const path = join(workspaceRoot, relative);
    index.set(path, summarize(parse({ uri: pathToFileURL(path).href, text })));
  }
  return index;
}

export function workspaceOf(files: Readonly<Record<string, string>>, images?: Readonly<Record<string, string>>): WorkspaceView {
  return indexOf(files, images).view();
}
