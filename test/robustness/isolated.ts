// Runs checkInput() in a worker thread with a deadline. An input that sends the engine into an
// endless or exponential loop would otherwise block the test runner itself, which cannot time out
// synchronous code; terminating the worker turns that into an ordinary test failure.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { UserConfig } from '../../server/src/engine/config';
import { checkInput, optionsFor } from './checks';

interface Job {
  uri: string;
  languageId: 'dockerfile' | 'yaml';
  text: string;
  config?: UserConfig;
}

export interface Outcome {
  ms: number;
  findings: number;
  notices: number;
  /** Findings as "line ruleId", for comparisons between inputs. */
  found: string[];
}

/** Resolves with the outcome; rejects with the engine's or the property's error, or when the deadline passes. */
export function checkIsolated(job: Job, deadlineMs: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`no answer within ${deadlineMs} ms: the engine is still working on ${job.text.length} characters (terminated)`));
    }, deadlineMs);
    worker.once('message', (message: { outcome?: Outcome; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.outcome) resolve(message.outcome);
      else reject(new Error(message.error));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

if (!isMainThread && parentPort) {
  const job = workerData as Job;
  try {
    const { analysis, ms } = checkInput(job, optionsFor(job.config));
    const found = analysis.findings.map((finding) => `${finding.range.start.line + 1} ${finding.ruleId}`);
    parentPort.postMessage({ outcome: { ms, findings: analysis.findings.length, notices: analysis.notices.length, found } });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
