// Configuration per workspace folder: editor settings overlaid by the folder's .wincontainers.yaml.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeLeniently, filePathOf } from '../core/uri';
import { boundedGlobs, configFileName, configTooLargeNotice, defaultConfig, maxConfigBytes, parseConfigFile, resolveConfig, sanitizeSettings, type ResolvedConfig, type UserConfig } from '../engine/config';
import { echo } from '../engine/echo';
import type { Notice } from '../engine/types';
import { ruleIds } from '../rules';
import { readRegularFileSync } from '../workspace/read-file';

interface Folder {
  uri: string;
  /** With a trailing slash, so a prefix test cannot match a sibling folder. */
  prefix: string;
  settings: UserConfig;
  file: UserConfig;
  fileNotice?: { uri: string; notice: Notice };
  resolved: ResolvedConfig;
  /** The editor's files.exclude globs that are switched on. */
  excludes: string[];
}

export class ConfigStore {
  private folders: Folder[] = [];
  private globalSettings: UserConfig = {};

  constructor(private readonly log: (message: string) => void = () => undefined) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map((uri) => ({ uri, prefix: uri.endsWith('/') ? uri : uri + '/', settings: {}, file: {}, resolved: defaultConfig, excludes: [] }));
    for (const folder of this.folders) this.reloadFile(folder);
  }

  get folderUris(): string[] {
    return this.folders.map((folder) => folder.uri);
  }

  /** Settings pushed without a folder scope (initializationOptions, didChangeConfiguration from simple clients). */
  setGlobalSettings(raw: unknown): void {
    this.globalSettings = sanitizeSettings(raw, ruleIds);
    for (const folder of this.folders) this.resolve(folder);
  }

  setFolderSettings(folderUri: string, raw: unknown): void {
    const folder = this.folders.find((f) => f.uri === folderUri);
    if (!folder) return;
    folder.settings = sanitizeSettings(raw, ruleIds);
    this.resolve(folder);
  }

  /** VS Code's `files.exclude`: a map of glob to true/false (or a `when` clause, which we treat as on). */
  setFolderExcludes(folderUri: string, raw: unknown): void {
    const folder = this.folders.find((f) => f.uri === folderUri);
    if (!folder || typeof raw !== 'object' || raw === null) return;
    const on = Object.entries(raw as Record<string, unknown>)
      .filter(([, value]) => value === true || (typeof value === 'object' && value !== null))
      .map(([glob]) => glob);
    // A workspace's .vscode/settings.json is as untrusted as the rest of it.
    folder.excludes = boundedGlobs(on);
    if (folder.excludes.length < on.length) this.log(`windows-containers: ignored ${on.length - folder.excludes.length} files.exclude glob(s) that expand to too many patterns`);
  }

  excludesFor(folderUri: string): readonly string[] {
    return this.folders.find((f) => f.uri === folderUri)?.excludes ?? [];
  }

  configForFolder(folderUri: string): ResolvedConfig {
    return this.folders.find((f) => f.uri === folderUri)?.resolved ?? defaultConfig;
  }

  /** A document's path relative to its workspace folder, for messages. */
  describe(documentUri: string): string {
    const folder = this.folderOf(documentUri);
    return decodeLeniently(folder ? documentUri.slice(folder.prefix.length) : documentUri.replace(/^file:\/\//, ''));
  }

  reloadFiles(): void {
    for (const folder of this.folders) this.reloadFile(folder);
  }

  /** Problems in config files on disk, keyed by the file's URI (an empty list clears a fixed file). */
  fileNotices(): Array<{ uri: string; notices: Notice[] }> {
    return this.folders.flatMap((folder) => {
      const uri = configUri(folder.uri);
      return uri === undefined ? [] : [{ uri, notices: folder.fileNotice ? [folder.fileNotice.notice] : [] }];
    });
  }

  configFor(documentUri: string): ResolvedConfig {
    const folder = this.folderOf(documentUri);
    return folder ? folder.resolved : resolveConfig([{ config: this.globalSettings, origin: 'settings' }]);
  }

  private folderOf(documentUri: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.folders) {
      if (documentUri.startsWith(folder.prefix) && (!best || folder.prefix.length > best.prefix.length)) best = folder;
    }
    return best;
  }

  private reloadFile(folder: Folder): void {
    folder.file = {};
    folder.fileNotice = undefined;
    const root = filePathOf(folder.uri);
    if (root === undefined) {
      this.log(`windows-containers: workspace folder ${echo(folder.uri)} has no local path; its ${configFileName} is not read`);
      this.resolve(folder);
      return;
    }
    const path = join(root, configFileName);
    const read = readRegularFileSync(path, maxConfigBytes);
    // No config file: the defaults and the settings apply; one that cannot be read is said once.
    if (!read.ok && read.reason === 'too-large') folder.fileNotice = { uri: pathToFileURL(path).href, notice: configTooLargeNotice(read.bytes ?? 0) };
    else if (!read.ok && read.reason !== 'missing') this.log(`windows-containers: skipped ${echo(path)}: ${read.message}; the defaults apply`);
    if (read.ok) {
      const result = parseConfigFile(read.text, ruleIds);
      folder.file = result.config;
      if (result.problem) folder.fileNotice = { uri: pathToFileURL(path).href, notice: result.problem };
    }
    this.resolve(folder);
  }

  private resolve(folder: Folder): void {
    folder.resolved = resolveConfig([
      { config: this.globalSettings, origin: 'settings' },
      { config: folder.settings, origin: 'settings' },
      { config: folder.file, origin: configFileName },
    ]);
  }
}

/** The URI of a folder's config file; undefined for a folder URI with no local path. */
function configUri(folderUri: string): string | undefined {
  const root = filePathOf(folderUri);
  return root === undefined ? undefined : pathToFileURL(join(root, configFileName)).href;
}
