// The CLI's checks in two passes, so that no file's parse outlives its findings: every file is first
// summarized for the workspace index (the cheaper reading the editor uses for closed files), then
// each is parsed and analyzed against the finished index and its parse dropped. Over many files both
// passes run in worker threads, one per core; results are put back in the files' order, so the
// output is the one a single thread gives.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ResolvedConfig } from './engine/config';
import { analyzeParsed, parse } from './engine/runner';
import type { Finding, Notice } from './engine/types';
import type { WorkspaceView } from './core/workspace-view';
import { summarize, summarizeText, withInferredTarget } from './workspace/build';
import { WorkspaceIndex } from './workspace/index';
import type { FileSummary, ImageLink } from './core/summary';
import { allRules } from './rules';

export interface CheckInput {
  file: string;
  text: string;
  /** Set for a file whose name does not say what it is (--language, or its content). */
  languageId?: string;
  /** Index into the configs given with the inputs. */
  config: number;
}

export interface FileAnalysis {
  findings: Finding[];
  notices: Notice[];
  tooLarge: boolean;
}

/** What the analysis pass needs besides the file: the whole workspace, as summaries. */
export interface WorkspaceData {
  configLinks: Array<[string, ImageLink[]]>;
  summaries: Array<[string, FileSummary | undefined]>;
  configs: ResolvedConfig[];
  today: Date;
  docsBase: string;
}

export type Task =
  | { kind: 'summarize'; inputs: CheckInput[] }
  | { kind: 'workspace'; data: WorkspaceData }
  | { kind: 'analyze'; inputs: CheckInput[] };

export type Reply = { summaries: Array<FileSummary | undefined> } | { analyses: FileAnalysis[] } | { ready: true } | { error: string };

export function summarizeInput(input: CheckInput): FileSummary | undefined {
  // The closed-file reading goes by the file's name; a file told by --language or its content is
  // read as the analysis will read it.
  if (input.languageId === undefined) return summarizeText(input.file, input.text);
  return summarize(parse({ uri: pathToFileURL(input.file).href, text: input.text, languageId: input.languageId }));
}

export function workspaceIndex(data: Pick<WorkspaceData, 'configLinks' | 'summaries'>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [configPath, links] of data.configLinks) index.setConfigLinks(configPath, links);
  // In the files' order, as the answers that take the first match (a RuntimeClass defined twice) depend on it.
  for (const [file, summary] of data.summaries) index.set(file, summary);
  return index;
}

export function analyzeInput(input: CheckInput, workspace: WorkspaceView, data: Pick<WorkspaceData, 'configs' | 'today' | 'docsBase'>): FileAnalysis {
  const parsed = parse({ uri: pathToFileURL(input.file).href, text: input.text, languageId: input.languageId });
  const { findings, notices } = analyzeParsed(parsed, { rules: allRules, docsBase: data.docsBase, config: data.configs[input.config]!, today: data.today, workspace, frontEnd: 'cli' });
  return { findings, notices, tooLarge: parsed.tooLarge === true };
}

const workerPath = join(__dirname, 'cli-worker.js');

/**
 * Below this many files a worker's start (loading the engine again, about a tenth of a second) costs
 * more than the second core gives back.
 */
const minFilesPerWorker = 100;
/** Files per message: large enough that messaging is cheap, small enough that both workers finish together. */
const batchSize = 25;

function threadCount(files: number): number {
  const forced = process.env['WINCONTAINERS_THREADS'];
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  return Math.min(availableParallelism(), Math.floor(files / minFilesPerWorker));
}

/**
 * Summarizes every input, then analyzes each against the workspace they make up; in worker threads
 * when there are enough files (WINCONTAINERS_THREADS=n sets the number; 0 or 1 checks in this thread).
 */
export function checkInputs(inputs: CheckInput[], configs: readonly ResolvedConfig[], configLinks: Array<[string, ImageLink[]]>, describe: (uri: string) => string, today: Date, docsBase: string): FileAnalysis[] {
  const threads = threadCount(inputs.length);
  const pool = threads > 1 && existsSync(workerPath) ? new Pool(threads) : undefined;
  try {
    const summaries = pool ? pool.run(inputs, (batch) => ({ kind: 'summarize', inputs: batch }), (reply) => ('summaries' in reply ? reply.summaries : undefined)) : inputs.map(summarizeInput);
    const data: Pick<WorkspaceData, 'configLinks' | 'summaries'> = { configLinks, summaries: inputs.map((input, i) => [input.file, summaries[i]]) };
    const index = workspaceIndex(data);
    const workspaceData: WorkspaceData = { ...data, configs: configs.map((config) => withInferredTarget(config, index, describe)), today, docsBase };
    if (!pool) {
      const view = index.view();
      return inputs.map((input) => analyzeInput(input, view, workspaceData));
    }
    pool.broadcast({ kind: 'workspace', data: workspaceData });
    return pool.run(inputs, (batch) => ({ kind: 'analyze', inputs: batch }), (reply) => ('analyses' in reply ? reply.analyses : undefined));
  } finally {
    pool?.close();
  }
}

/**
 * Worker threads driven synchronously (`check` and `main` stay synchronous): each worker answers on
 * its own port and bumps a shared counter, on which this thread sleeps until there is a reply.
 */
class Pool {
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
  run<T>(inputs: readonly CheckInput[], task: (batch: CheckInput[]) => Task, read: (reply: Reply) => T[] | undefined): T[] {
    const batches: CheckInput[][] = [];
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
      const batch = inFlight[worker]!.shift()!;
      const values = read(reply);
      if (values === undefined) throw new Error('worker thread: unexpected reply');
      results[batch] = values;
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
