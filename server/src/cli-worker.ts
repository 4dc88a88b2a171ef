// A worker thread of `wincontainers check` (see cli-parallel.ts): summarizes or analyzes the batches
// of files it is sent and answers each on its port, waking the main thread through the shared counter.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { WorkspaceView } from './core/workspace-view';
import { analyzeInput, summarizeInput, workspaceIndex, type Reply, type Task, type WorkspaceData } from './cli-parallel';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
let workspace: { data: WorkspaceData; view: WorkspaceView } | undefined;

function handle(task: Task): Reply {
  switch (task.kind) {
    case 'summarize':
      return { summaries: task.inputs.map(summarizeInput) };
    case 'workspace':
      workspace = { data: task.data, view: workspaceIndex(task.data).view() };
      return { ready: true };
    case 'analyze': {
      if (!workspace) throw new Error('analysis before the workspace');
      const { data, view } = workspace;
      return { analyses: task.inputs.map((input) => analyzeInput(input, view, data)) };
    }
  }
}

parentPort!.on('message', (task: Task) => {
  let reply: Reply;
  try {
    reply = handle(task);
  } catch (error) {
    // Said to the main thread, which is asleep on the counter and would not see an uncaught error.
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
