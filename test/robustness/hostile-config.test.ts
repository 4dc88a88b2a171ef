// A hostile .wincontainers.yaml straight into the config parser, which runs before the server
// answers initialize and before the CLI checks anything: it must take time linear in its size.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { parseConfigFile } from '../../server/src/engine/config';
import { ruleIds } from '../../server/src/rules';

/** About 0.5 s here for the map below; before the fix 10.9 s (quadratic: 0.9 s at 10,000 keys, 2.9 s at 20,000). */
const deadlineMs = 5_000;

const imagesMap = (keys: number): string => 'images:\n' + Array.from({ length: keys }, (_, i) => `  i${i}: x\n`).join('');

describe('config parser on hostile input', () => {
  it('an images map of 40,000 keys (470 KB) is read in linear time', () => {
    const started = performance.now();
    const { config, problem } = parseConfigFile(imagesMap(40_000), ruleIds);
    const ms = performance.now() - started;
    assert.equal(problem, undefined);
    assert.equal(Object.keys(config.images ?? {}).length, 40_000);
    assert.ok(ms < deadlineMs, `took ${Math.round(ms)} ms`);
  });

  it('a duplicate key is still refused, in a nested map too, with its position', () => {
    const { problem } = parseConfigFile('rules:\n  dockerfile/windows-base-image-tag: error\n  dockerfile/windows-base-image-tag: off\n', ruleIds);
    assert.equal(problem?.message, 'Invalid .wincontainers.yaml: Map keys must be unique. The defaults apply until it is fixed.');
    assert.deepEqual(problem?.range.start, { line: 2, character: 2 });
  });

  it('a file over 1 MiB is refused with one error, without parsing it', () => {
    const started = performance.now();
    const { problem } = parseConfigFile(imagesMap(100_000), ruleIds);
    assert.match(problem?.message ?? '', /the file is 1\.\d MiB, over the 1 MiB limit/);
    assert.ok(performance.now() - started < deadlineMs);
  });
});
