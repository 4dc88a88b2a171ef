// Per-document debounce that adapts to how long analysis takes: a file that checks in 1 ms is
// re-checked almost at once, a slow one waits for typing to pause instead of queueing stale work.
const maxDelayMs = 250;
const delayPerAnalysisMs = 2;

export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly averageMs = new Map<string, number>();

  constructor(private readonly run: (uri: string) => void) {}

  /** Without `delayMs`, waits about twice the document's recent analysis time (at most 250 ms). */
  schedule(uri: string, delayMs?: number): void {
    this.cancel(uri);
    const delay = delayMs ?? Math.min(maxDelayMs, Math.round((this.averageMs.get(uri) ?? 0) * delayPerAnalysisMs));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const started = performance.now();
        this.run(uri);
        const took = performance.now() - started;
        const previous = this.averageMs.get(uri);
        this.averageMs.set(uri, previous === undefined ? took : previous * 0.7 + took * 0.3);
      }, delay),
    );
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** A closed document: nothing pending, nothing remembered. */
  forget(uri: string): void {
    this.cancel(uri);
    this.averageMs.delete(uri);
  }
}
