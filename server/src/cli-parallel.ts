// The CLI's checks, each file parsed once in the common case. Every file is read, parsed, summarized
// for the workspace index and analyzed in one step, as if no other file existed, recording what its
// analysis asked about other files; the parse is then dropped. Once every summary is in the index,
// a file whose questions the whole workspace answers differently (a manifest deploying an image a
// Dockerfile of the workspace builds, a RuntimeClass defined in another file), or whose config gets
// a target from the workspace, is read and analyzed again against the index. Findings do not depend
// on anything else about other files, so the rest stand. Over many files on 3 cores or more, both
// steps run in worker threads, one per core but one, which read the files themselves; results are
// put back in the files' order, so the output is the one a single thread gives.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { isMap, parseAllDocuments } from 'yaml';
import type { FileSummary, ImageLink } from './core/summary';
import type { WorkspaceView } from './core/workspace-view';
import type { ResolvedConfig } from './engine/config';
import { fileKind } from './engine/files';
import { maxCheckedBytes } from './engine/runner';
import { AnalysisSession, withInferredTarget, type DocumentFindings } from './engine/session';
import type { ImageReference } from './kb';
import { parseBuildkit } from './languages/dockerfile/buildkit';
import { parseOptions } from './languages/kubernetes/model';
import { findingTextHashes } from './output/fingerprint';
import { allRules } from './rules';
import { summarize } from './workspace/build';
import { WorkspaceIndex } from './workspace/index';
import { readRegularFileSync } from './workspace/read-file';

export type Language = 'dockerfile' | 'yaml';

export interface CheckInput {
  file: string;
  /** Named on the command line: checked whatever its name, as --language or its content says. */
  named: boolean;
  /** Index into the configs given with the inputs. */
  config: number;
}

export interface FileAnalysis extends DocumentFindings {
  /** One per finding (findingTextHashes) for SARIF output, else empty: computed where the text is, so it is never read again. */
  textHashes: string[];
}

/** What became of one input. */
export type Outcome =
  | { kind: 'unreadable'; message: string }
  | { kind: 'unknown-language' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'checked'; analysis: FileAnalysis };

/** What the first step learns of a file: its outcome, and what the index needs to know. */
interface FirstReading {
  outcome: Outcome;
  languageId?: string;
  summary?: FileSummary;
  /** What the analysis asked of other files; every answer was "nothing". */
  asked?: Questions;
}

interface Questions {
  runtimeClasses: string[];
  namespaces: string[];
  images: ImageReference[];
  deployments: string[];
}

/** Set up once per worker: what every file's check needs besides the file. */
interface Settings {
  configs: ResolvedConfig[];
  language?: Language;
  today: Date;
  /** Whether findings get the text hashes of their fingerprints (SARIF output only). */
  fingerprints: boolean;
}

/** What the second step needs besides the file: the whole workspace, as summaries. */
interface WorkspaceData {
  configLinks: Array<[string, ImageLink[]]>;
  summaries: Array<[string, FileSummary | undefined]>;
  /** The configs with the targets the workspace gives them. */
  configs: ResolvedConfig[];
}

interface Recheck {
  file: string;
  config: number;
  languageId?: string;
}

export type Task =
  | { kind: 'settings'; settings: Settings }
  | { kind: 'read'; inputs: CheckInput[] }
  | { kind: 'workspace'; data: WorkspaceData }
  | { kind: 'recheck'; inputs: Recheck[] };

export type Reply = { readings: FirstReading[] } | { outcomes: Outcome[] } | { ready: true } | { error: string };

/**
 * What a file's text says it is, for a file whose name says nothing. A Dockerfile's first
 * instruction, after a BOM, blank lines, comments and parser directives, is ARG or FROM (BuildKit
 * rejects any other); a manifest is a YAML mapping, or a stream of them. A script or a note that
 * starts with a comment is neither.
 */
