// The analysis session: one analysis per document version, the last parse reused, and a change
// invalidating only the open documents that read what it changed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../server/src/engine/config';
import { AnalysisSession } from '../../server/src/engine/session';
import { allRules } from '../../server/src/rules';
import { summarize, summarizeText } from '../../server/src/workspace/build';
import { WorkspaceIndex } from '../../server/src/workspace/index';

// Nothing is read from disk: the session is fed texts, and the index summaries made from them.
const root = join('/', 'session-test');
const pathOf = (relative: string): string => join(root, relative);
const uriOf = (relative: string): string => pathToFileURL(pathOf(relative)).href;

const compose = 'services:\n  web:\n    build: ./web\n    image: contoso/web\n';
const dockerfile = (tag: string): string => `FROM mcr.microsoft.com/windows/servercore:${tag}\n`;
const pod = (name: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeSelector:\n    kubernetes.io/os: windows\n    node.kubernetes.io/windows-build: '10.0.20348'\n  containers:\n  - name: ${name}\n    image: contoso/${name}:1\n  os:\n    name: windows\n`;
const builtImageRule = 'kubernetes/built-image-windows-build';

function newSession(targetWindowsVersion?: string): AnalysisSession<ReturnType<typeof summarize>, WorkspaceIndex> {
  const config = resolveConfig(targetWindowsVersion ? [{ config: { targetWindowsVersion }, origin: 'test' }] : []);
  const session = new AnalysisSession({ index: new WorkspaceIndex(), summarize, frontEnd: 'editor', rules: allRules, configFor: () => config });
  // The closed files, as the workspace scan indexes them.
  session.index.set(pathOf('docker-compose.yml'), summarizeText(pathOf('docker-compose.yml'), compose));
  session.index.set(pathOf('web/Dockerfile'), summarizeText(pathOf('web/Dockerfile'), dockerfile('ltsc2022')));
  return session;
}

const open = (relative: string, text: string, version = 1) => ({ uri: uriOf(relative), languageId: relative.endsWith('.yaml') ? 'yaml' : 'dockerfile', version, text });
const rules = (session: AnalysisSession<unknown>, document: ReturnType<typeof open>): string[] => session.analysisOf(document).analysis.findings.map((finding) => finding.ruleId);

describe('analysis session', () => {
  it('analyzes a version once, whichever asks first', () => {
    const session = newSession('ltsc2022');
    const web = open('k8s/web.yaml', pod('web'));
    const first = session.analysisOf(web);
    assert.equal(session.analysisOf(web), first);
    assert.notEqual(session.analysisOf({ ...web, version: 2 }), first);
  });

  it('a Dockerfile edited in its buffer invalidates only the open manifests that deploy its image', () => {
    const session = newSession('ltsc2022');
    const web = open('k8s/web.yaml', pod('web'));
    const api = open('k8s/api.yaml', pod('api'));
    assert.deepEqual(rules(session, web), []);
    const apiAnalysis = session.analysisOf(api);

    const invalidated = session.update(open('web/Dockerfile', dockerfile('ltsc2025'), 2));
    assert.deepEqual(invalidated, { documents: [web.uri], targetChanged: false });
    // Same versions of the manifests: the one invalidated is analyzed again against the new buffer.
    assert.deepEqual(rules(session, web), [builtImageRule]);
    assert.equal(session.analysisOf(api), apiAnalysis);
  });

  it('a Dockerfile changed on disk invalidates the same manifests, and the same file read again none', () => {
    const session = newSession('ltsc2022');
    const web = open('k8s/web.yaml', pod('web'));
    session.analysisOf(web);
    session.analysisOf(open('k8s/api.yaml', pod('api')));
    const dockerfilePath = pathOf('web/Dockerfile');
    const changed = session.index.set(dockerfilePath, summarizeText(dockerfilePath, dockerfile('ltsc2025')));
    assert.deepEqual(session.invalidatedBy(changed).documents, [web.uri]);
    // A watcher event for a file saved unchanged: no answer changed, so nothing is checked again.
    const unchanged = session.index.set(dockerfilePath, summarizeText(dockerfilePath, dockerfile('ltsc2025')));
    assert.deepEqual(session.invalidatedBy(unchanged), { documents: [], targetChanged: false });
  });

  it('an inferred target invalidates the documents that read it only when its value changes', () => {
    const session = newSession();
    const web = open('k8s/web.yaml', pod('web'));
    session.analysisOf(web);
    const dockerfilePath = pathOf('other/Dockerfile');
    // Another Dockerfile on the same build: the workspace still agrees on 10.0.20348.
    assert.deepEqual(session.invalidatedBy(session.index.set(dockerfilePath, summarizeText(dockerfilePath, dockerfile('ltsc2022')))).documents, []);
    assert.equal(session.configFor(web.uri).target?.build, 20348);
    // One on another build: no single target applies any more.
    const moved = session.invalidatedBy(session.index.set(dockerfilePath, summarizeText(dockerfilePath, dockerfile('ltsc2025'))));
    assert.deepEqual(moved, { documents: [web.uri], targetChanged: true });
    assert.equal(session.configFor(web.uri).target, undefined);
  });

  it('reuses the unchanged documents of the last parse, also after its analysis was invalidated, until the document is closed', () => {
    const session = newSession('ltsc2022');
    const stream = pod('web') + '---\n' + pod('api');
    const documentsOf = (version: number, text: string) => session.analysisOf(open('k8s/both.yaml', text, version)).analysis.kubernetes!.documents;
    const first = documentsOf(1, stream)[0];
    const edited = stream.replace('name: api', 'name: api2');
    assert.equal(documentsOf(2, edited)[0], first);
    session.invalidateAll();
    assert.equal(documentsOf(2, edited)[0], first);
    session.close(uriOf('k8s/both.yaml'));
    assert.notEqual(documentsOf(3, edited)[0], first);
  });

  it('a closed document is no longer invalidated', () => {
    const session = newSession('ltsc2022');
    const web = open('k8s/web.yaml', pod('web'));
    session.analysisOf(web);
    session.close(web.uri);
    assert.deepEqual(session.update(open('web/Dockerfile', dockerfile('ltsc2025'), 2)).documents, []);
  });

  it("the CLI's one-shot analysis sees the finished index and keeps neither its parse nor its analysis, only findings and the summary", () => {
    const session = newSession('ltsc2022');
    session.index.set(pathOf('web/Dockerfile'), summarizeText(pathOf('web/Dockerfile'), dockerfile('ltsc2025')));
    const result = session.analyze({ uri: uriOf('k8s/web.yaml'), text: pod('web') });
    assert.deepEqual(
      result.findings.map((finding) => finding.ruleId),
      [builtImageRule],
    );
    assert.deepEqual(Object.keys(result).sort(), ['findings', 'notices', 'summary', 'tooLarge']);
    // Nothing was recorded: a change to the Dockerfile has no open document to invalidate.
    assert.deepEqual(session.invalidatedBy(session.index.set(pathOf('web/Dockerfile'), undefined)).documents, []);
  });
});
