// Inputs that are fine in kind but hostile in number, straight into the engine: the cost must grow
// linearly. Each bound is about ten times what the fixed code needs here or more, and far below
// what the quadratic code took (noted per test).
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/runner';
import { optionsFor } from './checks';

function timed<T>(body: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = body();
  return { result, ms: performance.now() - started };
}

describe('engine on inputs hostile in number', () => {
  // 40 ms here; before the fix 14.4 s (0.7 s at 10,000 templates, 1.9 s at 20,000).
  it('a Helm manifest with 60,000 templates on one line (480 KB) is checked in linear time', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: ${'{{ .a }}'.repeat(60_000)}\n`;
    const { result, ms } = timed(() => analyze({ uri: 'file:///scale/templates.yaml', text }, optionsFor()));
    assert.deepEqual(result.findings, []);
    assert.ok(ms < 2_000, `took ${Math.round(ms)} ms`);
  });
});
