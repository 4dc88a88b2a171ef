// `wincontainers check`: the same engine as the editor over files and folders, for CI.
// Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage or input problem.
// An input problem (a path that is missing, unreadable or neither a Dockerfile nor YAML) is one line
// on stderr; the other paths are still checked and printed, and the exit code is 2 whatever they hold.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkInputs, type CheckInput, type Language } from './cli-parallel';
import type { ImageLink } from './core/summary';
import { configFileName, configTooLargeMessage, configTooLargeNotice, maxConfigBytes, parseConfigFile, resolveConfig, type ResolvedConfig, type UserConfig } from './engine/config';
import { docsUrl, webDocsBase } from './engine/docs';
import { echo } from './engine/echo';
import { tooLargeNotice } from './engine/runner';
import type { Finding, Notice } from './engine/types';
import { parseWindowsVersion, targetVersionChoices } from './kb';
import { toSarif } from './output/sarif';
import { allRules, ruleIds } from './rules';
import { shippedRulePages } from './shipped';
import { readRegularFileSync } from './workspace/read-file';
import { scanFolder } from './workspace/scan';
import { configLinks } from './workspace/summary';

declare const PACKAGE_VERSION: string;
const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev';

class UsageError extends Error {}

type Format = 'text' | 'json' | 'sarif';

interface Options {
  paths: string[];
  format: Format;
  /** The language of the files named on the command line (not of those found in folders). */
  language?: Language;
  target?: string;
  configPath?: string;
  maxWarnings?: number;
  exitZero: boolean;
  docsUrl?: string;
}

const usage = `Usage: wincontainers check [paths...] [options]

Checks Dockerfiles and Kubernetes manifests for Windows-container mistakes.
Folders are searched for Dockerfile and Containerfile (in any case, alone or followed by ".", "-"
or "_" and a suffix, but not Dockerfile.md, .txt, .sh, .ps1, .json and other scripts and documents),
*.Dockerfile, *.Containerfile and *.yaml/*.yml, skipping what .gitignore and the config's "ignore"
list exclude. A file named on the command line is always checked: as its name says, else as its
content says (a Dockerfile starts with ARG or FROM after comments; a manifest is a YAML mapping).

Options:
  --format text|json|sarif   output format (default: text)
  --language dockerfile|yaml the language of the files named on the command line, whatever their name
  --target <version>         target Windows version: ${targetVersionChoices()}
  --config <file>            configuration file (default: the nearest ${configFileName} at or above each path)
  --max-warnings <n>         exit 1 when there are more than n warnings
  --docs-url <base>          where the rule pages are hosted (http or https), for the links in JSON and
                             SARIF; the config's docsUrl otherwise, and no links when neither is given
  --exit-zero                exit 0 even when problems are found (exit 2 still means bad input)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 a usage problem or an
input problem. A path that is missing, cannot be read or is neither a Dockerfile nor YAML gets one
line on stderr and the other paths are still checked and printed; the exit code is then 2, even
when they have errors.`;

export interface CheckedFile {
  path: string;
  findings: Finding[];
  /** Things said about the file that are not findings. */
  notices: Notice[];
  /** Why the file was not checked (it is too large); it then has no findings. */
  notChecked?: Notice;
  /** One per finding, for SARIF output (empty otherwise): what its fingerprint hashes (see output/fingerprint). */
  textHashes: string[];
}

