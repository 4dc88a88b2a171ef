// The pure engine: (document, config, workspace, today) -> findings with fixes. The language server,
// the CLI and the tests all call this; nothing here knows about LSP connections or the file system.
import { LineIndex } from '../core/text';
import { emptyWorkspace, type WorkspaceView } from '../core/workspace-view';
import { instructionStartLine, parseDockerfile, type DockerfileModel, type Stage } from '../languages/dockerfile/model';
import { parseKubernetes, nodeRange, type KubernetesModel, type PodSpec } from '../languages/kubernetes/model';
import { parseConfigFile, type ResolvedConfig } from './config';
import { echo } from './echo';
import { kubernetesFacts, type KubernetesFacts } from './facts';
import { fileKind, type FileKind } from './files';
import type { WindowsPod } from './pod-os';
import { collectSuppressions, ignoreAnnotation, isSuppressed, objectSuppresses, parseIgnoreAnnotation } from './suppressions';
import { defaultSeverity, type AnyRule, type DockerfileHandlers, type Finding, type FrontEnd, type KubernetesHandlers, type Notice, type Report, type RuleContext, type Severity } from './types';

export interface SourceDocument {
  uri: string;
  text: string;
  /** The editor's language id, when the document comes from an editor. */
  languageId?: string;
}

export interface AnalyzeOptions {
  config: ResolvedConfig;
  today?: Date;
  workspace?: WorkspaceView;
  /** The rules to run: the front ends pass every rule, a rule test one. */
  rules: readonly AnyRule[];
  /** Picks each rule's default severity; the editor's when not given. */
  frontEnd?: FrontEnd;
  /**
   * Rules not to run whatever their severity: the editor leaves out what another extension already
   * shows the user (YAML syntax errors, when a YAML extension validates the file).
   */
  omitRules?: ReadonlySet<string>;
}

export interface Analysis {
  kind?: FileKind;
  findings: Finding[];
  notices: Notice[];
  dockerfile?: DockerfileModel;
  kubernetes?: KubernetesModel;
}

/** A document parsed once: shared by the checks, the workspace index, hover and completion. */
export interface ParsedDocument {
  document: SourceDocument;
  kind?: FileKind;
  dockerfile?: DockerfileModel;
  kubernetes?: KubernetesModel;
  /** Over maxCheckedBytes: not parsed, reported with one notice. */
  tooLarge?: boolean;
}

/**
 * Larger documents are not checked: no hand-written Dockerfile or manifest comes near it, and a
 * generated one (a CRD bundle) would cost a second or more of parsing on every keystroke: a
 * 512 KB manifest takes about half a second here, most of it in the yaml library's parser.
 * Counted in UTF-8 bytes, the size on disk, so the editor, the CLI and the workspace index draw
 * the line at the same file.
 */
export const maxCheckedBytes = 512 * 1024;

/** The file-size rule, for a text already in memory. */
export function isTooLarge(text: string): boolean {
  // A UTF-16 code unit takes one to three bytes in UTF-8 (a surrogate pair four for two).
  if (text.length > maxCheckedBytes) return true;
  if (text.length * 3 <= maxCheckedBytes) return false;
  return Buffer.byteLength(text, 'utf8') > maxCheckedBytes;
}

