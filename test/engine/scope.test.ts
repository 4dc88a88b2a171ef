// The runner, not each rule, keeps Windows rules off Linux stages and pods: a rule that would report
// on everything it is given reports only on what its declared scope lets through.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../server/src/engine/config';
import type { WindowsPod } from '../../server/src/engine/pod-os';
import { analyze } from '../../server/src/engine/runner';
import { defineRule, type AnyRule, type ScopeFor } from '../../server/src/engine/types';
import type { PodSpec } from '../../server/src/languages/kubernetes/model';
import { allRules } from '../../server/src/rules';

const dockerfile = [
  'FROM ubuntu:22.04 AS build',
  'RUN make',
  'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
  'RUN echo hi',
  '',
].join('\n');

const linuxDockerfile = 'FROM ubuntu:22.04\nRUN make\n';

const manifest = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: linux',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: nginx:1.25',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: windows',
  'spec:',
  '  nodeSelector:',
  '    kubernetes.io/os: windows',
  '  containers:',
  '    - name: app',
  '      image: mcr.microsoft.com/windows/servercore:ltsc2022',
  '',
].join('\n');

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });

/** Reports every stage, every instruction and the file: whatever the runner calls it for. */
function everyStageRule(scope: ScopeFor<'dockerfile'>): AnyRule {
  return defineRule({
    id: 'dockerfile/test-every-stage',
    meta: { type: 'problem', language: 'dockerfile', scope, defaultSeverity: 'error', description: 'test', messages: { file: 'file', stage: 'stage', instruction: 'instruction' }, fixable: false, hasSuggestions: false, sources: [] },
    create: (context) => ({
      dockerfile: () => context.report({ range: at(0), messageId: 'file' }),
      stage: (stage) => context.report({ range: stage.fromRange, messageId: 'stage' }),
      instruction: (instruction) => context.report({ range: instruction.range, messageId: 'instruction' }),
    }),
  });
}

/** Reports every pod, with the Windows evidence the runner passed, and every object. */
function everyPodRule(scope: ScopeFor<'kubernetes'>): AnyRule {
  return defineRule({
    id: 'kubernetes/test-every-pod',
    meta: { type: 'problem', language: 'kubernetes', scope, defaultSeverity: 'error', description: 'test', messages: { object: 'object {{name}}', pod: 'pod {{name}} ({{evidence}})' }, fixable: false, hasSuggestions: false, sources: [] },
    create: (context) => ({
      object: (object) => context.report({ range: object.kindRange, messageId: 'object', data: { name: object.name ?? '' } }),
      podSpec: (pod, ...windows) => context.report({ range: pod.object.kindRange, messageId: 'pod', data: { name: pod.object.name ?? '', evidence: windows[0]?.evidence.detail ?? 'no evidence passed' } }),
    }),
  });
}

function findings(rule: AnyRule, uri: string, text: string): string[] {
  return analyze({ uri, text }, { config: resolveConfig([]), rules: [rule] }).findings.map((f) => `${f.range.start.line + 1} ${f.message}`);
}

describe('rule scope', () => {
  it('rejects at compile time a scope of the other language, and Windows evidence where the scope gives none', () => {
    const meta = { type: 'problem', defaultSeverity: 'error', description: 'test', messages: { x: 'x' }, fixable: false, hasSuggestions: false, sources: [] } as const;
    // @ts-expect-error A manifest has no stages.
    defineRule({ id: 'kubernetes/test-wrong-scope', meta: { ...meta, language: 'kubernetes', scope: 'windows-stage' }, create: () => ({}) });
    // @ts-expect-error Only a windows-pod rule is handed the evidence that makes the pod Windows.
    defineRule({ id: 'kubernetes/test-no-evidence', meta: { ...meta, language: 'kubernetes', scope: 'any' }, create: () => ({ podSpec: (_pod: PodSpec, _windows: WindowsPod) => undefined }) });
    defineRule({ id: 'kubernetes/test-evidence', meta: { ...meta, language: 'kubernetes', scope: 'windows-pod' }, create: () => ({ podSpec: (_pod: PodSpec, _windows: WindowsPod) => undefined }) });
  });

  it('every registered rule declares a scope of its language', () => {
    const wrong = allRules.filter((rule) => !(['any', rule.meta.language === 'dockerfile' ? 'windows-stage' : 'windows-pod'] as string[]).includes(rule.meta.scope));
    assert.deepEqual(wrong.map((rule) => `${rule.id}: ${String(rule.meta.scope)}`), []);
  });

  it('calls a windows-stage rule for Windows stages only, even when it would report on a Linux one', () => {
    assert.deepEqual(findings(everyStageRule('any'), 'file:///w/Dockerfile', dockerfile), ['1 file', '1 stage', '2 instruction', '3 stage', '4 instruction']);
    assert.deepEqual(findings(everyStageRule('windows-stage'), 'file:///w/Dockerfile', dockerfile), ['1 file', '3 stage', '4 instruction']);
  });

  it('calls no handler of a windows-stage rule, the file handler included, on a Dockerfile without a Windows stage', () => {
    assert.deepEqual(findings(everyStageRule('any'), 'file:///w/Dockerfile', linuxDockerfile), ['1 file', '1 stage', '2 instruction']);
    assert.deepEqual(findings(everyStageRule('windows-stage'), 'file:///w/Dockerfile', linuxDockerfile), []);
  });

  it('calls a windows-pod rule for Windows pods only, with their evidence, and its object handler for every object', () => {
    assert.deepEqual(findings(everyPodRule('any'), 'file:///w/pods.yaml', manifest), ['2 object linux', '2 pod linux (no evidence passed)', '11 object windows', '11 pod windows (no evidence passed)']);
    assert.deepEqual(findings(everyPodRule('windows-pod'), 'file:///w/pods.yaml', manifest), ['2 object linux', '11 object windows', '11 pod windows (kubernetes.io/os: windows)']);
  });
});
