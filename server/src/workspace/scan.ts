// Which files of a folder the checker sees: Dockerfiles and YAML files, in name order, without what
// .gitignore files (at any depth), the config's `ignore` globs or the editor's `files.exclude` leave out.
import { isUtf8 } from 'node:buffer';
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Minimatch } from 'minimatch';
import { maxGlobPatterns } from '../engine/config';
import { fileKind } from '../engine/files';
import { GitIgnoreFile, maxMatchedRules } from './gitignore';
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

/**
 * The config's globs, compiled once for a walk (compiling is what costs: a glob with brace sets
 * expands to one pattern per combination). A glob naming a folder excludes everything in it.
 */
class IgnoreGlobs {
  private readonly matchers: Minimatch[];

  constructor(globs: readonly string[], private readonly root: string) {
    // The config check refuses globs beyond the bound; this one keeps any caller from going past it.
    const options = { dot: true, braceExpandMax: maxGlobPatterns };
    this.matchers = globs.flatMap((glob) => [new Minimatch(glob, options), new Minimatch(`${glob.replace(/\/$/, '')}/**`, options)]);
  }

  ignores(absolute: string): boolean {
    if (this.matchers.length === 0) return false;
    const rel = relative(this.root, absolute).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) return false;
    return this.matchers.some((matcher) => matcher.match(rel));
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** Whether a file found in a folder walk is one the checker reads (config files are read separately). */
export function isCheckedFile(name: string): boolean {
  const kind = fileKind(name);
  return kind === 'dockerfile' || kind === 'kubernetes';
}

export function scanFolder(folder: string, options: ScanOptions): ScanResult {
  // The .gitignore paths are cut out of entry paths by length: joining onto `.` or `./x` would
  // drop the leading `./` and throw the count off.
  const root = resolve(folder);
  const result: ScanResult = { files: [], tooLarge: [], skipped: [] };
  const globs = new IgnoreGlobs(options.ignoreGlobs, options.globRoot);
  const rootReal = realPathOr(root);
  const inside = (real: string): boolean => real === rootReal || real.startsWith(rootReal.endsWith(sep) ? rootReal : rootReal + sep);
  /**
   * The real path of every folder walked. A symbolic link is followed when it resolves inside the
   * root (the one place the checker reads); each real folder is walked once, so a link to an
   * ancestor cannot loop, and links to links cannot multiply the walk.
   */
  const walked = new Set<string>([rootReal]);
  /** Linked folders, walked after the plain tree so that a file is listed under its own path first. */
  const linked: Array<{ path: string; real: string; rules: ReadonlyArray<{ base: string; file: GitIgnoreFile }> }> = [];
  /** `base`: the folder of the .gitignore, as a prefix of the paths below it (with the separator). */
  const walk = (dir: string, dirReal: string, rules: ReadonlyArray<{ base: string; file: GitIgnoreFile }>): void => {
    let entries: Array<{ name: string; dirent: Dirent<Buffer> }>;
    const notUtf8: Array<{ name: string; isDir: boolean }> = [];
    try {
      // Listed as bytes: a name that is not valid UTF-8 would come back as a string with U+FFFD in
      // it, naming no file, and every later step on it would fail.
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }).flatMap((dirent) => {
        const name = dirent.name.toString('utf8');
        if (isUtf8(dirent.name)) return [{ name, dirent }];
        // Said for what the walk would have looked into; other files it never reads anyway.
        if (dirent.isDirectory() || isCheckedFile(name)) notUtf8.push({ name, isDir: dirent.isDirectory() });
        return [];
      });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      // One folder that cannot be listed (no permission, a path over PATH_MAX, gone meanwhile)
      // costs that folder only: the rest of the tree is still indexed and checked.
      result.skipped.push({ path: dir, reason: `cannot read folder: ${errorCode(error)}` });
      return;
    }
    let gitignore: string | undefined;
    if (entries.some((entry) => entry.name === '.gitignore')) {
      const ignoreFile = join(dir, '.gitignore');
      const read = readRegularFileSync(ignoreFile, maxIgnoreFileBytes);
      // One that cannot be read (a FIFO, a folder) is left out, said once.
      if (read.ok) gitignore = read.text;
      else if (read.reason !== 'missing') result.skipped.push({ path: ignoreFile, reason: read.message });
    }
    const file = gitignore === undefined ? undefined : new GitIgnoreFile(gitignore);
    if (file?.truncated) {
      const { applied, total } = file.truncated;
      result.skipped.push({ path: join(dir, '.gitignore'), reason: `over ${maxMatchedRules} rules with wildcards; only its first ${applied} of ${total} rules apply` });
    }
    const active = file === undefined ? rules : [...rules, { base: dir.endsWith(sep) ? dir : dir + sep, file }];
    // Only the .gitignore files at or above this folder apply, each asked once per entry.
    const gitIgnored = (absolute: string, isDir: boolean): boolean =>
      active.some(({ base, file }) => {
        const rel = absolute.slice(base.length);
        return file.ignores(sep === '/' ? rel : rel.split(sep).join('/'), isDir);
      });
    // What the user left out is no input the walk failed to read: said only for the rest.
    const excluded = (absolute: string, isDir: boolean): boolean => gitIgnored(absolute, isDir) || globs.ignores(absolute);
    for (const { name, isDir } of notUtf8) {
      const absolute = join(dir, name);
      if (!excluded(absolute, isDir)) result.skipped.push({ path: absolute, reason: 'the name is not valid UTF-8' });
    }
    for (const { name, dirent: entry } of entries) {
      const absolute = join(dir, name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      let real = isDirectory ? join(dirReal, name) : undefined;
      let stats: Stats | undefined;
      if (entry.isSymbolicLink()) {
        if (skippedFolders.has(name)) continue;
        try {
          real = realpathSync(absolute);
          stats = statSync(real);
        } catch (error) {
          // A dangling link or a loop of links: said for a name the checker would have read.
          if (isCheckedFile(name) && !excluded(absolute, false)) result.skipped.push({ path: absolute, reason: `a symbolic link that resolves to nothing (${errorCode(error)})` });
          continue;
        }
        // Outside the workspace is not the workspace's to show: never read, whatever the name.
        if (!inside(real)) continue;
        isDirectory = stats.isDirectory();
        isFile = stats.isFile();
      }
      if (isDirectory) {
        if (skippedFolders.has(name) || walked.has(real!) || excluded(absolute, true)) continue;
        if (stats) {
          linked.push({ path: absolute, real: real!, rules: active });
          continue;
        }
        walked.add(real!);
        walk(absolute, real!, active);
      } else if (isFile && isCheckedFile(name) && !excluded(absolute, false)) {
        if (options.maxFileBytes === undefined) {
          result.files.push(absolute);
          continue;
        }
        let size: number;
        try {
          size = (stats ?? statSync(absolute)).size;
        } catch (error) {
          // Deleted or replaced since the folder was listed.
          result.skipped.push({ path: absolute, reason: errorCode(error) });
          continue;
        }
        if (size > options.maxFileBytes) result.tooLarge.push(absolute);
        else result.files.push(absolute);
      }
    }
  };
  walk(root, rootReal, []);
  // The list grows while it is walked: links found in linked folders.
  for (let i = 0; i < linked.length; i++) {
    const next = linked[i]!;
    if (walked.has(next.real)) continue;
    walked.add(next.real);
    walk(next.path, next.real, next.rules);
  }
  return result;
}

function realPathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
