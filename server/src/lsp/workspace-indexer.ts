// Keeps the workspace index current for the language server with the files on disk: a scan of
// every folder at start-up, then file events (open buffers reach the index through the analysis
// session). It reports which topics changed; the session says which open documents read them. Reading files is cut into slices (a long YAML stream between its
// documents) and each slice waits until no check of an open document is pending, so neither the
// first diagnostics nor a keystroke wait for a large manifest's indexing.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileSummary } from '../core/summary';
import { filePathOf } from '../core/uri';
import { configFileName, type ResolvedConfig } from '../engine/config';
import { echo } from '../engine/echo';
import { maxCheckedBytes } from '../engine/runner';
import { summarizeTextSteps } from '../workspace/build';
import { pathKey, type WorkspaceIndex } from '../workspace/index';
import { readRegularFile } from '../workspace/read-file';
import { isCheckedFile, scanFolder } from '../workspace/scan';
import { configLinks } from '../workspace/summary';

/** Larger files are left out of the index (and named once in the log), as they are not checked. */
const maxIndexedFileBytes = maxCheckedBytes;
const batchSize = 40;
/**
 * A keystroke after a pause in typing waits at most this long for the slice in progress (while
 * typing goes on, the scheduler holds the scan back altogether).
 */
const sliceMs = 20;
/**
 * More changed files than this waiting at once (a branch switch, a storm of watcher events) are
 * cheaper to take in with one scan of the workspace than one by one.
 */
const maxQueuedChanges = 5_000;

export interface IndexerHost {
  configFor(folderUri: string): ResolvedConfig;
  /** Extra globs from the editor (files.exclude), relative to the folder. */
  excludesFor(folderUri: string): readonly string[];
  isOpen(uri: string): boolean;
  /** While a check of an open document is waiting: when none is. */
  pendingChecks(): Promise<void> | undefined;
  log(message: string): void;
  /** Files on disk changed what the index answers on these topics. */
  changed(topics: Set<string>): void;
}

export class WorkspaceIndexer {
  private generation = 0;
  private sliceStart = 0;
  private folders: readonly string[] = [];
  /** Files changed on disk and not read yet: a set, so a file changed many times is read once. */
  private readonly queued = new Set<string>();
  private rescanQueued = false;
  private draining = false;

  constructor(
    readonly index: WorkspaceIndex,
    private readonly host: IndexerHost,
  ) {}

  /** Scans every folder; resolves when the index is complete. A later call supersedes a running one. */
  async scan(folderUris: readonly string[]): Promise<void> {
    const generation = ++this.generation;
    this.folders = folderUris;
    const started = Date.now();
    const tooLarge: string[] = [];
    let count = 0;
    const changed = new Set<string>();
    /** The folders walked, and every file the walks found: what else the index holds under them is gone. */
    const walkedRoots: string[] = [];
    const found = new Set<string>();
    for (const folderUri of folderUris) {
      await this.pause();
      if (generation !== this.generation) return;
      const root = filePathOf(folderUri);
      if (root === undefined) {
        this.host.log(`windows-containers: skipped workspace folder ${echo(folderUri)}: no local path`);
        continue;
      }
      const config = this.host.configFor(folderUri);
      const configPath = join(root, configFileName);
      this.mergeInto(changed, this.index.setConfigLinks(configPath, configLinks(configPath, pathToFileURL(configPath).href, config.images)));
      let files: string[];
      try {
        const result = scanFolder(root, { ignoreGlobs: [...config.ignore, ...this.host.excludesFor(folderUri)], globRoot: root, maxFileBytes: maxIndexedFileBytes });
        files = result.files;
        tooLarge.push(...result.tooLarge);
        walkedRoots.push(pathKey(root));
        for (const file of files) found.add(pathKey(file));
        for (const { path, reason } of result.skipped) this.host.log(`windows-containers: skipped ${echo(path)}: ${reason}`);
      } catch (error) {
        this.host.log(`windows-containers: could not scan ${echo(root)}: ${String(error)}`);
        continue;
      }
      for (let i = 0; i < files.length; i += batchSize) {
        const batch = files.slice(i, i + batchSize).filter((file) => !this.host.isOpen(pathToFileURL(file).href));
        const texts = await Promise.all(batch.map((file) => this.read(file, tooLarge)));
        for (const [j, file] of batch.entries()) {
          const text = texts[j];
          // Each text is let go once read: a batch of large manifests is not held in memory at once.
          texts[j] = undefined;
          if (text === undefined) continue;
          const summary = await this.summarizeInSlices(file, text);
          if (generation !== this.generation) return;
          // Opened while it was being read: its buffer is in the index already, and is the truth.
          if (!this.host.isOpen(pathToFileURL(file).href)) this.mergeInto(changed, this.index.set(file, summary));
        }
        count += batch.length;
      }
    }
    // Deleted, newly ignored or grown too large since the last scan (a rescan after a flood of
    // watcher events stands for those events). An open document's buffer stays: it is the truth.
    for (const path of this.index.pathsUnder(walkedRoots)) {
      if (!found.has(path) && !this.host.isOpen(pathToFileURL(path).href)) this.mergeInto(changed, this.index.set(path, undefined));
    }
    if (tooLarge.length > 0) {
      this.host.log(`windows-containers: ${tooLarge.length} file(s) over ${maxIndexedFileBytes / 1024 / 1024} MiB left out of the workspace index: ${tooLarge.slice(0, 5).map(echo).join(', ')}${tooLarge.length > 5 ? ', …' : ''}`);
    }
    this.host.log(`windows-containers: indexed ${count} files in ${Date.now() - started} ms`);
    if (changed.size > 0) this.host.changed(changed);
  }

