// The one way the checker reads a file from a workspace: only regular files, and no more than a
// bound. A cloned repository is untrusted input: a FIFO named `.gitignore` or `.wincontainers.yaml`
// would block a plain read forever, and /dev/zero behind a symlink would never end.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer, and O_NOCTTY
 * keeps a terminal device behind a link from becoming the process's terminal; the fstat of the
 * opened descriptor then tells what it really is (a check by path before opening could be raced by
 * a swap). Windows has neither FIFOs in the tree nor these flags.
 */
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export type ReadOutcome =
  | { ok: true; text: string }
  /** `missing`: nothing there; `not-a-file`: a folder, FIFO, socket or device; `too-large`: over the bound. */
  | { ok: false; reason: 'missing' | 'not-a-file' | 'too-large' | 'error'; message: string; bytes?: number };

function failure(error: unknown): ReadOutcome {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { ok: false, reason: 'missing', message: code };
  if (code === 'EISDIR') return { ok: false, reason: 'not-a-file', message: 'not a regular file' };
  return { ok: false, reason: 'error', message: code ?? String(error) };
}

const notAFile: ReadOutcome = { ok: false, reason: 'not-a-file', message: 'not a regular file' };
const tooLarge = (bytes: number, maxBytes: number): ReadOutcome => ({ ok: false, reason: 'too-large', message: `${bytes} bytes, over the limit of ${maxBytes}`, bytes });

/**
 * What both readers do with an opened file, whatever reads it: yields each buffer to fill and is
 * given the number of bytes read into it (0 at the end); returns the outcome.
 */
function* readOpened(stats: Stats, maxBytes: number): Generator<Buffer, ReadOutcome, number> {
  if (!stats.isFile()) return notAFile;
  if (stats.size > maxBytes) return tooLarge(stats.size, maxBytes);
  const chunks: Buffer[] = [];
  let length = 0;
  // Read to the end rather than to the size fstat gave: the file may grow meanwhile, and one byte
  // more than allowed is enough to refuse it.
  for (let chunk = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1); ; chunk = Buffer.allocUnsafe(64 * 1024)) {
    const read = yield chunk;
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    length += read;
    if (length > maxBytes) return tooLarge(length, maxBytes);
  }
  return { ok: true, text: Buffer.concat(chunks, length).toString('utf8') };
}

/** Reads a regular file as UTF-8, refusing anything else and anything over `maxBytes`. */
export function readRegularFileSync(path: string, maxBytes: number): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(path, openFlags);
  } catch (error) {
    return failure(error);
  }
  try {
    const steps = readOpened(fstatSync(fd), maxBytes);
    for (let step = steps.next(); ; ) {
      if (step.done) return step.value;
      step = steps.next(readSync(fd, step.value, 0, step.value.length, null));
    }
  } catch (error) {
    return failure(error);
  } finally {
    // Whatever was read stands: a descriptor that fails to close (EIO on a network share) has
    // nothing left to give.
    try {
      closeSync(fd);
    } catch {}
  }
}

/** The same, without blocking the event loop. */
export async function readRegularFile(path: string, maxBytes: number): Promise<ReadOutcome> {
  let handle;
  try {
    handle = await open(path, openFlags);
  } catch (error) {
    return failure(error);
  }
  try {
    const steps = readOpened(await handle.stat(), maxBytes);
    for (let step = steps.next(); ; ) {
      if (step.done) return step.value;
      const { bytesRead } = await handle.read(step.value, 0, step.value.length, null);
      step = steps.next(bytesRead);
    }
  } catch (error) {
    return failure(error);
  } finally {
    // As above: a failed close does not undo the read.
    await handle.close().catch(() => undefined);
  }
}
