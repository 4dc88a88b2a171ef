// One configuration schema for both front ends: VS Code settings `windowsContainers.*` and the
// `.wincontainers.yaml` file at a workspace root. The file wins over settings for its folder.
import { minimatch } from 'minimatch';
import { isMap, isScalar, isSeq, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { LineIndex } from '../core/text';
import { parseWindowsVersion, targetVersionChoices } from '../kb';
import { parseTaint } from '../languages/kubernetes/taints';
import { webDocsBase } from './docs';
import { echo } from './echo';
import { severitySettings, type Notice, type SeveritySetting } from './severity';

export const configFileName = '.wincontainers.yaml';

/** A hand-written config is a few hundred bytes; the bound keeps a hostile one from costing the parse. */
export const maxConfigBytes = 1024 * 1024;

export type Isolation = 'process' | 'hyperv';

/** What a user writes, in settings or in the file. Every key is optional. */
export interface UserConfig {
  targetWindowsVersion?: string;
  isolation?: Isolation;
  rules?: Record<string, SeveritySetting>;
  ignore?: string[];
  /** Image name -> Dockerfile that builds it, for images no compose or skaffold file links. */
  images?: Record<string, string>;
  /** The taint every Windows node carries, in kubectl syntax: `os=windows:NoSchedule`. */
  windowsNodeTaint?: string;
  /** Where the rule pages are hosted (http or https), for the links in the CLI's JSON and SARIF. */
  docsUrl?: string;
}

export interface TargetVersion {
  build: number;
  /** As the user wrote it, for messages: "ltsc2022", "10.0.20348". */
  label: string;
  /** Where it came from: "settings", ".wincontainers.yaml", a workspace inference. */
  origin: string;
}

export interface ResolvedConfig {
  target?: TargetVersion;
  isolation: Isolation;
  rules: Readonly<Record<string, SeveritySetting>>;
  ignore: readonly string[];
  images: Readonly<Record<string, string>>;
  windowsNodeTaint?: string;
  /** Ends in a slash. */
  docsUrl?: string;
}

export const defaultConfig: ResolvedConfig = { isolation: 'process', rules: {}, ignore: [], images: {} };

/**
 * Brace sets multiply a glob: `{a,b}` seventeen times is 131,072 patterns, and each is tried on
 * every path of the workspace. Hand-written globs stay far below these bounds.
 */
export const maxGlobPatterns = 64;
const maxIgnorePatterns = 1000;

/** How many patterns a glob's brace sets expand to, counted no further than one over the bound. */
function globPatterns(glob: string): number {
  return minimatch.braceExpand(glob, { braceExpandMax: maxGlobPatterns + 1 }).length;
}

/** Why a list of ignore globs is refused, with the index of the glob at fault; undefined when it is fine. */
function ignoreGlobsProblem(globs: readonly string[]): { index: number; message: string } | undefined {
  let total = 0;
  for (const [index, glob] of globs.entries()) {
    const patterns = globPatterns(glob);
    if (patterns > maxGlobPatterns) return { index, message: `the ignore glob ${JSON.stringify(glob.length > 80 ? glob.slice(0, 80) + '…' : glob)} expands to more than ${maxGlobPatterns} patterns (each {a,b} doubles them)` };
    total += patterns;
    if (total > maxIgnorePatterns) return { index, message: `ignore expands to more than ${maxIgnorePatterns} patterns` };
  }
  return undefined;
}

/** The globs that stay within the bounds, for settings, where a bad value is dropped rather than fatal. */
export function boundedGlobs(globs: readonly string[]): string[] {
  const kept: string[] = [];
  let total = 0;
  for (const glob of globs) {
    const patterns = globPatterns(glob);
    if (patterns > maxGlobPatterns || total + patterns > maxIgnorePatterns) continue;
    total += patterns;
    kept.push(glob);
  }
  return kept;
}

interface KeySpec {
  describe: string;
  check(node: YamlNode | null, knownRuleIds: ReadonlySet<string>): { value?: unknown; problem?: { node: YamlNode | null; message: string } };
}

const keys: Record<keyof UserConfig, KeySpec> = {
  targetWindowsVersion: {
    describe: targetVersionChoices(),
    check(node) {
      if (node === null || (isScalar(node) && (node.value === null || node.value === ''))) return { value: undefined };
      const text = isScalar(node) ? String(node.value) : undefined;
      if (text === undefined || parseWindowsVersion(text) === undefined) {
        return { problem: { node, message: `targetWindowsVersion must be ${targetVersionChoices()}; got ${describeNode(node)}` } };
      }
      return { value: text };
    },
  },
  isolation: {
    describe: 'process or hyperv',
    check(node) {
      const text = isScalar(node) ? node.value : undefined;
      if (text === 'process' || text === 'hyperv') return { value: text };
      return { problem: { node, message: `isolation must be "process" or "hyperv"; got ${describeNode(node)}` } };
    },
  },
  rules: {
    describe: 'a map of rule id to off, hint, info, warning or error',
    check(node, knownRuleIds) {
      if (!isMap(node)) return { problem: { node, message: `rules must be a map of rule id to ${severitySettings.join('|')}` } };
      const rules: Record<string, SeveritySetting> = {};
      for (const pair of node.items) {
        const id = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!knownRuleIds.has(id)) return { problem: { node: pair.key as YamlNode, message: `unknown rule "${id}" in rules` } };
        const severity = isScalar(pair.value) ? String(pair.value.value) : '';
        if (!(severitySettings as readonly string[]).includes(severity)) {
          return { problem: { node: pair.value as YamlNode, message: `severity of ${id} must be one of ${severitySettings.join(', ')}; got "${severity}"` } };
        }
        rules[id] = severity as SeveritySetting;
      }
      return { value: rules };
    },
  },
  ignore: {
    describe: 'a list of glob patterns',
    check(node) {
      if (!isSeq(node) || !node.items.every((item) => isScalar(item) && typeof item.value === 'string')) {
        return { problem: { node, message: 'ignore must be a list of glob patterns (strings)' } };
      }
      const globs = node.items.map((item) => String((item as { value: unknown }).value));
      const problem = ignoreGlobsProblem(globs);
      if (problem) return { problem: { node: node.items[problem.index] as YamlNode, message: problem.message } };
      return { value: globs };
    },
  },
  windowsNodeTaint: {
    describe: 'the taint of the Windows nodes, key[=value]:Effect',
    check(node) {
      const text = isScalar(node) ? String(node.value) : undefined;
      if (text === undefined || parseTaint(text) === undefined) {
        return { problem: { node, message: `windowsNodeTaint must be a taint such as os=windows:NoSchedule (key[=value]:NoSchedule|PreferNoSchedule|NoExecute); got ${describeNode(node)}` } };
      }
      return { value: text };
    },
  },
  docsUrl: {
    describe: 'the http(s) address where the rule pages (docs/rules/) are hosted',
    check(node) {
      const text = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
      if (text === undefined || webDocsBase(text) === undefined) return { problem: { node, message: `docsUrl must be an http or https address, such as https://example.com/wincontainers/docs/rules/; got ${describeNode(node)}` } };
      return { value: text };
    },
  },
  images: {
    describe: 'a map of image name to the Dockerfile that builds it',
    check(node) {
      const valid = isMap(node) && node.items.every((pair) => isScalar(pair.key) && isScalar(pair.value) && typeof pair.value.value === 'string');
      if (!valid) return { problem: { node, message: 'images must be a map of image name to Dockerfile path, e.g. contoso/web: web/Dockerfile' } };
      return { value: Object.fromEntries(node.items.map((pair) => [String((pair.key as { value: unknown }).value), String((pair.value as { value: unknown }).value)])) };
    },
  },
};

