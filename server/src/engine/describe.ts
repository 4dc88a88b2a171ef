// Wording shared by the cross-file rules: how a file is named in messages.
import { basename } from 'node:path';
import { filePathOf } from '../core/uri';

export function fileName(uri: string): string {
  return basename(filePathOf(uri) ?? uri);
}