function parseArgs(argv: string[]): Options | 'help' | 'no-command' | 'version' {
  const [command, ...rest] = argv;
  if (command === undefined) return 'no-command';
  if (command === '-h' || command === '--help') return 'help';
  if (command === '-v' || command === '--version') return 'version';
  if (command !== 'check') throw new UsageError(`unknown command "${command}" (try: wincontainers check [paths...])`);
  const options: Options = { paths: [], format: 'text', exitZero: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? rest[++i];
      if (next === undefined || next === '') throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--format': {
        const format = value();
        if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be text, json or sarif; got "${format}"`);
        options.format = format;
        break;
      }
      case '--language': {
        const language = value();
        if (language !== 'dockerfile' && language !== 'yaml') throw new UsageError(`--language must be dockerfile or yaml; got "${language}"`);
        options.language = language;
        break;
      }
      case '--target': {
        const target = value();
        if (parseWindowsVersion(target) === undefined) throw new UsageError(`--target must be ${targetVersionChoices()}; got "${target}"`);
        options.target = target;
        break;
      }
      case '--exit-zero':
        options.exitZero = true;
        break;
      case '--config':
        options.configPath = value();
        break;
      case '--docs-url': {
        const base = value();
        if (webDocsBase(base) === undefined) throw new UsageError(`--docs-url must be an http or https address; got "${base}"`);
        options.docsUrl = base;
        break;
      }
      case '--max-warnings': {
        const text = value();
        if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings must be a whole number; got "${text}"`);
        options.maxWarnings = Number(text);
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

function loadConfigFile(path: string, cwd: string): UserConfig {
  const shown = relative(cwd, path) || path;
  const read = readRegularFileSync(path, maxConfigBytes);
  if (!read.ok && read.reason !== 'too-large') throw new UsageError(`cannot read config ${shown}: ${read.message}`);
  // The notice names the default file, as the editor reads no other; here the file is the one given.
  const { config, problem, reason } = read.ok ? parseConfigFile(read.text, ruleIds) : { config: {}, problem: configTooLargeNotice(read.bytes ?? 0), reason: configTooLargeMessage(read.bytes ?? 0) };
  if (problem) throw new UsageError(`${shown}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: invalid config: ${reason}.`);
  return config;
}

/** The nearest config file from a folder up to its repository root (or the file system root). */
function discoverConfig(from: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = join(dir, configFileName);
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The files a path stands for: the path itself, or what a folder walk finds under it. */
function collectFiles(path: string, cwd: string, ignoreGlobs: readonly string[], globRoot: string, problems: string[]): Array<{ file: string; named: boolean }> {
  const absolute = resolve(cwd, path);
  let stats;
  try {
    stats = statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(code === 'ENOENT' ? `no such file or folder: ${path}` : `cannot read ${path}: ${code ?? String(error)}`);
    return [];
  }
  if (!stats.isDirectory()) return [{ file: absolute, named: true }];
  const { files, skipped } = scanFolder(absolute, { ignoreGlobs, globRoot });
  // An entry the walk could not read (a FIFO, an unreadable folder, a name that is not UTF-8) costs that entry only.
  for (const entry of skipped) problems.push(`skipped ${relative(cwd, entry.path) || entry.path}: ${entry.reason}`);
  return files.map((file) => ({ file, named: false }));
}

/**
 * Checks the files as the editor would with these paths as its workspace: a manifest sees the
 * Dockerfile that builds its image and the RuntimeClass it uses, as if every file were indexed first
 * (cli-parallel.ts checks again only the files the rest of the workspace answers).
 */
export function check(options: Options, cwd: string, today = new Date(), fingerprints = options.format === 'sarif'): { results: CheckedFile[]; problems: string[]; docsBase?: string } {
  const inputs: CheckInput[] = [];
  /** In the order they are found: the files to check (indexes into `inputs`), and the problems of the walk. */
  const found: Array<{ input: number } | { problem: string }> = [];
  const configs: ResolvedConfig[] = [];
  const links = new Map<string, ImageLink[]>();
  const seen = new Set<string>();
  for (const path of options.paths) {
    const absolute = resolve(cwd, path);
    // Each path gets the config file nearest to it, as each workspace folder does in the editor.
    const configPath = options.configPath ? resolve(cwd, options.configPath) : discoverConfig(existsSync(absolute) && statSync(absolute).isDirectory() ? absolute : dirname(absolute));
    const layers: Array<{ config: UserConfig; origin: string }> = [];
    if (configPath) layers.push({ config: loadConfigFile(configPath, cwd), origin: configFileName });
    if (options.target) layers.push({ config: { targetWindowsVersion: options.target }, origin: '--target' });
    if (options.docsUrl) layers.push({ config: { docsUrl: options.docsUrl }, origin: '--docs-url' });
    const config: ResolvedConfig = resolveConfig(layers);
    configs.push(config);
    if (configPath) links.set(configPath, configLinks(configPath, pathToFileURL(configPath).href, config.images));
    const walkProblems: string[] = [];
    const files = collectFiles(path, cwd, config.ignore, configPath ? dirname(configPath) : absolute, walkProblems);
    for (const problem of walkProblems) found.push({ problem });
    for (const { file, named } of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      found.push({ input: inputs.length });
      inputs.push({ file, named, config: configs.length - 1 });
    }
  }
  const describe = (uri: string): string => relative(cwd, fileURLToPath(uri)) || uri;
  const outcomes = checkInputs(inputs, { configs, configLinks: [...links], language: options.language, describe, today, fingerprints });
  const results: CheckedFile[] = [];
  const problems: string[] = [];
  for (const entry of found) {
    if ('problem' in entry) {
      problems.push(entry.problem);
      continue;
    }
    const { file } = inputs[entry.input]!;
    const path = relative(cwd, file) || file;
    const outcome = outcomes[entry.input]!;
    switch (outcome.kind) {
      case 'unreadable':
        problems.push(`cannot read ${path}: ${outcome.message}`);
        break;
      case 'unknown-language':
        problems.push(`${path}: not a Dockerfile or YAML file (use --language dockerfile|yaml)`);
        break;
      case 'too-large':
        results.push({ path, findings: [], notices: [], notChecked: tooLargeNotice(outcome.bytes), textHashes: [] });
        break;
      case 'checked': {
        const { findings, notices, tooLarge, textHashes } = outcome.analysis;
        const notChecked = tooLarge ? notices.find((notice) => notice.code === 'file-too-large') : undefined;
        results.push({ path, findings, notices: notices.filter((notice) => notice !== notChecked), notChecked, textHashes });
      }
    }
  }
  return { results, problems, docsBase: oneDocsBase(configs) };
}

/** SARIF lists each rule once, with one link: the configs of the paths must agree on where the pages are. */
function oneDocsBase(configs: readonly ResolvedConfig[]): string | undefined {
  const bases = [...new Set(configs.map((config) => config.docsUrl))];
  if (bases.length > 1) throw new UsageError(`the configs of these paths give different docsUrl values (${bases.map((base) => base ?? 'none').join(', ')}); pass --docs-url`);
  return bases[0];
}

interface Counts {
  total: number;
  errors: number;
  warnings: number;
}

function countFindings(results: readonly CheckedFile[]): Counts {
  const all = results.flatMap((result) => result.findings);
  return {
    total: all.length,
    errors: all.filter((finding) => finding.severity === 'error').length,
    warnings: all.filter((finding) => finding.severity === 'warning').length,
  };
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function formatText(results: readonly CheckedFile[], { total, errors, warnings }: Counts, problems: readonly string[]): string {
  const lines = results.flatMap(({ path, findings, notChecked }) => [
    ...findings.map((finding) => `${echo(path)}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.ruleId} ${echo(finding.message)}`),
    ...(notChecked ? [`${echo(path)}: ${notChecked.message}`] : []),
  ]);
  const notChecked = results.filter((result) => result.notChecked).length;
  // Only the files that were read count as having no problems.
  const checked = results.length - notChecked;
  const withProblems = results.filter((result) => result.findings.length > 0).length;
  const summary =
    total === 0
      ? `No problems in ${plural(checked, 'file')}`
      : `${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${withProblems} of ${plural(checked, 'file')}`;
  lines.push(notChecked === 0 ? `${summary}.` : `${summary}; ${plural(notChecked, 'file')} not checked.`);
  // Said here too, as stderr may be read apart from stdout: "No problems" is not all there is to say.
  if (problems.length > 0) lines.push(`${plural(problems.length, 'input')} could not be checked.`);
  return lines.join('\n') + '\n';
}

/**
 * One array, as before files could go unchecked: a finding is `kind: "finding"`; a file that was not
 * checked is one `kind: "not-checked"` entry with `rule: null` and `messageId: null`, at its first line.
 */
function formatJson(results: readonly CheckedFile[], docsBase: string | undefined): string {
  const entries = results.flatMap(({ path, findings, notChecked }) => [
    ...findings.map((finding) => ({
      kind: 'finding',
      file: path,
      line: finding.range.start.line + 1,
      column: finding.range.start.character + 1,
      endLine: finding.range.end.line + 1,
      endColumn: finding.range.end.character + 1,
      severity: finding.severity,
      rule: finding.ruleId,
      messageId: finding.messageId,
      message: finding.message,
      fixable: finding.fix !== undefined,
      docs: docsBase === undefined ? null : docsUrl(docsBase, finding.ruleId),
    })),
    ...(notChecked
      ? [{ kind: 'not-checked', file: path, line: 1, column: 1, endLine: 1, endColumn: 1, severity: notChecked.severity, rule: null, messageId: null, message: notChecked.message, fixable: false, docs: null }]
      : []),
  ]);
  return JSON.stringify(entries, null, 2) + '\n';
}

export interface CommandOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The same check as SARIF, when asked for (the GitHub Action prints one format and uploads SARIF). */
  sarif?: string;
}

export function main(argv: string[], cwd: string, { sarifToo = false } = {}): CommandOutcome {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv);
    if (parsed === 'help') return { exitCode: 0, stdout: usage + '\n', stderr: '' };
    // A CI step that forgot "check" must fail, not pass having checked nothing.
    if (parsed === 'no-command') return { exitCode: 2, stdout: '', stderr: usage + '\n' };
    if (parsed === 'version') return { exitCode: 0, stdout: version + '\n', stderr: '' };
    const wantsSarif = sarifToo || parsed.format === 'sarif';
    const { results, problems, docsBase } = check(parsed, cwd, new Date(), wantsSarif);
    const counts = countFindings(results);
    const { errors, warnings } = counts;
    const sarif = wantsSarif ? toSarif({ results, cwd, rules: allRules, version, docsBase, pages: shippedRulePages([...ruleIds]), problems }) : undefined;
    const stdout = parsed.format === 'json' ? formatJson(results, docsBase) : parsed.format === 'sarif' ? sarif! : formatText(results, counts, problems);
    const tooManyWarnings = parsed.maxWarnings !== undefined && warnings > parsed.maxWarnings;
    // Notes go to stderr in every format, so stdout stays one whole JSON or SARIF document; a file
    // not checked is in the output itself.
    const notes = results.flatMap((result) => result.notices.map((notice) => `wincontainers: note: ${echo(result.path)}: ${echo(notice.message)}\n`)).join('');
    const note = tooManyWarnings && parsed.format === 'text' ? `Too many warnings: ${warnings} (--max-warnings ${parsed.maxWarnings}).\n` : '';
    const inputProblems = problems.map((problem) => `wincontainers: ${echo(problem)}\n`).join('');
    const exitCode = problems.length > 0 ? 2 : !parsed.exitZero && (errors > 0 || tooManyWarnings) ? 1 : 0;
    return { exitCode, stdout, stderr: inputProblems + notes + note, ...(sarifToo ? { sarif } : {}) };
  } catch (error) {
    // Usage messages repeat arguments, paths and config keys: escaped, each stays one line.
    if (error instanceof UsageError) return { exitCode: 2, stdout: '', stderr: `wincontainers: ${echo(error.message)}\n` };
    const message = error instanceof Error ? error.message : String(error);
    return { exitCode: 2, stdout: '', stderr: `wincontainers: internal error: ${echo(message)}\n` };
  }
}
