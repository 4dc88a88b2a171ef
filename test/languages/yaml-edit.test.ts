import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyEdits } from '../../server/src/core/text';
import { insertPath } from '../../server/src/languages/kubernetes/edit';
import { parseKubernetes } from '../../server/src/languages/kubernetes/model';

function insertIntoPodSpec(text: string, path: string[], value: string): string {
  const model = parseKubernetes(text);
  const pod = model.objects[0]!.podSpecs[0]!;
  const edit = insertPath(model, pod.map, path, value);
  assert.ok(edit, 'an edit');
  const result = applyEdits(text, [edit]);
  assert.equal(parseAllDocuments(result).flatMap((d) => ('errors' in d ? d.errors : [])).length, 0, result);
  return result;
}

describe('insertPath', () => {
  const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

  it('adds nested keys after the last entry, at the map indentation', () => {
    assert.equal(
      insertIntoPodSpec(pod('  containers:\n  - name: c\n    image: a  # pinned\n\n# end\n'), ['os', 'name'], 'windows'),
      pod('  containers:\n  - name: c\n    image: a  # pinned\n  os:\n    name: windows\n\n# end\n'),
    );
  });

  it('reuses existing maps and fills empty keys', () => {
    assert.equal(
      insertIntoPodSpec(pod('  securityContext:\n    runAsNonRoot: false\n  containers: []\n'), ['securityContext', 'windowsOptions', 'hostProcess'], 'true'),
      pod('  securityContext:\n    runAsNonRoot: false\n    windowsOptions:\n      hostProcess: true\n  containers: []\n'),
    );
    assert.equal(insertIntoPodSpec(pod('  os:\n  containers: []\n'), ['os', 'name'], 'windows'), pod('  os:\n    name: windows\n  containers: []\n'));
  });

  it('writes flow style into flow maps, including empty ones', () => {
    assert.equal(insertIntoPodSpec(pod('  nodeSelector: {}\n  containers: []\n'), ['nodeSelector', 'kubernetes.io/os'], 'windows'), pod('  nodeSelector: {kubernetes.io/os: windows}\n  containers: []\n'));
    assert.equal(insertIntoPodSpec(pod('  nodeSelector: { pool: win }\n  containers: []\n'), ['nodeSelector', 'kubernetes.io/os'], 'windows'), pod('  nodeSelector: { pool: win, kubernetes.io/os: windows }\n  containers: []\n'));
  });

  it('replaces a one-line scalar, and gives no edit where a list or a block of text would be lost', () => {
    assert.equal(insertIntoPodSpec(pod('  nodeSelector: windows\n  containers: []\n'), ['nodeSelector', 'kubernetes.io/os'], 'windows'), pod('  nodeSelector: {kubernetes.io/os: windows}\n  containers: []\n'));
    for (const value of ['\n  - name: v\n    configMap: {name: x} # kept\n', ' [a, b]\n', ' |\n    text\n']) {
      const model = parseKubernetes(pod(`  nodeSelector:${value}  containers: []\n`));
      assert.equal(insertPath(model, model.objects[0]!.podSpecs[0]!.map, ['nodeSelector', 'kubernetes.io/os'], 'windows'), undefined, value);
    }
  });

  it('keeps CRLF line endings', () => {
    const text = pod('  containers:\n  - name: c\n').replace(/\n/g, '\r\n');
    assert.equal(insertIntoPodSpec(text, ['hostNetwork'], 'true'), pod('  containers:\n  - name: c\n  hostNetwork: true\n').replace(/\n/g, '\r\n'));
  });
});