function languageFromContent(text: string): Language | undefined {
  // Read as BuildKit reads it, in linear time whatever the text (a pattern for "comment lines, then
  // a keyword" backtracked exponentially on CRLF comment lines).
  const [first] = parseBuildkit(text).instructions;
  if (first && /^(?:arg|from)$/i.test(first.keyword) && first.rest !== '') return 'dockerfile';
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // A file over the size limit is not read, so this costs no more than checking the largest file
  // that is checked, with the options the manifests are parsed with (no quadratic duplicate-key check).
  const documents = parseAllDocuments(body, parseOptions);
  if (!Array.isArray(documents)) return undefined;
  const onlyMappings = documents.every((document) => document.errors.length === 0 && (document.contents === null || isMap(document.contents)));
  return onlyMappings && documents.some((document) => isMap(document.contents)) ? 'yaml' : undefined;
}

/** A view that knows no other file, and writes down every question put to it. */
function askingNothing(asked: Questions): WorkspaceView {
  return {
    runtimeClass: (name) => void asked.runtimeClasses.push(name),
    namespace: (name) => void asked.namespaces.push(name),
    builtImage: (ref) => void asked.images.push(ref),
    deploymentsOf: (uri) => (asked.deployments.push(uri), []),
  };
}

function answersNothing(asked: Questions, workspace: WorkspaceView): boolean {
  return (
    asked.runtimeClasses.every((name) => workspace.runtimeClass(name) === undefined) &&
    asked.namespaces.every((name) => workspace.namespace(name) === undefined) &&
    asked.images.every((ref) => workspace.builtImage(ref) === undefined) &&
    asked.deployments.every((uri) => workspace.deploymentsOf(uri).length === 0)
  );
}

type Read = { text: string; languageId?: string } | Exclude<Outcome, { kind: 'checked' }>;

function readInput(file: string, named: boolean, language: Language | undefined): Read {
  const read = readRegularFileSync(file, maxCheckedBytes);
  if (!read.ok) return read.reason === 'too-large' ? { kind: 'too-large', bytes: read.bytes ?? 0 } : { kind: 'unreadable', message: read.message };
  const knownByName = fileKind(file) !== undefined;
  // A folder walk found the file by its name; a file named on the command line may need more.
  const languageId = named ? (language ?? (knownByName ? undefined : languageFromContent(read.text))) : undefined;
  if (!knownByName && languageId === undefined) return { kind: 'unknown-language' };
  return { text: read.text, languageId };
}

type CheckSession = AnalysisSession<FileSummary, WorkspaceIndex>;

function checkSession(index = new WorkspaceIndex()): CheckSession {
  return new AnalysisSession({ index, summarize, frontEnd: 'cli', rules: allRules });
}

/** Against the session's index, or `workspace` when given (the first reading's, which knows no other file). */
function analyze(session: CheckSession, file: string, text: string, languageId: string | undefined, config: ResolvedConfig, settings: Settings, workspace?: WorkspaceView): { analysis: FileAnalysis; summary: FileSummary | undefined } {
  const { summary, ...result } = session.analyze({ uri: pathToFileURL(file).href, text, languageId }, { config, today: settings.today, workspace });
  return { analysis: { ...result, textHashes: settings.fingerprints ? findingTextHashes(text, result.findings) : [] }, summary };
}

function readFirst(session: CheckSession, input: CheckInput, settings: Settings): FirstReading {
  const read = readInput(input.file, input.named, settings.language);
  if (!('text' in read)) return { outcome: read };
  const asked: Questions = { runtimeClasses: [], namespaces: [], images: [], deployments: [] };
  const { analysis, summary } = analyze(session, input.file, read.text, read.languageId, settings.configs[input.config]!, settings, askingNothing(asked));
  return { outcome: { kind: 'checked', analysis }, languageId: read.languageId, summary, asked };
}

function recheck(session: CheckSession, input: Recheck, data: WorkspaceData, settings: Settings): Outcome {
  const read = readInput(input.file, input.languageId !== undefined, input.languageId as Language | undefined);
  // Changed on disk since the first reading: what it says now.
  if (!('text' in read)) return read;
  return { kind: 'checked', analysis: analyze(session, input.file, read.text, read.languageId, data.configs[input.config]!, settings).analysis };
}

function workspaceIndex(data: Pick<WorkspaceData, 'configLinks' | 'summaries'>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [configPath, links] of data.configLinks) index.setConfigLinks(configPath, links);
  // In the files' order, as the answers that take the first match (a RuntimeClass defined twice) depend on it.
  for (const [file, summary] of data.summaries) index.set(file, summary);
  return index;
}

