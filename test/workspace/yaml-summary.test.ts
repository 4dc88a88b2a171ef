// The index reads closed YAML files one document at a time; that must give exactly the summary the
// parse of an open document gives, or files would be judged differently once opened.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { maxCheckedBytes } from '../../server/src/engine/runner';
import { kubernetesObjects, type KubeObject } from '../../server/src/languages/kubernetes/model';
import { summarizeText } from '../../server/src/workspace/build';
import { windowsManifest } from '../bench/inputs';
import { corpusRoot, withoutCorpus } from '../helpers/shared';
import { assertSummaryAsWhenOpen, filesOfKind } from '../helpers/workspace';

const corpus = join(corpusRoot, 'real-world');

const windowsPod = (name: string, build = '10.0.20348'): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeSelector:\n    node.kubernetes.io/windows-build: '${build}'\n  containers:\n  - name: c\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n`;

describe('closed YAML files summarised one document at a time', () => {
  const cases: Record<string, string> = {
    'documents split at --- lines': `${windowsPod('a')}---\n${windowsPod('b', '10.0.17763')}---\n# only a comment\n---\n`,
    'directives and end markers (parsed as one stream)': `%YAML 1.2\n---\n${windowsPod('a')}...\n---\n${windowsPod('b')}`,
    'a broken document between two good ones': `${windowsPod('a')}---\nkind: [unclosed\n---\n${windowsPod('c')}`,
    'a List of objects and a RuntimeClass': "apiVersion: v1\nkind: List\nitems:\n- apiVersion: node.k8s.io/v1\n  kind: RuntimeClass\n  metadata: {name: w22}\n  handler: runhcs-wcow-process\n  scheduling:\n    nodeSelector: {node.kubernetes.io/windows-build: '10.0.20348'}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec:\n    runtimeClassName: w22\n    containers: [{name: c, image: contoso/app:1}]\n",
    'Helm templates, inline and in blocks': "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      {{- if .Values.windows }}\n      nodeSelector:\n        node.kubernetes.io/windows-build: '10.0.20348'\n      {{- end }}\n      containers:\n      - name: web\n        image: {{ .Values.image }}\n      - name: sidecar\n        image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n---\n{{ include \"extra\" . }}\n",
    'anchors and merge keys': "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: &sc {windowsOptions: {hostProcess: true}}\n  hostNetwork: true\n  containers:\n  - name: c\n    image: &img mcr.microsoft.com/windows/nanoserver:ltsc2022\n  - <<: {name: d}\n    image: *img\n",
    'lone CR line breaks': windowsPod('a').replace(/\n/g, '\r') + '---\r' + windowsPod('b').replace(/\n/g, '\r'),
    'a compose file': 'services:\n  web:\n    build: {context: web, dockerfile: win.Dockerfile}\n    image: contoso/web:2\n---\nservices:\n  api:\n    build: ./api\n    image: contoso/api\n',
    'a skaffold file': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n  - image: contoso/c\n    context: c\n    docker: {dockerfile: Dockerfile.windows}\n',
    'an empty file': '',
  };
  for (const [name, text] of Object.entries(cases)) it(name, () => assertSummaryAsWhenOpen('/w/manifest.yaml', text));

  it('gives the whole parse\'s summary on the bench\'s generated manifests', () => {
    assertSummaryAsWhenOpen('/w/small.yaml', windowsManifest(150));
    assertSummaryAsWhenOpen('/w/large.yaml', windowsManifest(10000, 4));
  });

  it('leaves out a file over the size limit, as the whole parse does', () => {
    const text = windowsPod('a') + '# padding\n'.repeat(maxCheckedBytes / 10);
    assert.equal(summarizeText('/w/huge.yaml', text), undefined);
    assertSummaryAsWhenOpen('/w/huge.yaml', text);
  });

  it('reads a document only when the one before it is done', () => {
    const documents = kubernetesObjects(`${windowsPod('a')}---\n${windowsPod('b')}`);
    const names = (step: IteratorResult<KubeObject[]>): Array<string | undefined> | undefined => (step.done ? undefined : step.value.map((object) => object.name));
    assert.deepEqual(names(documents.next()), ['a']);
    assert.deepEqual(names(documents.next()), ['b']);
    assert.equal(documents.next().done, true);
  });

  it('gives the whole parse\'s summary on every YAML file of the corpus', { skip: withoutCorpus }, () => {
    const files = filesOfKind(corpus, 'kubernetes');
    assert.ok(files.length > 50);
    for (const file of files) assertSummaryAsWhenOpen(file, readFileSync(file, 'utf8'));
  });
});
