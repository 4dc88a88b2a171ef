// File URIs from the client are input: one with a host (`file://host/x`), an encoded slash (`%2F`)
// or bad percent-encoding has no local path, and Node's fileURLToPath throws on it.
import { fileURLToPath } from 'node:url';

/** The local path of a `file:` URI, or undefined when it is not one or has none. */
export function filePathOf(uri: string): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** decodeURIComponent, keeping the text as it is where its percent-encoding is broken. */
export function decodeLeniently(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
