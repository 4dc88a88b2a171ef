// The checks of open documents: requests read analyses and publish nothing; only a check publishes,
// and an analysis that invalidates another open document schedules that document's check.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { resolveConfig } from '../../server/src/engine/config';
import { AnalysisSession } from '../../server/src/engine/session';
import { OpenDocumentChecks, type OpenDocument } from '../../server/src/lsp/checks';
import { allRules } from '../../server/src/rules';
import { summarize, summarizeText } from '../../server/src/workspace/build';
import { WorkspaceIndex } from '../../server/src/workspace/index';

const root = join('/', 'checks-test');
const config = resolveConfig([{ config: { targetWindowsVersion: 'ltsc2022' }, origin: 'test' }]);
const compose = 'services:\n  web:\n    build: ./web\n    image: contoso/web\n';
const manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  nodeSelector:\n    kubernetes.io/os: windows\n    node.kubernetes.io/windows-build: '10.0.20348'\n  containers:\n  - name: web\n    image: contoso/web:1\n  os:\n    name: windows\n";

function document(relative: string, languageId: string, text: string, version = 1): OpenDocument {
  return { uri: pathToFileURL(join(root, relative)).href, languageId, version, getText: () => text };
}

function setUp(): { checks: OpenDocumentChecks; published: PublishDiagnosticsParams[]; open: Map<string, OpenDocument> } {
  const session = new AnalysisSession({ index: new WorkspaceIndex(), summarize, frontEnd: 'editor', rules: allRules, configFor: () => config });
  session.index.set(join(root, 'docker-compose.yml'), summarizeText(join(root, 'docker-compose.yml'), compose));
  const published: PublishDiagnosticsParams[] = [];
  const open = new Map<string, OpenDocument>();
  const checks = new OpenDocumentChecks(session, {
    document: (uri) => open.get(uri),
    publish: (params) => published.push(params),
    error: (message) => assert.fail(message),
    targetChanged: () => undefined,
    ruleLink: () => undefined,
  });
  return { checks, published, open };
}

/** Resolves once no check is waiting, failing at the deadline. */
async function checksDone(checks: OpenDocumentChecks, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let waiting = checks.pending(); waiting; waiting = checks.pending()) {
    if (Date.now() > deadline) assert.fail(`checks still pending after ${timeoutMs} ms`);
    await Promise.race([waiting, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
}

describe('checks of open documents', () => {
  it('a request publishes nothing; the check of that version publishes once, from the same analysis', async () => {
    const { checks, published, open } = setUp();
    const pod = document('k8s/web.yaml', 'yaml', manifest);
    open.set(pod.uri, pod);
    const forRequest = checks.analysisFor(pod);
    assert.equal(checks.analysisFor(pod), forRequest);
    assert.equal(published.length, 0);

    checks.schedule(pod.uri, 0);
    await checksDone(checks);
    assert.deepEqual(
      published.map((params) => [params.uri, params.version]),
      [[pod.uri, 1]],
    );
    assert.equal(checks.analysisFor(pod), forRequest, 'the check reused the analysis the request made');
  });

  it("a request's analysis of an edited Dockerfile schedules the check of the manifest that deploys its image", async () => {
    const { checks, published, open } = setUp();
    const pod = document('k8s/web.yaml', 'yaml', manifest);
    open.set(pod.uri, pod);
    checks.schedule(pod.uri, 0);
    await checksDone(checks);
    assert.deepEqual(published.at(-1)?.diagnostics, []);

    // The Dockerfile's buffer is read first by a hover: only the manifest's check publishes.
    const edited = document('web/Dockerfile', 'dockerfile', 'FROM mcr.microsoft.com/windows/servercore:ltsc2025\n', 2);
    open.set(edited.uri, edited);
    checks.analysisFor(edited);
    await checksDone(checks);
    const last = published.at(-1)!;
    assert.equal(last.uri, pod.uri);
    assert.deepEqual(
      last.diagnostics.map((diagnostic) => diagnostic.code),
      ['kubernetes/built-image-windows-build'],
    );
    assert.equal(
      published.filter((params) => params.uri === edited.uri).length,
      0,
    );
  });
});