function describeNode(node: YamlNode | null): string {
  if (node === null) return 'nothing';
  if (isScalar(node)) return JSON.stringify(node.value);
  return isMap(node) ? 'a map' : 'a list';
}

export interface ConfigFileResult {
  config: UserConfig;
  /** At most one: the first thing wrong. When present the whole file is ignored and defaults apply. */
  problem?: Notice;
  /** What is wrong, without the notice's framing: for a front end that names the file itself. */
  reason?: string;
}

/** Parses and validates `.wincontainers.yaml`. A broken file yields one notice and no settings. */
export function parseConfigFile(text: string, knownRuleIds: ReadonlySet<string>): ConfigFileResult {
  const lines = new LineIndex(text);
  const fail = (offsets: readonly [number, number], message: string): ConfigFileResult => ({
    config: {},
    problem: { severity: 'error', code: 'config', message: `Invalid ${configFileName}: ${echo(message)}. The defaults apply until it is fixed.`, range: lines.range(offsets[0], offsets[1]) },
    reason: echo(message),
  });
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxConfigBytes) return fail([0, 0], configTooLargeMessage(bytes));
  // The yaml library's uniqueKeys compares each key with every earlier one of its map: a 740 KB
  // images map took 7.8 s. Duplicates are found with a set per map instead.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    return fail([error.pos[0], Math.max(error.pos[1], error.pos[0])], error.message.split('\n')[0]!);
  }
  const duplicate = firstDuplicateKey(doc);
  if (duplicate) return fail(rangeOf(duplicate, text), 'Map keys must be unique');
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { config: {} };
  if (!isMap(root)) return fail(rangeOf(root, text), 'the file must be a map of settings');
  const config: Record<string, unknown> = {};
  for (const pair of root.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const spec = (keys as Record<string, KeySpec | undefined>)[name];
    if (spec === undefined) {
      return fail(rangeOf(pair.key as YamlNode, text), `unknown setting "${name}" (known: ${Object.keys(keys).join(', ')})`);
    }
    const result = spec.check((pair.value as YamlNode | null) ?? null, knownRuleIds);
    if (result.problem) return fail(rangeOf(result.problem.node ?? (pair.key as YamlNode), text), result.problem.message);
    if (result.value !== undefined) config[name] = result.value;
  }
  return { config: config as UserConfig };
}

