import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfigFile, resolveConfig, sanitizeSettings } from '../../server/src/engine/config';
import { ruleIds } from '../../server/src/rules';

describe('.wincontainers.yaml', () => {
  it('reads every setting', () => {
    const { config, problem } = parseConfigFile(
      'targetWindowsVersion: ltsc2025\nisolation: hyperv\nrules:\n  kubernetes/windows-node-selector: error\nignore:\n  - vendor/**\nimages:\n  contoso/web: web/Dockerfile\nwindowsNodeTaint: os=windows:NoSchedule\n',
      ruleIds,
    );
    assert.equal(problem, undefined);
    assert.deepEqual(config, {
      targetWindowsVersion: 'ltsc2025',
      isolation: 'hyperv',
      rules: { 'kubernetes/windows-node-selector': 'error' },
      ignore: ['vendor/**'],
      images: { 'contoso/web': 'web/Dockerfile' },
      windowsNodeTaint: 'os=windows:NoSchedule',
    });
  });

  it('an empty file or an empty target means not set', () => {
    assert.deepEqual(parseConfigFile('', ruleIds), { config: {} });
    assert.deepEqual(parseConfigFile('targetWindowsVersion:\n', ruleIds), { config: {} });
  });

  for (const [name, text, message, line, character] of [
    ['syntax error', 'rules: [\n', 'Invalid .wincontainers.yaml:', 1, 0],
    ['unknown setting', 'target: ltsc2022\n', 'unknown setting "target"', 0, 0],
    ['bad version', 'targetWindowsVersion: windows11\n', 'targetWindowsVersion must be', 0, 22],
    ['bad isolation', 'isolation: vm\n', 'isolation must be "process" or "hyperv"', 0, 11],
    ['unknown rule', 'rules:\n  no/such-rule: error\n', 'unknown rule "no/such-rule"', 1, 2],
    ['bad severity', 'rules:\n  kubernetes/windows-node-selector: fatal\n', 'must be one of off, hint, info, warning, error', 1, 36],
    ['ignore not a list', 'ignore: vendor\n', 'ignore must be a list', 0, 8],
    ['bad taint', 'windowsNodeTaint: windows\n', 'windowsNodeTaint must be a taint such as os=windows:NoSchedule', 0, 18],
    ['images not a map', 'images: [a]\n', 'images must be a map of image name to Dockerfile path', 0, 8],
    ['not a map', '- a\n', 'must be a map', 0, 0],
  ] as const) {
    it(`gives one notice for ${name}, pointing at the problem, and no settings`, () => {
      const { config, problem } = parseConfigFile(text, ruleIds);
      assert.deepEqual(config, {});
      assert.ok(problem?.message.includes(message), problem?.message);
      assert.match(problem!.message, /The defaults apply until it is fixed\.$/);
      assert.deepEqual(problem!.range.start, { line, character });
    });
  }
});

describe('resolving configuration', () => {
  it('later layers win; rules merge per rule', () => {
    const resolved = resolveConfig([
      { config: { targetWindowsVersion: 'ltsc2019', rules: { a: 'off', b: 'hint' } as never }, origin: 'settings' },
      { config: { targetWindowsVersion: '10.0.20348', rules: { b: 'error' } as never }, origin: '.wincontainers.yaml' },
    ]);
    assert.deepEqual(resolved.target, { build: 20348, label: '10.0.20348', origin: '.wincontainers.yaml' });
    assert.deepEqual(resolved.rules, { a: 'off', b: 'error' });
    assert.equal(resolved.isolation, 'process');
  });

  it('editor settings with wrong values are dropped, not fatal', () => {
    assert.deepEqual(
      sanitizeSettings({ targetWindowsVersion: 'nope', isolation: 'vm', rules: { 'kubernetes/windows-node-selector': 'loud', 'dockerfile/windows-base-image-tag': 'off' }, ignore: ['a', 3] }, ruleIds),
      { rules: { 'dockerfile/windows-base-image-tag': 'off' }, ignore: ['a'] },
    );
    assert.deepEqual(sanitizeSettings({ targetWindowsVersion: '' }, ruleIds), {});
    assert.deepEqual(sanitizeSettings(null, ruleIds), {});
  });
});
