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
    mock.timers.enable({ apis: ['setTimeout'] });
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

  it('checks the first edit after opening at once, however long the check on open took', () => {
    checkMs = 200;
    // TextDocuments reports an open as a content change, so the open arrives without a delay.
    scheduler.schedule(uri);
    mock.timers.tick(0);
    assert.equal(checks, 1);
    scheduler.schedule(uri);
    mock.timers.tick(0);
    assert.equal(checks, 2);
  });

  it('waits about as long as a slow edit took to check, and checks fast edits at once', () => {
    checkMs = 200;
    scheduler.schedule(uri, 0);
    mock.timers.tick(0);
    scheduler.schedule(uri);
    mock.timers.tick(0);
    assert.equal(checks, 2);
    scheduler.schedule(uri);
    mock.timers.tick(199);
    assert.equal(checks, 2, 'the next edit waits for a pause');
    mock.timers.tick(1);
    assert.equal(checks, 3);
    checkMs = 5;
    scheduler.schedule(uri);
    mock.timers.tick(200);
    scheduler.schedule(uri);
    mock.timers.tick(0);
    assert.equal(checks, 5, 'the fastest recent check decides');
  });

  it('starts over when the document is closed and opened again', () => {
    checkMs = 200;
    scheduler.schedule(uri);
    mock.timers.tick(0);
    scheduler.schedule(uri);
    mock.timers.tick(0);
    scheduler.forget(uri);
    scheduler.schedule(uri);
    mock.timers.tick(0);
    assert.equal(checks, 3);
    scheduler.schedule(uri);
    mock.timers.tick(0);
    assert.equal(checks, 4);
  });
});