export function configTooLargeMessage(bytes: number): string {
  return `the file is ${(bytes / 1024 / 1024).toFixed(1)} MiB, over the ${maxConfigBytes / 1024 / 1024} MiB limit`;
}

/** The one notice for a config file too large to read. */
export function configTooLargeNotice(bytes: number): Notice {
  const start = { line: 0, character: 0 };
  return { severity: 'error', code: 'config', message: `Invalid ${configFileName}: ${configTooLargeMessage(bytes)}. The defaults apply until it is fixed.`, range: { start, end: start } };
}

/** The first key that repeats an earlier scalar key of its map, in linear time. */
function firstDuplicateKey(doc: ReturnType<typeof parseDocument>): YamlNode | undefined {
  let found: YamlNode | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) {
          found = pair.key;
          return visit.BREAK;
        }
        seen.add(pair.key.value);
      }
      return undefined;
    },
  });
  return found;
}

function rangeOf(node: YamlNode | null, text: string): [number, number] {
  const range = node?.range;
  return range ? [range[0], range[1]] : [0, Math.min(text.length, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length)];
}

/** Settings from the editor, validated leniently: a wrong value there is dropped, not fatal. */
export function sanitizeSettings(raw: unknown, knownRuleIds: ReadonlySet<string>): UserConfig {
  const result: UserConfig = {};
  if (typeof raw !== 'object' || raw === null) return result;
  const settings = raw as Record<string, unknown>;
  if (typeof settings.targetWindowsVersion === 'string' && parseWindowsVersion(settings.targetWindowsVersion) !== undefined) {
    result.targetWindowsVersion = settings.targetWindowsVersion;
  }
  if (settings.isolation === 'process' || settings.isolation === 'hyperv') result.isolation = settings.isolation;
  if (typeof settings.rules === 'object' && settings.rules !== null) {
    result.rules = {};
    for (const [id, severity] of Object.entries(settings.rules as Record<string, unknown>)) {
      if (knownRuleIds.has(id) && (severitySettings as readonly unknown[]).includes(severity)) result.rules[id] = severity as SeveritySetting;
    }
  }
  if (Array.isArray(settings.ignore)) result.ignore = boundedGlobs(settings.ignore.filter((glob): glob is string => typeof glob === 'string'));
  if (typeof settings.windowsNodeTaint === 'string' && parseTaint(settings.windowsNodeTaint) !== undefined) result.windowsNodeTaint = settings.windowsNodeTaint;
  if (typeof settings.images === 'object' && settings.images !== null) {
    result.images = Object.fromEntries(Object.entries(settings.images as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }
  return result;
}

/** Layers configs in order of increasing precedence; `rules` merge per rule, other keys replace. */
export function resolveConfig(layers: ReadonlyArray<{ config: UserConfig; origin: string }>): ResolvedConfig {
  let target: TargetVersion | undefined;
  let isolation: Isolation = defaultConfig.isolation;
  const rules: Record<string, SeveritySetting> = {};
  let ignore: readonly string[] = [];
  let images: Readonly<Record<string, string>> = {};
  let windowsNodeTaint: string | undefined;
  let docsUrl: string | undefined;
  for (const { config, origin } of layers) {
    if (config.targetWindowsVersion !== undefined) {
      const build = parseWindowsVersion(config.targetWindowsVersion);
      if (build !== undefined) target = { build, label: config.targetWindowsVersion, origin };
    }
    if (config.isolation) isolation = config.isolation;
    Object.assign(rules, config.rules ?? {});
    if (config.ignore) ignore = config.ignore;
    if (config.images) images = config.images;
    if (config.windowsNodeTaint) windowsNodeTaint = config.windowsNodeTaint;
    if (config.docsUrl) docsUrl = webDocsBase(config.docsUrl);
  }
  return { target, isolation, rules, ignore, images, windowsNodeTaint, docsUrl };
}