  /**
   * Files changed, appeared or disappeared on disk. Watcher events are coalesced: each file is read
   * once however many events name it, a batch at a time and after pending checks, and a flood of
   * them becomes one scan. Before, every event started its own read at once, and a storm of a
   * million left the server unresponsive for over a minute.
   */
  queueFromDisk(uris: Iterable<string>): void {
    for (const uri of uris) {
      if (this.rescanQueued) break;
      this.queued.add(uri);
      if (this.queued.size > maxQueuedChanges) {
        this.queued.clear();
        this.rescanQueued = true;
      }
    }
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    // Each failure costs its file (or the rescan) only: what is queued after it is still read.
    const failed = (what: string) => (error: unknown): void =>
      this.host.log(`windows-containers: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    try {
      while (this.queued.size > 0 || this.rescanQueued) {
        await this.pause();
        if (this.rescanQueued) {
          this.rescanQueued = false;
          this.host.log(`windows-containers: over ${maxQueuedChanges} files changed on disk at once; scanning the workspace again`);
          await this.scan(this.folders).catch(failed('the workspace scan'));
          continue;
        }
        const batch: string[] = [];
        for (const uri of this.queued) {
          batch.push(uri);
          if (batch.length === batchSize) break;
        }
        for (const uri of batch) this.queued.delete(uri);
        await Promise.all(batch.map((uri) => this.updateFromDisk(uri).catch(failed(`reading ${echo(uri)}`))));
      }
    } finally {
      this.draining = false;
    }
  }

  /** A file changed, appeared or disappeared on disk (or an open document was closed). */
  async updateFromDisk(uri: string): Promise<void> {
    const path = filePathOf(uri);
    if (path === undefined) {
      this.host.log(`windows-containers: skipped ${echo(uri)}: no local path`);
      return;
    }
    if (!isCheckedFile(path)) return;
    const text = await this.read(path);
    const summary = text === undefined ? undefined : await this.summarizeInSlices(path, text);
    // Opened meanwhile: its buffer is in the index already, and is the truth.
    if (this.host.isOpen(uri)) return;
    const changed = this.index.set(path, summary);
    if (changed.size > 0) this.host.changed(changed);
  }

  /** A file's text, or undefined (said in the log) when it is not a regular file within the size limit. */
  private async read(path: string, tooLarge?: string[]): Promise<string | undefined> {
    const read = await readRegularFile(path, maxIndexedFileBytes);
    if (read.ok) return read.text;
    if (read.reason === 'too-large' && tooLarge) tooLarge.push(path);
    else if (read.reason !== 'missing' && read.reason !== 'too-large') this.host.log(`windows-containers: skipped ${echo(path)}: ${read.message}`);
    return undefined;
  }

  private async summarizeInSlices(path: string, text: string): Promise<FileSummary | undefined> {
    const steps = summarizeTextSteps(path, text);
    for (;;) {
      if (performance.now() - this.sliceStart >= sliceMs) await this.pause();
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * Ends a slice, and starts the next one once a turn of the event loop found no check pending. A
   * timer turn rather than setImmediate: a message read meanwhile is dispatched by setImmediate,
   * and the check it schedules must be pending when asked about; after checks, the turn also
   * lets their diagnostics be written before index work goes on.
   */
  private async pause(): Promise<void> {
    for (;;) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      const checks = this.host.pendingChecks();
      if (!checks) break;
      await checks;
    }
    this.sliceStart = performance.now();
  }

  private mergeInto(target: Set<string>, source: Set<string>): void {
    for (const topic of source) target.add(topic);
  }
}
