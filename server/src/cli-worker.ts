// A worker thread of `wincontainers check` (see cli-parallel.ts): carries out the tasks it is sent
// and answers each on its port, waking the main thread through the shared counter.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { WorkerState, type Reply, type Task } from './cli-parallel';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
const state = new WorkerState();

parentPort!.on('message', (task: Task) => {
  let reply: Reply;
  try {
    reply = state.handle(task);
  } catch (error) {
    // Said to the main thread, which is asleep on the counter and would not see an uncaught error.
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