/** One worker's state between tasks: the settings, then the workspace. */
export class WorkerState {
  private settings?: { settings: Settings; firstReadings: CheckSession };
  private workspace?: { data: WorkspaceData; session: CheckSession };

  handle(task: Task): Reply {
    switch (task.kind) {
      case 'settings':
        this.settings = { settings: task.settings, firstReadings: checkSession() };
        return { ready: true };
      case 'read': {
        const { settings, firstReadings } = this.ready();
        return { readings: task.inputs.map((input) => readFirst(firstReadings, input, settings)) };
      }
      case 'workspace':
        this.workspace = { data: task.data, session: checkSession(workspaceIndex(task.data)) };
        return { ready: true };
      case 'recheck': {
        const { settings, workspace } = this.ready();
        if (!workspace) throw new Error('recheck before the workspace');
        return { outcomes: task.inputs.map((input) => recheck(workspace.session, input, workspace.data, settings)) };
      }
    }
  }

  private ready(): { settings: Settings; firstReadings: CheckSession; workspace?: { data: WorkspaceData; session: CheckSession } } {
    if (!this.settings) throw new Error('a task before the settings');
    return { ...this.settings, workspace: this.workspace };
  }
}

const workerPath = join(__dirname, 'cli-worker.js');

/**
 * Below this many files a worker's start (loading the engine again, about a tenth of a second) costs
 * more than the second core gives back.
 */
const minFilesPerWorker = 100;
/** Files per message: large enough that messaging is cheap, small enough that both workers finish together. */
const batchSize = 25;

/**
 * One core is left to this thread and to V8's own background threads (concurrent marking, the
 * optimizing compiler), which a run of seconds keeps busy, and each worker compiles the engine
 * again: on 2 cores two workers took 4.89 s over the bench's 5,000 files against 4.41 s in this
 * thread alone (medians of 5), so workers start from 3 cores.
 */
function threadCount(files: number): number {
  const forced = process.env['WINCONTAINERS_THREADS'];
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  return Math.min(availableParallelism() - 1, Math.floor(files / minFilesPerWorker));
}

export interface CheckSettings {
  configs: readonly ResolvedConfig[];
  configLinks: Array<[string, ImageLink[]]>;
  /** --language, for the files named on the command line. */
  language?: Language;
  /** How a file is named in a message (an inferred target says where it comes from). */
  describe: (uri: string) => string;
  today: Date;
  fingerprints: boolean;
}

/**
 * Checks every input against the workspace they make up, in the inputs' order; in worker threads
 * when there are enough files (WINCONTAINERS_THREADS=n sets the number; 0 or 1 checks in this thread).
 */
export function checkInputs(inputs: readonly CheckInput[], settings: CheckSettings): Outcome[] {
  const threads = threadCount(inputs.length);
  const workers = threads > 1 && existsSync(workerPath) ? new Pool(threads) : new InThread();
  try {
    const workerSettings: Settings = { configs: [...settings.configs], language: settings.language, today: settings.today, fingerprints: settings.fingerprints };
    workers.broadcast({ kind: 'settings', settings: workerSettings });
    const readings = workers.run(inputs, (batch) => ({ kind: 'read', inputs: batch }), (reply) => ('readings' in reply ? reply.readings : undefined));
    const summaries = inputs.map((input, i): [string, FileSummary | undefined] => [input.file, readings[i]!.summary]);
    const index = workspaceIndex({ configLinks: settings.configLinks, summaries });
    const configs = settings.configs.map((config) => withInferredTarget(config, index, settings.describe));
    const view = index.view();
    const rechecked = readings.flatMap(({ asked }, i) => {
      const { config } = inputs[i]!;
      return asked && (configs[config] !== settings.configs[config] || !answersNothing(asked, view)) ? [i] : [];
    });
    const outcomes = readings.map((reading) => reading.outcome);
    if (rechecked.length === 0) return outcomes;
    const rechecks = rechecked.map((i): Recheck => ({ file: inputs[i]!.file, config: inputs[i]!.config, languageId: readings[i]!.languageId }));
    // Usually a handful of files: then this thread, rather than copying the index to every worker.
    const again = workers instanceof Pool && threadCount(rechecks.length) <= 1 ? new InThread() : workers;
    if (again !== workers) again.broadcast({ kind: 'settings', settings: workerSettings });
    again.broadcast({ kind: 'workspace', data: { configLinks: settings.configLinks, summaries, configs } });
    const results = again.run(rechecks, (batch) => ({ kind: 'recheck', inputs: batch }), (reply) => ('outcomes' in reply ? reply.outcomes : undefined));
    rechecked.forEach((input, i) => (outcomes[input] = results[i]!));
    return outcomes;
  } finally {
    workers.close();
  }
}