/** The one note on a file over the limit, for a text in memory or a file the CLI did not read. */
export function tooLargeNotice(bytes: number): Notice {
  const size = (bytes / 1024 / 1024).toFixed(1);
  return { severity: 'info', code: 'file-too-large', message: `Not checked for Windows container problems: the file is ${size} MB, over the ${maxCheckedBytes / 1024 / 1024} MB limit.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/**
 * Parses a document. `previous`, the parse of the same document's last version, lets unchanged
 * YAML documents of a stream and unchanged Dockerfile instructions be reused; it must not be used
 * after this call.
 */
export function parse(document: SourceDocument, previous?: Pick<ParsedDocument, 'kubernetes' | 'dockerfile'>): ParsedDocument {
  const kind = fileKind(document.uri, document.languageId);
  if ((kind === 'dockerfile' || kind === 'kubernetes') && isTooLarge(document.text)) return { document, kind, tooLarge: true };
  if (kind === 'dockerfile') return { document, kind, dockerfile: parseDockerfile(document.text, previous?.dockerfile) };
  if (kind === 'kubernetes') return { document, kind, kubernetes: parseKubernetes(document.text, previous?.kubernetes) };
  return { document, kind };
}

export function analyze(document: SourceDocument, options: AnalyzeOptions): Analysis {
  return analyzeParsed(parse(document), options);
}

export function analyzeParsed(parsed: ParsedDocument, options: AnalyzeOptions): Analysis {
  const { document, kind } = parsed;
  if (parsed.tooLarge) return { kind, findings: [], notices: [tooLargeNotice(Buffer.byteLength(document.text, 'utf8'))] };
  if (kind === 'config') {
    const { problem } = parseConfigFile(document.text, new Set(options.rules.map((rule) => rule.id)));
    return { kind, findings: [], notices: problem ? [problem] : [] };
  }
  if (parsed.dockerfile) return analyzeDockerfile(document, parsed.dockerfile, options);
  if (parsed.kubernetes) return analyzeKubernetes(document, parsed.kubernetes, options);
  return { kind, findings: [], notices: [] };
}

function activeRules(options: AnalyzeOptions, language: 'dockerfile' | 'kubernetes'): Array<{ rule: AnyRule; severity: Severity }> {
  const result: Array<{ rule: AnyRule; severity: Severity }> = [];
  for (const rule of options.rules) {
    if (rule.meta.language !== language || options.omitRules?.has(rule.id)) continue;
    const setting = options.config.rules[rule.id] ?? defaultSeverity(rule.meta, options.frontEnd ?? 'editor');
    if (setting !== 'off') result.push({ rule, severity: setting });
  }
  return result;
}

interface Collector {
  findings: Finding[];
  contextFor(rule: AnyRule, severity: Severity): RuleContext<string>;
}

function collector(document: SourceDocument, lines: LineIndex, options: AnalyzeOptions, workspace: WorkspaceView, facts?: KubernetesFacts): Collector {
  const findings: Finding[] = [];
  const today = options.today ?? new Date();
  return {
    findings,
    contextFor(rule, severity) {
      return {
        uri: document.uri,
        text: document.text,
        lines,
        config: options.config,
        today,
        workspace,
        facts,
        report(report: Report<string>) {
          findings.push(toFinding(rule, severity, report));
        },
      };
    },
  };
}

function toFinding(rule: AnyRule, severity: Severity, report: Report<string>): Finding {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`${rule.id} reported unknown message id ${report.messageId}`);
  // Data comes from the file (an image name, a label): a line break in it must not split the message.
  const message = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, key: string) => echo(String(report.data?.[key] ?? `{{${key}}}`)));
  return {
    ruleId: rule.id,
    severity,
    messageId: report.messageId,
    data: report.data ?? {},
    message,
    range: report.range,
    fix: report.fix,
    suggestions: report.suggest ?? [],
    related: report.related ?? [],
    deprecation: rule.meta.deprecation === true,
  };
}

function analyzeDockerfile(document: SourceDocument, model: DockerfileModel, options: AnalyzeOptions): Analysis {
  const workspace = options.workspace ?? emptyWorkspace;
  const lines = new LineIndex(document.text);
  const sink = collector(document, lines, options, workspace);
  // A file without a Windows stage gets nothing from a windows-stage rule, its file handler included.
  const hasWindowsStage = model.stages.some(isWindowsStage);
  const rules = activeRules(options, 'dockerfile').filter(({ rule }) => rule.meta.scope === 'any' || hasWindowsStage);
  const handlers: DockerfileHandlers[] = rules.map(({ rule, severity }) => (rule.create as (c: RuleContext<string>) => DockerfileHandlers)(sink.contextFor(rule, severity)));
  const anyStageHandlers = handlers.filter((_, index) => rules[index]!.rule.meta.scope === 'any');
  for (const handler of handlers) handler.dockerfile?.(model);
  for (const stage of model.stages) {
    const inScope = isWindowsStage(stage) ? handlers : anyStageHandlers;
    for (const handler of inScope) handler.stage?.(stage);
    for (const instruction of stage.instructions) {
      for (const handler of inScope) handler.instruction?.(instruction, stage);
    }
  }
  // A suppression comment covers the whole instruction that follows it, continuation lines included.
  const suppressions = collectSuppressions(lines);
  const findings = sink.findings.filter((finding) => !isSuppressed(suppressions, finding.ruleId, instructionStartLine(model, finding.range.start.line)));
  return { kind: 'dockerfile', ...bounded(sortFindings(findings)), dockerfile: model };
}

function analyzeKubernetes(document: SourceDocument, model: KubernetesModel, options: AnalyzeOptions): Analysis {
  const facts = kubernetesFacts(model, document.uri, options.config, options.workspace ?? emptyWorkspace);
  const sink = collector(document, model.lines, options, facts.workspace, facts);
  const active = activeRules(options, 'kubernetes');
  const readsBrokenDocuments = new Set<string>(active.filter(({ rule }) => rule.meta.reportsBrokenDocuments).map(({ rule }) => rule.id));
  const handlers: ScopedPodHandlers[] = active.map(({ rule, severity }) => (rule.create as (c: RuleContext<string>) => ScopedPodHandlers)(sink.contextFor(rule, severity)));
  const windowsPodOnly = active.map(({ rule }) => rule.meta.scope === 'windows-pod');
  const asksPodOs = handlers.some((handler, index) => windowsPodOnly[index] && handler.podSpec);
  for (const handler of handlers) handler.file?.(model);
  for (const object of model.objects) {
    for (const handler of handlers) handler.object?.(object);
    for (const pod of object.podSpecs) {
      const windows = asksPodOs ? facts.windowsPod(pod) : undefined;
      for (let index = 0; index < handlers.length; index++) {
        if (!windowsPodOnly[index]) handlers[index]!.podSpec?.(pod);
        else if (windows) handlers[index]!.podSpec?.(pod, windows);
      }
    }
  }
  const suppressions = collectSuppressions(model.lines);
  const objectIgnores = model.objects
    .map((object) => ({ ids: parseIgnoreAnnotation(object.annotations.get(ignoreAnnotation)), range: nodeRange(model, object.root) }))
    .filter((entry): entry is { ids: Set<string>; range: Finding['range'] } => entry.ids !== undefined);
  // A document with YAML errors may be read with the wrong structure (a half-typed key, a bad
  // indent): findings there could be wrong and their fixes could corrupt it, so it gets none until
  // it parses. The other documents of the stream are still checked.
  const broken = model.documents
    .filter((doc) => doc.ctx.doc.errors.length > 0 && doc.ctx.doc.range)
    .map((doc) => [doc.ctx.doc.range[0], doc.ctx.doc.range[2]] as const);
  const inBrokenDocument = (finding: Finding): boolean => {
    if (readsBrokenDocuments.has(finding.ruleId)) return false;
    const offset = model.lines.offset(finding.range.start);
    return broken.some(([start, end]) => start <= offset && offset <= end);
  };
  const findings = sink.findings.filter(
    (finding) =>
      !inBrokenDocument(finding) &&
      !isSuppressed(suppressions, finding.ruleId, finding.range.start.line) &&
      !objectIgnores.some((entry) => objectSuppresses(entry.ids, finding.ruleId, entry.range, finding.range)),
  );
  return { kind: 'kubernetes', ...bounded(sortFindings(findings)), kubernetes: model };
}

/** Handlers of either pod scope: the runner passes the Windows evidence only to `windows-pod` ones. */
type ScopedPodHandlers = Omit<KubernetesHandlers, 'podSpec'> & { podSpec?(pod: PodSpec, windows?: WindowsPod): void };

/** The one place the runner decides a stage's OS for `windows-stage` rules. */
function isWindowsStage(stage: Stage): boolean {
  return stage.os === 'windows';
}

/**
 * No hand-written file has anywhere near this many problems; a hostile one (60,000 YAML aliases of
 * one container) had 60,001, and sending, showing and code-actioning that many cost seconds per
 * keystroke. The first ones are kept, and one note says how many were left out.
 */
const maxFindingsPerFile = 1000;

/** Sorted findings without repeats (aliases of one node report the same finding), at most the bound. */
function bounded(sorted: Finding[]): { findings: Finding[]; notices: Notice[] } {
  const findings: Finding[] = [];
  let omitted = 0;
  for (const finding of sorted) {
    const last = findings[findings.length - 1];
    if (last && sameFinding(last, finding)) continue;
    if (findings.length < maxFindingsPerFile) findings.push(finding);
    else omitted++;
  }
  if (omitted === 0) return { findings, notices: [] };
  const start = { line: 0, character: 0 };
  const message = `${omitted} more Windows container problem${omitted === 1 ? '' : 's'} not shown: only the first ${maxFindingsPerFile} of a file are.`;
  return { findings, notices: [{ severity: 'info', code: 'too-many-findings', message, range: { start, end: start } }] };
}

/** Same rule, same place, same words: a repeat of the finding, not another one. */
function sameFinding(a: Finding, b: Finding): boolean {
  const { start: as, end: ae } = a.range;
  const { start: bs, end: be } = b.range;
  return a.ruleId === b.ruleId && a.message === b.message && as.line === bs.line && as.character === bs.character && ae.line === be.line && ae.character === be.character;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    // Rule ids are ASCII: a plain comparison, as localeCompare's first call sets up an ICU collator (8 ms).
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
