import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parse } from '../../server/src/engine/runner';
import { parseImageReference } from '../../server/src/kb';
import { summarize } from '../../server/src/workspace/build';
import { pathKey } from '../../server/src/workspace/index';
import { indexOf, workspaceRoot } from '../helpers/workspace';

const ref = (image: string) => parseImageReference(image)!;
const at = (relative: string): string => pathToFileURL(join(workspaceRoot, relative)).href;
const windowsDockerfile = 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\n';
const pod = (image: string, build?: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${build ? `  nodeSelector: {node.kubernetes.io/windows-build: '${build}'}\n` : ''}  containers: [{name: c, image: ${image}}]\n`;

describe('workspace index', () => {
  it('links images to Dockerfiles through compose, skaffold and the config map', () => {
    const index = indexOf(
      {
        'a/Dockerfile': windowsDockerfile,
        'b/win.Dockerfile': windowsDockerfile,
        'c/Dockerfile': 'FROM alpine\n',
        'compose.yaml': 'services:\n  a:\n    build: ./a\n    image: registry.contoso.com/a:1\n  b:\n    build: {context: b, dockerfile: win.Dockerfile}\n    image: b\n  unbuilt:\n    image: nginx\n',
        'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n  - image: contoso/c\n    context: c\n',
      },
      { 'contoso/config-linked': 'a/Dockerfile' },
    );
    const view = index.view();
    const built = (image: string): string | undefined => view.builtImage(ref(image))?.dockerfile.path;
    assert.equal(built('registry.contoso.com/a:1'), join(workspaceRoot, 'a/Dockerfile'));
    assert.equal(built('registry.contoso.com/a:2'), undefined, 'compose names tag 1');
    assert.equal(built('registry.contoso.com/a'), join(workspaceRoot, 'a/Dockerfile'), 'no tag written: any tag');
    assert.equal(built('docker.io/library/b:7'), join(workspaceRoot, 'b/win.Dockerfile'), 'registry defaults ignored');
    assert.equal(built('contoso/c:any'), join(workspaceRoot, 'c/Dockerfile'), 'skaffold tags itself');
    assert.equal(built('contoso/config-linked:5'), join(workspaceRoot, 'a/Dockerfile'));
    assert.equal(built('nginx'), undefined);
    assert.equal(view.builtImage(ref('b'))?.dockerfile.finalBuild, 17763);
  });

  it('finds the deployments of a Dockerfile with their node build, through RuntimeClasses too', () => {
    const index = indexOf({
      'Dockerfile': windowsDockerfile,
      'compose.yaml': 'services:\n  web:\n    build: .\n    image: web\n',
      'direct.yaml': pod('web:1', '10.0.20348'),
      'rc.yaml': "apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: w25}\nhandler: x\nscheduling:\n  nodeSelector: {node.kubernetes.io/windows-build: '10.0.26100'}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec:\n  runtimeClassName: w25\n  containers: [{name: c, image: web}]\n",
      'other.yaml': pod('other:1', '10.0.17763'),
    });
    const deployments = index.view().deploymentsOf(at('Dockerfile'));
    assert.deepEqual(deployments.map((d) => [d.usage.workload, d.nodeBuild?.build]).sort(), [['Pod p', 20348], ['Pod q', 26100]]);
  });

  it('infers the target only when every windows-build selector agrees', () => {
    const describeUri = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);
    assert.equal(indexOf({ 'a.yaml': pod('x', '10.0.20348') }).inferTarget(describeUri)?.build, 20348);
    assert.equal(indexOf({ 'a.yaml': pod('x', '10.0.20348'), 'b.yaml': pod('y', '10.0.20348') }).inferTarget(describeUri)?.origin, 'node.kubernetes.io/windows-build in a.yaml and 1 more file');
    assert.equal(indexOf({ 'a.yaml': pod('x', '10.0.20348'), 'b.yaml': pod('y', '10.0.17763') }).inferTarget(describeUri), undefined);
    assert.equal(indexOf({ 'a.yaml': pod('x') }).inferTarget(describeUri), undefined);
  });

  it('does not infer a target for a repository whose Dockerfiles target several Windows builds', () => {
    const describeUri = (uri: string): string => uri;
    const manifests = { 'a.yaml': pod('x', '10.0.20348') };
    assert.equal(indexOf({ ...manifests, 'one/Dockerfile': windowsDockerfile }).inferTarget(describeUri)?.build, 20348);
    assert.equal(indexOf({ ...manifests, 'one/Dockerfile': windowsDockerfile, 'two/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n' }).inferTarget(describeUri), undefined);
  });

  it('ignores Hyper-V RuntimeClasses, whose windows-build does not pin the image build', () => {
    const hyperV = "apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: hv}\nhandler: 'runhcs-wcow-hypervisor-19041'\nscheduling:\n  nodeSelector: {node.kubernetes.io/windows-build: '10.0.19041'}\n";
    assert.equal(indexOf({ 'rc.yaml': hyperV }).inferTarget((uri) => uri), undefined);
  });

  it('reports which topics an update touches, so only dependent documents are re-checked', () => {
    const index = indexOf({ 'compose.yaml': 'services:\n  web:\n    build: .\n    image: web\n', 'pod.yaml': pod('web:1', '10.0.20348') });
    const podRead = new Set<string>();
    index.view(podRead).builtImage(ref('web:1'));
    const dockerfileRead = new Set<string>();
    index.view(dockerfileRead).deploymentsOf(at('Dockerfile'));
    const path = join(workspaceRoot, 'Dockerfile');
    const changed = index.set(path, summarize(parse({ uri: at('Dockerfile'), text: windowsDockerfile })));
    assert.ok([...changed].some((topic) => podRead.has(topic)), 'the pod read the image the Dockerfile builds');
    const unrelated = index.set(join(workspaceRoot, 'other.yaml'), summarize(parse({ uri: at('other.yaml'), text: pod('unrelated:1') })));
    assert.ok(![...unrelated].some((topic) => podRead.has(topic) || dockerfileRead.has(topic)), 'an unrelated manifest touches neither');
  });

  it('re-checks the pods of a namespace when its Pod Security label changes, and answers nothing when definitions disagree', () => {
    const namespace = (level: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: agents\n  labels:\n    pod-security.kubernetes.io/enforce: ${level}\n`;
    const index = indexOf({ 'namespace.yaml': namespace('restricted') });
    const podRead = new Set<string>();
    assert.equal(index.view(podRead).namespace('agents')?.enforce, 'restricted');
    const path = join(workspaceRoot, 'namespace.yaml');
    const changed = index.set(path, summarize(parse({ uri: at('namespace.yaml'), text: namespace('privileged') })));
    assert.ok([...changed].some((topic) => podRead.has(topic)), 'the pod read the namespace that was relabelled');
    assert.equal(index.view().namespace('agents')?.enforce, 'privileged');
    index.set(join(workspaceRoot, 'overlay.yaml'), summarize(parse({ uri: at('overlay.yaml'), text: namespace('baseline') })));
    assert.equal(index.view().namespace('agents'), undefined);
  });

  it('re-checks the Dockerfile, not the other manifests, when a manifest deploys its image', () => {
    const index = indexOf({ 'compose.yaml': 'services:\n  web:\n    build: .\n    image: web\n', 'Dockerfile': windowsDockerfile, 'pod.yaml': pod('web:1', '10.0.20348') });
    const podRead = new Set<string>();
    index.view(podRead).builtImage(ref('web:1'));
    const dockerfileRead = new Set<string>();
    index.view(dockerfileRead).deploymentsOf(at('Dockerfile'));
    const changed = index.set(join(workspaceRoot, 'second.yaml'), summarize(parse({ uri: at('second.yaml'), text: pod('web:1', '10.0.17763') })));
    assert.ok([...changed].some((topic) => dockerfileRead.has(topic)), 'the Dockerfile lists where its image is deployed');
    assert.ok(![...changed].some((topic) => podRead.has(topic)), 'who builds web:1 did not change');
    assert.equal(index.view().deploymentsOf(at('Dockerfile')).length, 2);
  });

  it('changes nothing when a file is summarised again to the same facts', () => {
    const index = indexOf({ 'pod.yaml': pod('web:1', '10.0.20348') });
    const path = join(workspaceRoot, 'pod.yaml');
    const summary = (text: string) => summarize(parse({ uri: at('pod.yaml'), text }));
    assert.equal(index.set(path, summary(pod('web:1', '10.0.20348') + '# a comment\n')).size, 0);
    assert.ok(index.set(path, summary('\n' + pod('web:1', '10.0.20348'))).size > 0, 'the image moved a line down');
    assert.equal(index.set(join(workspaceRoot, 'gone.yaml'), undefined).size, 0);
  });

  it('keys files by path whatever the URI spelling', () => {
    assert.equal(pathKey('file:///work/a%20b/Dockerfile'), pathKey('/work/a b/Dockerfile'));
  });
});
