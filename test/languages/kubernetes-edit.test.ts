import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments, type Pair, type YAMLMap } from 'yaml';
import { applyEdits } from '../../server/src/core/text';
import { appendSequenceItem, removePair } from '../../server/src/languages/kubernetes/edit';
import { parseKubernetes } from '../../server/src/languages/kubernetes/model';
import { getPair, getPath } from '../../server/src/languages/kubernetes/yaml-util';

const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

function assertParses(text: string): void {
  assert.equal(parseAllDocuments(text).flatMap((d) => ('errors' in d ? d.errors : [])).length, 0, text);
}

/** Removes the pair at `path` (below the pod spec); `also` are sibling paths removed by other fixes. */
function remove(text: string, path: string[], also: string[][] = []): string {
  const model = parseKubernetes(text);
  const spec = model.objects[0]!.podSpecs[0]!;
  const pairAt = (p: string[]): Pair => getPair(getPath(spec.map, p.slice(0, -1), spec.ctx) as YAMLMap, p[p.length - 1]!, spec.ctx)!;
  const others = new Set(also.map(pairAt));
  const edit = removePair(model, spec.map, pairAt(path), (pair) => others.has(pair));
  assert.ok(edit, 'an edit');
  const result = applyEdits(text, [edit]);
  assertParses(result);
  return result;
}

function append(text: string, entries: Array<[string, string]>): string {
  const model = parseKubernetes(text);
  const result = applyEdits(text, [appendSequenceItem(model, model.objects[0]!.podSpecs[0]!.map, 'tolerations', entries)]);
  assertParses(result);
  return result;
}

describe('removePair', () => {
  it('deletes a block entry with its nested lines, keeping comments around it', () => {
    assert.equal(
      remove(pod('  # pod-wide\n  securityContext:\n    runAsUser: 1000 # uid\n    runAsNonRoot: true\n  containers: []\n'), ['securityContext', 'runAsUser']),
      pod('  # pod-wide\n  securityContext:\n    runAsNonRoot: true\n  containers: []\n'),
    );
    assert.equal(
      remove(pod('  securityContext:\n    seLinuxOptions:\n      level: s0\n    runAsNonRoot: true\n  containers: []\n'), ['securityContext', 'seLinuxOptions']),
      pod('  securityContext:\n    runAsNonRoot: true\n  containers: []\n'),
    );
  });

  it('removes a parent left empty, also when other fixes empty it', () => {
    assert.equal(remove(pod('  securityContext:\n    fsGroup: 2000\n  containers: []\n'), ['securityContext', 'fsGroup']), pod('  containers: []\n'));
    assert.equal(
      remove(pod('  hostPID: true\n  securityContext:\n    fsGroup: 2000\n    runAsUser: 1\n  containers: []\n'), ['securityContext', 'fsGroup'], [['securityContext', 'runAsUser']]),
      pod('  hostPID: true\n  containers: []\n'),
    );
  });

  it('cuts entries out of flow maps', () => {
    assert.equal(remove(pod('  securityContext: {runAsUser: 1, runAsNonRoot: true}\n  containers: []\n'), ['securityContext', 'runAsUser']), pod('  securityContext: {runAsNonRoot: true}\n  containers: []\n'));
    assert.equal(remove(pod('  securityContext: {runAsNonRoot: true, runAsUser: 1}\n  containers: []\n'), ['securityContext', 'runAsUser']), pod('  securityContext: {runAsNonRoot: true}\n  containers: []\n'));
    assert.equal(remove(pod('  securityContext: {runAsUser: 1}\n  containers: []\n'), ['securityContext', 'runAsUser']), pod('  containers: []\n'));
  });

  it('handles the last line of a file without a line break and CRLF', () => {
    assert.equal(remove(pod('  containers: []\n  hostIPC: true'), ['hostIPC']), pod('  containers: []'));
    const crlf = pod('  hostIPC: true\n  containers: []\n').replace(/\n/g, '\r\n');
    assert.equal(remove(crlf, ['hostIPC']), pod('  containers: []\n').replace(/\n/g, '\r\n'));
  });
});

describe('appendSequenceItem', () => {
  const toleration: Array<[string, string]> = [
    ['key', 'os'],
    ['value', 'windows'],
  ];

  it('appends to block and flow sequences in their style', () => {
    assert.equal(
      append(pod('  tolerations:\n  - key: a\n    effect: NoSchedule\n  containers: []\n'), toleration),
      pod('  tolerations:\n  - key: a\n    effect: NoSchedule\n  - key: os\n    value: windows\n  containers: []\n'),
    );
    assert.equal(append(pod('  tolerations: []\n  containers: []\n'), toleration), pod('  tolerations: [{key: os, value: windows}]\n  containers: []\n'));
  });

  it('creates the key, indenting the dashes as the document does', () => {
    assert.equal(
      append(pod('  containers:\n    - name: c\n'), toleration),
      pod('  containers:\n    - name: c\n  tolerations:\n    - key: os\n      value: windows\n'),
    );
    assert.equal(append(pod('  containers:\n  - name: c\n'), toleration), pod('  containers:\n  - name: c\n  tolerations:\n  - key: os\n    value: windows\n'));
    assert.equal(append(pod('  tolerations:\n  containers: []\n'), toleration), pod('  tolerations:\n  - key: os\n    value: windows\n  containers: []\n'));
    assert.equal(append('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n', toleration), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [], tolerations: [{key: os, value: windows}]}\n');
  });
});
