// Per-document debounce that adapts to how long analysis takes: a document that checks in a few
// milliseconds is checked on every change, as soon as the change is read (setImmediate, not a
// zero timeout, which waits a millisecond at least: a third of a small file's keystroke); a slow one waits for a pause about as long as its analysis,
// so typing is not held up by queued checks of versions already gone. The estimate is the fastest
// of the last few checks, and there is none before that many: one slow run (the first edits after
// opening, before V8 has optimised the code, or a garbage collection) must not delay the
// keystrokes after it.
const maxDelayMs = 250;
const checkAtOnceBelowMs = 50;
const runsRemembered = 3;
/**
 * Background work waits this long after an edit was checked: while the user types, keystrokes come
 * faster than this and none waits behind a slice of the workspace scan; a pause in typing lets it go on.
 */
const quietAfterEditMs = 150;

export class Scheduler {
  /** How to cancel each document's pending check. */
  private readonly timers = new Map<string, () => void>();
  private readonly recentMs = new Map<string, number[]>();
  private readonly checked = new Set<string>();
  private idleWaiters: Array<() => void> = [];
  private lastEditCheckedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly run: (uri: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Without `delayMs` (an edit), waits about as long as the document's recent edits took to check
   * (none when fast). Only those runs are measured: the check on open or after a settings change parses
   * everything, while an edit re-parses one YAML document, so it would teach the wrong delay. A
   * document never checked is not being edited, whatever the caller says: an open arrives as a
   * content change too (TextDocuments fires both), and its full parse would hold up the first keystroke.
   */
  schedule(uri: string, delayMs?: number): void {
    this.clear(uri);
    const recent = this.recentMs.get(uri) ?? [];
    const estimate = recent.length < runsRemembered ? 0 : Math.min(...recent);
    const afterEdit = delayMs === undefined && this.checked.has(uri);
    const delay = delayMs ?? (estimate < checkAtOnceBelowMs ? 0 : Math.min(maxDelayMs, Math.round(estimate)));
    const check = (): void => {
      this.timers.delete(uri);
      const started = this.now();
      this.run(uri);
      this.checked.add(uri);
      if (afterEdit) {
        this.lastEditCheckedAt = this.now();
        this.recentMs.set(uri, [...(this.recentMs.get(uri) ?? []), this.lastEditCheckedAt - started].slice(-runsRemembered));
      }
      this.settle();
    };
    if (delay === 0) {
      const immediate = setImmediate(check);
      this.timers.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(check, delay);
      this.timers.set(uri, () => clearTimeout(timer));
    }
  }

  cancel(uri: string): void {
    this.clear(uri);
    this.settle();
  }

  /**
   * While a check is waiting, or an edit was checked moments ago (the user is typing), a promise of
   * the moment that is over: background work (the workspace scan) goes after checks. Ask again then.
   */
  pending(): Promise<void> | undefined {
    if (this.timers.size > 0) return new Promise((resolve) => this.idleWaiters.push(resolve));
    const quietIn = this.lastEditCheckedAt + quietAfterEditMs - this.now();
    if (quietIn > 0) return new Promise((resolve) => setTimeout(resolve, quietIn));
    return undefined;
  }

  private clear(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
  }

  private settle(): void {
    if (this.timers.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** A closed document: nothing pending, nothing remembered. */
  forget(uri: string): void {
    this.cancel(uri);
    this.recentMs.delete(uri);
    this.checked.delete(uri);
  }
}
