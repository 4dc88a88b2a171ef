// Runs checkInput() in a worker thread with a deadline. An input that sends the engine into an
// endless or exponential loop would otherwise block the test runner itself, which cannot time out
// synchronous code; terminating the worker turns that into an ordinary test failure.
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { checkInput, optionsFor } from './checks';

interface Job {
  uri: string;
  languageId: 'dockerfile' | 'yaml';
  text: string;
}

export interface Outcome {
  findings: number;
  notices: number;
}

/** One worker serves every job in turn (loading the engine costs more than most analyses); a stuck one is replaced. */
let current: Worker | undefined;

function worker(): Worker {
  if (!current) {
    current = new Worker(__filename);
    // The runner must be able to exit while the idle worker waits for the next job.
    current.unref();
  }
  return current;
}

/** Deadlines: for the first analysis, which must take under 1 s, and for re-checking every fix after it. */
export interface Deadlines {
  analysisMs: number;
  fixesMs: number;
}

/** Resolves with the outcome; rejects with the engine's or the property's error, or when a deadline passes. */
export function checkIsolated(job: Job, deadlines: Deadlines): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const thread = worker();
    const settle = (): void => {
      clearTimeout(timer);
      thread.off('message', onMessage);
      thread.off('error', onError);
    };
    const expire = (stage: string, ms: number): NodeJS.Timeout =>
      setTimeout(() => {
        settle();
        current = undefined;
        void thread.terminate();
        reject(new Error(`no answer within ${ms} ms: the engine is still ${stage} (${job.text.length} characters; terminated)`));
      }, ms);
    const onMessage = (message: { analyzed?: true; outcome?: Outcome; error?: string }): void => {
      if (message.analyzed) {
        clearTimeout(timer);
        timer = expire('re-checking fixes', deadlines.fixesMs);
        return;
      }
      settle();
      if (message.outcome) resolve(message.outcome);
      else reject(new Error(message.error));
    };
    const onError = (error: Error): void => {
      settle();
      current = undefined;
      reject(error);
    };
    let timer = expire('analyzing', deadlines.analysisMs);
    thread.on('message', onMessage);
    thread.on('error', onError);
    thread.postMessage(job);
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on('message', (job: Job) => {
    try {
      const { analysis } = checkInput(job, optionsFor(), () => port.postMessage({ analyzed: true }));
      port.postMessage({ outcome: { findings: analysis.findings.length, notices: analysis.notices.length } });
    } catch (error) {
      port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
