// Per-document debounce that adapts to how long analysis takes: a document that checks in a few
// milliseconds is checked on every change (changes that arrive together still coalesce, as the
// timer is reset before it fires); a slow one waits for a pause about as long as its analysis,
// so typing is not held up by queued checks of versions already gone.
const maxDelayMs = 250;
const checkAtOnceBelowMs = 50;

export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly averageMs = new Map<string, number>();

  constructor(private readonly run: (uri: string) => void) {}

  /**
   * Without `delayMs` (an edit), waits as long as the document's recent edits took to check (none
   * when fast). Only those runs are measured: the check on open or after a settings change parses
   * everything, while an edit re-parses one YAML document, so it would teach the wrong delay.
   */
  schedule(uri: string, delayMs?: number): void {
    this.cancel(uri);
    const average = this.averageMs.get(uri) ?? 0;
    const afterEdit = delayMs === undefined;
    const delay = delayMs ?? (average < checkAtOnceBelowMs ? 0 : Math.min(maxDelayMs, Math.round(average)));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const started = performance.now();
        this.run(uri);
        if (!afterEdit) return;
        const took = performance.now() - started;
        const previous = this.averageMs.get(uri);
        this.averageMs.set(uri, previous === undefined ? took : previous * 0.5 + took * 0.5);
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
