// Which files the checker reads: Dockerfiles by name (file-names.ts) and YAML files, which are
// checked only for the Kubernetes objects they contain.
import { configFileName } from './config';
import { isDockerfileName } from './file-names';

export type FileKind = 'dockerfile' | 'kubernetes' | 'config';

const yamlName = /\.ya?ml$/i;

function baseName(pathOrUri: string): string {
  const clean = pathOrUri.replace(/[?#].*$/, '');
  const name = clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1);
  // A URI from the client may have broken percent-encoding: its name is then taken as it is.
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The kind of a file, from the editor's language id when there is one, else from its name. */
export function fileKind(pathOrUri: string, languageId?: string): FileKind | undefined {
  const name = baseName(pathOrUri);
  if (name === configFileName) return 'config';
  if (languageId === 'dockerfile') return 'dockerfile';
  if (languageId === 'yaml') return 'kubernetes';
  if (languageId !== undefined && languageId !== 'plaintext') return undefined;
  if (isDockerfileName(name)) return 'dockerfile';
  if (yamlName.test(name)) return 'kubernetes';
  return undefined;
}
