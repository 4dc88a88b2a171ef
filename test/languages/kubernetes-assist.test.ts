import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { emptyWorkspace } from '../../server/src/core/workspace-view';
import { resolveConfig } from '../../server/src/engine/config';
import { kubernetesCompletions, kubernetesHover } from '../../server/src/languages/kubernetes/assist';
import { parseKubernetes } from '../../server/src/languages/kubernetes/model';

const context = { config: resolveConfig([]), today: new Date('2026-11-23T12:00:00Z'), workspace: emptyWorkspace };

/** Text with a `|` marking the cursor. */
function at(marked: string): { text: string; position: { line: number; character: number } } {
  const index = marked.indexOf('|');
  const text = marked.slice(0, index) + marked.slice(index + 1);
  const before = text.slice(0, index).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

function hover(marked: string): string | undefined {
  const { text, position } = at(marked);
  const result: Hover | undefined = kubernetesHover(parseKubernetes(text), position, context);
  return result ? (result.contents as MarkupContent).value : undefined;
}

function complete(marked: string): string[] {
  const { text, position } = at(marked);
  return kubernetesCompletions(parseKubernetes(text), text, position, context).map((item) => item.label);
}

const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

describe('Kubernetes hover', () => {
  it('explains a windows-build value: release, the images it runs, support', () => {
    const value = hover(pod("  nodeSelector:\n    node.kubernetes.io/windows-build: '10.0.2|0348'\n  containers: []\n"))!;
    assert.match(value, /Nodes running Windows Server 2022 \(build 10\.0\.20348\)/);
    assert.match(value, /Runs images of ltsc2022 \(20348\) with process isolation/);
    assert.match(value, /Mainstream support ended 2026-10-13; extended support until 2031-10-14/);
    const ws2025 = hover(pod('  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchExpressions:\n          - {key: node.kubernetes.io/windows-build, operator: In, values: [10.0.26|100]}\n  containers: []\n'))!;
    assert.match(ws2025, /ltsc2022 \(20348\), ltsc2025 \(26100\)/);
    assert.match(hover(pod('  nodeSelector:\n    node.kubernetes.io/windows-build: ltsc|2022\n  containers: []\n'))!, /No node carries this value/);
    assert.match(hover(pod("  nodeSelector:\n    node.kubernetes.io/windows-build: '10.0.177|63'\n  containers: []\n"))!, /Kubernetes no longer supports Windows nodes of Windows Server 2019 \(version 1809\), since Kubernetes 1\.33\./);
  });

  it('explains images: Windows release and the node builds that run it, Linux-only, HostProcess', () => {
    const iis = hover(pod('  containers:\n  - name: web\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-lt|sc2019\n'))!;
    assert.match(iis, /Windows image: Windows Server 2019 \(version 1809, build 10\.0\.17763\), Server Core/);
    assert.match(iis, /node\.kubernetes\.io\/windows-build: 10\.0\.17763` \(process isolation\)/);
    assert.match(hover(pod('  containers:\n  - name: web\n    image: ngi|nx:1.27\n'))!, /Linux image: it has no Windows variant/);
    assert.match(hover(pod('  containers:\n  - {name: h, image: mcr.microsoft.com/oss/kubernetes/windows-host-process-containers-base-image:v1|.0.0}\n'))!, /runs on any Windows node build/);
    assert.equal(hover(pod('  containers:\n  - name: web\n    image: contoso/we|b:1\n')), undefined);
    assert.equal(hover(pod('  contai|ners: []\n')), undefined);
  });
});

describe('Kubernetes completion', () => {
  it('offers OS values after kubernetes.io/os in selectors and match expressions', () => {
    assert.deepEqual(complete(pod('  nodeSelector:\n    kubernetes.io/os: |\n')), ['windows', 'linux']);
    assert.deepEqual(complete(pod('  nodeSelector:\n    kubernetes.io/os: "w|\n')), ['windows', 'linux']);
    assert.deepEqual(complete(pod('        - matchExpressions:\n          - key: kubernetes.io/os\n            operator: In\n            values:\n            - |\n')), ['windows', 'linux']);
    assert.deepEqual(complete(pod('          - {key: kubernetes.io/os, operator: In, values: [|\n')), ['windows', 'linux']);
  });

  it('offers known Windows builds, newest first, replacing what is typed', () => {
    const { text, position } = at(pod('  nodeSelector:\n    node.kubernetes.io/windows-build: 10.0.|\n'));
    const items = kubernetesCompletions(parseKubernetes(text), text, position, context);
    assert.equal(items[0]!.label, '10.0.26100');
    assert.equal(items[0]!.detail, 'Windows Server 2025');
    assert.ok(items.some((item) => item.label === '10.0.17763'));
    assert.deepEqual((items[0]!.textEdit as { range: unknown }).range, { start: { line: 6, character: 38 }, end: position });
  });

  it('offers nothing elsewhere', () => {
    assert.deepEqual(complete(pod('  nodeSelector:\n    agentpool: |\n')), []);
    assert.deepEqual(complete(pod('        - matchExpressions:\n          - key: kubernetes.io/hostname\n            operator: In\n            values:\n            - |\n')), []);
    assert.deepEqual(complete(pod('  containers:\n  - |\n')), []);
  });
});
