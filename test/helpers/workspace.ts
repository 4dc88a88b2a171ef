// A workspace index built from in-memory files, for tests of cross-file checks.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from '../../server/src/engine/runner';
import type { WorkspaceView } from '../../server/src/engine/workspace-view';
import { summarize } from '../../server/src/workspace/build';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { configLinks } from '../../server/src/workspace/summary';

export const workspaceRoot = '/workspace';

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
