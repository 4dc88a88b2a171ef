// Which files of a folder the checker sees: Dockerfiles and YAML files, in name order, without what
// .gitignore files (at any depth), the config's `ignore` globs or the editor's `files.exclude` leave out.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import { fileKind } from '../engine/files';
import { readRegularFileSync } from './read-file';

export interface ScanOptions {
  /** Globs relative to `globRoot` (the folder of the config file, or the workspace folder). */
  ignoreGlobs: readonly string[];
  globRoot: string;
  /** Files larger than this are listed in `tooLarge` instead of `files`. */
  maxFileBytes?: number;
}

export interface ScanResult {
  files: string[];
  tooLarge: string[];
  /** What the walk had to leave out, each with why: the caller says so once per entry. */
  skipped: Array<{ path: string; reason: string }>;
}

/** A .gitignore is a few kilobytes; the bound keeps a hostile one from costing the walk. */
const maxIgnoreFileBytes = 1024 * 1024;

const skippedFolders = new Set(['.git', 'node_modules']);

export class ScanError extends Error {}

/** True when a config glob excludes the path (a glob naming a folder excludes everything in it). */
export function ignoredByGlobs(absolute: string, globs: readonly string[], globRoot: string): boolean {
  const rel = relative(globRoot, absolute).split(sep).join('/');
  if (rel === '' || rel.startsWith('..')) return false;
  return globs.some((glob) => minimatch(rel, glob, { dot: true }) || minimatch(rel, `${glob.replace(/\/$/, '')}/**`, { dot: true }));
}

/** Whether a file found in a folder walk is one the checker reads (config files are read separately). */
export function isCheckedFile(name: string): boolean {
  const kind = fileKind(name);
  return kind === 'dockerfile' || kind === 'kubernetes';
}

export function scanFolder(root: string, options: ScanOptions): ScanResult {
  const result: ScanResult = { files: [], tooLarge: [], skipped: [] };
  const walk = (dir: string, rules: ReadonlyArray<{ base: string; matcher: Ignore }>): void => {
    const ignoreFile = join(dir, '.gitignore');
    const read = readRegularFileSync(ignoreFile, maxIgnoreFileBytes);
    // Most folders have none; one that cannot be read (a FIFO, a folder) is left out, said once.
    if (!read.ok && read.reason !== 'missing') result.skipped.push({ path: ignoreFile, reason: read.message });
    const gitignore = read.ok ? read.text : undefined;
    const active = gitignore === undefined ? rules : [...rules, { base: dir, matcher: ignore().add(gitignore) }];
    const gitIgnored = (absolute: string, isDir: boolean): boolean =>
      active.some(({ base, matcher }) => {
        const rel = relative(base, absolute).split(sep).join('/');
        return rel !== '' && !rel.startsWith('..') && matcher.ignores(isDir ? rel + '/' : rel);
      });
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      throw new ScanError(`cannot read folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    for (const entry of entries) {
      const absolute = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (skippedFolders.has(entry.name) || gitIgnored(absolute, true) || ignoredByGlobs(absolute, options.ignoreGlobs, options.globRoot)) continue;
        walk(absolute, active);
      } else if (entry.isFile() && isCheckedFile(entry.name) && !gitIgnored(absolute, false) && !ignoredByGlobs(absolute, options.ignoreGlobs, options.globRoot)) {
        if (options.maxFileBytes !== undefined && statSync(absolute).size > options.maxFileBytes) result.tooLarge.push(absolute);
        else result.files.push(absolute);
      }
    }
  };
  walk(root, []);
  return result;
}