interface Workers {
  broadcast(task: Task): void;
  run<I, T>(inputs: readonly I[], task: (batch: I[]) => Task, read: (reply: Reply) => T[] | undefined): T[];
  close(): void;
}

function unwrap<T>(reply: Reply, read: (reply: Reply) => T[] | undefined): T[] {
  const values = read(reply);
  if (values === undefined) throw new Error('unexpected reply');
  return values;
}

/** The same tasks in this thread, for few files or when the worker script is not built. */
class InThread implements Workers {
  private readonly state = new WorkerState();

  broadcast(task: Task): void {
    this.state.handle(task);
  }

  run<I, T>(inputs: readonly I[], task: (batch: I[]) => Task, read: (reply: Reply) => T[] | undefined): T[] {
    return unwrap(this.state.handle(task([...inputs])), read);
  }

  close(): void {}
}

/**
 * Worker threads driven synchronously (`check` and `main` stay synchronous): each worker answers on
 * its own port and bumps a shared counter, on which this thread sleeps until there is a reply.
 */
class Pool implements Workers {
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly workers: Worker[] = [];
  private readonly ports: MessagePort[] = [];

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const { port1, port2 } = new MessageChannel();
      // Young generations of 8 MB instead of V8's default (up to 32 each; V8 flags do not reach
      // workers): every batch leaves megabytes of garbage that would otherwise pile up in each
      // worker. On the bench's 5,000-file workspace peak RSS went from about 375 to 300 MB, with
      // wall times within the noise.
      const worker = new Worker(workerPath, { workerData: { port: port2, signal: this.signal }, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      // A worker left running after an error must not keep the process alive.
      worker.unref();
      this.workers.push(worker);
      this.ports.push(port1);
    }
  }

  /** Sends every worker the same task and waits for each to acknowledge it. */
  broadcast(task: Task): void {
    for (const worker of this.workers) worker.postMessage(task);
    for (let pending = this.workers.length; pending > 0; pending--) this.receive();
  }

  /** Runs the inputs in batches, two in flight per worker so none waits for its next one; results in input order. */
  run<I, T>(inputs: readonly I[], task: (batch: I[]) => Task, read: (reply: Reply) => T[] | undefined): T[] {
    const batches: I[][] = [];
    for (let start = 0; start < inputs.length; start += batchSize) batches.push(inputs.slice(start, start + batchSize));
    const results: T[][] = new Array(batches.length);
    const inFlight: number[][] = this.workers.map(() => []);
    let next = 0;
    const send = (worker: number): void => {
      if (next >= batches.length) return;
      inFlight[worker]!.push(next);
      this.workers[worker]!.postMessage(task(batches[next]!));
      // The worker has its copy; this one is not needed again in this pass.
      batches[next++] = [];
    };
    for (let round = 0; round < 2; round++) for (let worker = 0; worker < this.workers.length; worker++) send(worker);
    for (let done = 0; done < batches.length; done++) {
      const { worker, reply } = this.receive();
      // A worker answers its tasks in the order it was given them.
      results[inFlight[worker]!.shift()!] = unwrap(reply, read);
      send(worker);
    }
    return results.flat();
  }

  private receive(): { worker: number; reply: Reply } {
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      for (let worker = 0; worker < this.ports.length; worker++) {
        const received = receiveMessageOnPort(this.ports[worker]!);
        if (!received) continue;
        const reply = received.message as Reply;
        if ('error' in reply) throw new Error(`worker thread: ${reply.error}`);
        return { worker, reply };
      }
      Atomics.wait(this.signal, 0, seen);
    }
  }

  close(): void {
    for (const worker of this.workers) void worker.terminate();
    for (const port of this.ports) port.close();
  }
}
