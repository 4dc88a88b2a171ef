// What a rule may ask about files other than the one being checked. The single-file view answers
// from the file itself; the workspace index answers from every file in the workspace.
import type { Range } from './types';

export interface RuntimeClassInfo {
  name: string;
  uri: string;
  range: Range;
  /** The OS its scheduling.nodeSelector pins, when it does. */
  os?: 'windows' | 'linux';
  /** Its `node.kubernetes.io/windows-build` selector value, as written. */
  windowsBuild?: string;
  windowsBuildRange?: Range;
}

export interface WorkspaceView {
  /** undefined when no RuntimeClass of that name is known: callers must then stay silent. */
  runtimeClass(name: string): RuntimeClassInfo | undefined;
}

export const emptyWorkspace: WorkspaceView = { runtimeClass: () => undefined };

/** Looks in `local` first (the file being checked, which may be unsaved), then in `fallback`. */
export function layeredWorkspace(local: ReadonlyMap<string, RuntimeClassInfo>, fallback: WorkspaceView): WorkspaceView {
  return { runtimeClass: (name) => local.get(name) ?? fallback.runtimeClass(name) };
}
