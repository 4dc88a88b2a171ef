import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyWorkspace } from '../../server/src/core/workspace-view';
import { resolveConfig } from '../../server/src/engine/config';
import { podOs } from '../../server/src/engine/pod-os';
import { analyzeParsed, parse, type ParsedDocument } from '../../server/src/engine/runner';
import { parseKubernetes, type KubeObject } from '../../server/src/languages/kubernetes/model';
import { allRules } from '../../server/src/rules';
import { assertOverRandomEdits, describeFindings } from '../helpers/random-edits';
import { withoutCorpus } from '../helpers/shared';

const container = '      containers:\n      - name: c\n        image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n';

describe('Kubernetes model', () => {
  it('finds pod specs in every workload kind, custom resources included', () => {
    const text = [
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: a}]\n',
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  template:\n    spec:\n${container}`,
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: c, image: a}]\n',
      'apiVersion: v1\nkind: PodTemplate\nmetadata: {name: t}\ntemplate:\n  spec:\n    containers: [{name: c, image: a}]\n',
      'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  template:\n    spec:\n      initContainers: [{name: i, image: a}]\n      containers: [{name: c, image: a}]\n',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: inner}\n  spec:\n    containers: [{name: c, image: a}]\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata: {spec: x}\n',
      'name: not-kubernetes\nspec:\n  containers: []\n',
    ].join('---\n');
    const model = parseKubernetes(text);
    assert.deepEqual(
      model.objects.map((o) => [o.kind, o.name, o.podSpecs[0]?.path.join('.'), o.podSpecs[0]?.containers.map((c) => `${c.group}[${c.index}]`).join(',')]),
      [
        ['Pod', 'p', 'spec', 'containers[0]'],
        ['StatefulSet', 's', 'spec.template.spec', 'containers[0]'],
        ['CronJob', 'c', 'spec.jobTemplate.spec.template.spec', 'containers[0]'],
        ['PodTemplate', 't', 'template.spec', 'containers[0]'],
        ['Rollout', 'r', 'spec.template.spec', 'initContainers[0],containers[0]'],
        ['Pod', 'inner', 'spec', 'containers[0]'],
        ['ConfigMap', 'm', undefined, undefined],
      ],
    );
  });

  it('reads through anchors and merge keys, and survives an alias bomb', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  os: &win {name: windows}\n  containers:\n  - &c {name: c, image: mcr.microsoft.com/windows/servercore:ltsc2022}\n  initContainers:\n  - <<: *c\n    name: init\n' +
      '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    const model = parseKubernetes(text);
    const pod = model.objects[0]!.podSpecs[0]!;
    assert.deepEqual(pod.containers.map((c) => [c.name, c.image?.info?.os]), [
      ['init', 'windows'],
      ['c', 'windows'],
    ]);
    assert.deepEqual(podOs(pod, emptyWorkspace).evidence.map((e) => e.kind), ['os-field', 'image', 'image']);
  });

  it('keeps reading the other documents when one is broken', () => {
    const model = parseKubernetes(`apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: b\nspec:\n  template:\n    spec:\n${container}`);
    assert.ok(model.objects.some((o) => o.name === 'b' && o.podSpecs.length === 1));
  });

  it('masks Helm templates without moving any offset, and treats templated values as unknown', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\nspec:\n  template:\n    spec:\n      {{- if .Values.win }}\n      nodeSelector:\n        kubernetes.io/os: {{ .Values.os }}\n      {{- end }}\n${container}`;
    const model = parseKubernetes(text);
    assert.equal(model.isTemplate, true);
    const object = model.objects[0]!;
    assert.equal(object.name, undefined);
    const pod = object.podSpecs[0]!;
    const os = podOs(pod, emptyWorkspace);
    assert.equal(os.schedulingUnknown, true);
    const image = pod.containers[0]!.image!;
    assert.equal(text.split('\n')[image.range.start.line]!.slice(image.range.start.character, image.range.end.character), 'mcr.microsoft.com/windows/nanoserver:ltsc2022');
  });

  it('reads OS evidence from node affinity only when every term pins the same OS', () => {
    const affinity = (terms: string): string =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n${terms}  containers: [{name: c, image: a}]\n`;
    const term = (os: string): string => `        - matchExpressions:\n          - {key: kubernetes.io/os, operator: In, values: [${os}]}\n`;
    const kinds = (text: string): string[] => podOs(parseKubernetes(text).objects[0]!.podSpecs[0]!, emptyWorkspace).scheduling.map((e) => `${e.kind}:${e.os}`);
    assert.deepEqual(kinds(affinity(term('windows'))), ['node-affinity:windows']);
    assert.deepEqual(kinds(affinity(term('windows') + term('windows'))), ['node-affinity:windows']);
    assert.deepEqual(kinds(affinity(term('windows') + term('linux'))), []);
    assert.deepEqual(kinds(affinity(term('windows, linux'))), []);
  });
});

describe('Kubernetes model reuse between versions', () => {
  const pod = (name: string, image: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: ${image}\n`;
  const windowsImage = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';
  const checkVersion = (text: string, previous?: ParsedDocument): { text: string; findings: string[]; parsed: ParsedDocument } => {
    const parsed = parse({ uri: 'file:///w/stream.yaml', text }, previous);
    const findings = describeFindings(analyzeParsed(parsed, { rules: allRules, config: resolveConfig([]) }).findings);
    return { text, findings, parsed };
  };
  /** Parses each version after the one before it and checks the findings against a fresh parse. */
  const assertSameAsFreshParse = (versions: readonly string[]): void => {
    let previous: ParsedDocument | undefined;
    for (const [index, text] of versions.entries()) {
      const reused = checkVersion(text, previous);
      assert.deepEqual(reused.findings, checkVersion(text).findings, `findings of version ${index}:\n${text}`);
      previous = reused.parsed;
    }
  };

  it('gives exactly what a fresh parse gives, through a series of edits', () => {
    const conflicting = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: conflict\nspec:\n  nodeSelector:\n    kubernetes.io/os: linux\n  containers:\n  - name: c\n    image: ${windowsImage}\n`;
    const versions = [
      ['a', 'b', 'c'].map((n) => pod(n, windowsImage)).join('---\n'),
      // an edit inside the middle document moves the documents after it
      ['a', 'bb-longer-name', 'c'].map((n) => pod(n, windowsImage)).join('---\n'),
      // a new first document moves every other one
      [pod('z', 'nginx:1'), ...['a', 'bb-longer-name', 'c'].map((n) => pod(n, windowsImage))].join('---\n'),
      // the same document twice, then one removed
      [pod('z', 'nginx:1'), pod('z', 'nginx:1'), pod('c', windowsImage)].join('---\n'),
      [pod('z', 'nginx:1'), pod('c', windowsImage)].join('---\n'),
      // an anchor and an alias in a moved document
      ['x: 1\n', `apiVersion: v1\nkind: Pod\nmetadata: {name: anchored}\nspec:\n  containers:\n  - &c {name: c, image: ${windowsImage}}\n  initContainers:\n  - *c\n`].join('---\n'),
      ['x: 12345\n', `apiVersion: v1\nkind: Pod\nmetadata: {name: anchored}\nspec:\n  containers:\n  - &c {name: c, image: ${windowsImage}}\n  initContainers:\n  - *c\n`].join('---\n'),
      // a pod whose OS evidence conflicts (findings point at two places in it), then moved a line down
      [pod('a', windowsImage), conflicting].join('---\n'),
      ['# a comment\n' + pod('a', windowsImage), conflicting].join('---\n'),
    ];
    assert.ok(versions.every((text) => checkVersion(text).findings.length > 0));
    assertSameAsFreshParse(versions);
  });

  it('carries the objects of unchanged documents over, with ranges read on the lines they moved to', () => {
    const evidenceRanges = (object: KubeObject): unknown => podOs(object.podSpecs[0]!, emptyWorkspace).evidence.map((e) => e.range);
    const first = parseKubernetes([pod('a', windowsImage), pod('b', windowsImage)].join('---\n'));
    const [a, b] = first.objects;
    const rangesBefore = evidenceRanges(b!);
    // A line added at the top of the first document moves the second one down a line.
    const text = ['# added\n' + pod('a', windowsImage), pod('b', windowsImage)].join('---\n');
    const next = parseKubernetes(text, first);
    assert.notEqual(next.objects[0], a, 'the edited document is read again');
    assert.equal(next.objects[1], b, 'the unchanged document keeps its objects');
    assert.equal(b!.model, next);
    const fresh = parseKubernetes(text).objects[1]!;
    assert.deepEqual(b!.kindRange, fresh.kindRange);
    assert.deepEqual(b!.podSpecs[0]!.containers[0]!.image!.range, fresh.podSpecs[0]!.containers[0]!.image!.range);
    assert.equal(b!.kindRange.start.line, text.split('\n').lastIndexOf('kind: Pod'));
    // Asked again with the same workspace view, a carried-over pod answers with the moved ranges.
    assert.deepEqual(evidenceRanges(b!), evidenceRanges(fresh));
    assert.notDeepEqual(evidenceRanges(b!), rangesBefore);
  });

  it('reads every document again in a template file, where equal masked text may hide different values', () => {
    const templated = (value: string): string => [pod('a', windowsImage), `apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ ${value} }}\nspec:\n  containers: []\n`].join('---\n');
    const first = parseKubernetes(templated('.Values.a'));
    const next = parseKubernetes(templated('.Values.b'), first);
    assert.notEqual(next.objects[0], first.objects[0]);
    assert.equal(next.objects[1]!.name, undefined);
  });

  it('gives what a fresh parse gives through random edits of the examples and generated manifests', () => {
    assertOverRandomEdits('yaml', 'project', assertSameAsFreshParse);
  });

  it('gives what a fresh parse gives through random edits of real-world manifests', { skip: withoutCorpus }, () => {
    assertOverRandomEdits('yaml', 'corpus', assertSameAsFreshParse);
  });
});
