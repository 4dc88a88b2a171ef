// When the server checks a document after a change: at once while checks are fast, after a pause
// about as long as a check once they are slow. A fake clock stands in for the checks' duration.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { Scheduler } from '../../server/src/lsp/scheduler';

const uri = 'file:///w/large.yaml';

describe('check scheduling', () => {
  let clock = 0;
  let checks = 0;
  /** Every check of the document takes `checkMs` on the fake clock. */
  let checkMs = 0;
  let scheduler: Scheduler;

  beforeEach(() => {
    mock.timers.enable({ apis: ['setTimeout', 'setImmediate'] });
    clock = 0;
    checks = 0;
    scheduler = new Scheduler(
      () => {
        checks++;
        clock += checkMs;
      },
      () => clock,
    );
  });
  afterEach(() => mock.timers.reset());

  /** Lets promise callbacks run (setImmediate is mocked, so it cannot be the way). */
  async function flush(): Promise<void> {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }

  /** An edit: true when it was checked without waiting. */
  function editCheckedAtOnce(): boolean {
    const before = checks;
    scheduler.schedule(uri);
    mock.timers.tick(0);
    return checks > before;
  }

  it('checks the first edits after opening at once, however long the checks take', () => {
    checkMs = 200;
    // TextDocuments reports an open as a content change, so the open arrives like an edit.
    assert.ok(editCheckedAtOnce());
    assert.deepEqual([editCheckedAtOnce(), editCheckedAtOnce(), editCheckedAtOnce()], [true, true, true]);
  });

  it('then waits about as long as the fastest recent edit took to check', () => {
    checkMs = 200;
    scheduler.schedule(uri, 0);
    mock.timers.tick(0);
    for (let i = 0; i < 3; i++) editCheckedAtOnce();
    assert.equal(editCheckedAtOnce(), false, 'a slow document waits for a pause');
    mock.timers.tick(199);
    assert.equal(checks, 4);
    mock.timers.tick(1);
    assert.equal(checks, 5);
    checkMs = 5;
    scheduler.schedule(uri);
    mock.timers.tick(200);
    assert.ok(editCheckedAtOnce(), 'one fast check is enough');
  });

  it('starts over when the document is closed and opened again', () => {
    checkMs = 200;
    for (let i = 0; i < 4; i++) editCheckedAtOnce();
    assert.equal(editCheckedAtOnce(), false);
    scheduler.forget(uri);
    assert.deepEqual([editCheckedAtOnce(), editCheckedAtOnce(), editCheckedAtOnce(), editCheckedAtOnce()], [true, true, true, true]);
  });

  it('tells the workspace scan when no check is pending', async () => {
    assert.equal(scheduler.pending(), undefined, 'nothing pending');
    scheduler.schedule(uri);
    let done = false;
    void scheduler.pending()?.then(() => (done = true));
    scheduler.schedule(uri);
    await flush();
    assert.equal(done, false, 'a check is pending, also after the change that replaced it');
    mock.timers.tick(0);
    await flush();
    assert.ok(done);
    assert.equal(scheduler.pending(), undefined);
  });

  it('holds the workspace scan back while the user types', async () => {
    checkMs = 5;
    editCheckedAtOnce();
    assert.equal(scheduler.pending(), undefined, 'a document opened is no reason to wait');
    editCheckedAtOnce();
    let quiet = false;
    void scheduler.pending()?.then(() => (quiet = true));
    mock.timers.tick(100);
    await flush();
    assert.equal(quiet, false, 'an edit was checked 100 ms ago');
    mock.timers.tick(50);
    await flush();
    assert.ok(quiet);
    clock += 150;
    assert.equal(scheduler.pending(), undefined, 'no edit for 150 ms');
  });
});
