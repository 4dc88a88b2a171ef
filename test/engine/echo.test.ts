// Input repeated in a message is shown as one line of what it is, never as what it would make a terminal or a reader see.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { echo } from '../../server/src/engine/echo';

describe('echo', () => {
  it('escapes line breaks, controls and the Unicode line separators', () => {
    assert.equal(echo('a\nb\r\tc\u0000\u001b[2J\u007f\u0085\u2028\u2029'), 'a\\nb\\r\\tc\\u0000\\u001b[2J\\u007f\\u0085\\u2028\\u2029');
  });

  // Before the fix a right-to-left override showed `evil\u202Elmay.exe` as `evilexe.yaml`.
  it('escapes every bidirectional embedding, override and isolate', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const char of bidi) assert.equal(echo(`evil${char}lmay.exe`), `evil\\u${char.charCodeAt(0).toString(16)}lmay.exe`);
  });

  it('leaves other text alone, marks for right-to-left scripts included', () => {
    assert.equal(echo('k8s/café/שלום/\u200f\u061c Dockerfile'), 'k8s/café/שלום/\u200f\u061c Dockerfile');
  });
});
