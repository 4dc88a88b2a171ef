// Random edits typed into real files through the bundled server, sent as the smallest incremental
// change an editor would send: after every change the server must publish, for that version,
// exactly what the engine finds in the whole text from scratch. This covers what the engine tests
// of incremental parsing cannot: the server's document sync, its reuse of the last parse for the
// next version, and its caches.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Range } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core/text';
import { resolveConfig } from '../../server/src/engine/config';
import { analyze } from '../../server/src/engine/runner';
import { allRules } from '../../server/src/rules';
import { ourDiagnostics, startServer, type TestServer } from '../helpers/lsp-client';
import { corpusSamples, fixtureSamples, type Sample } from '../robustness/checks';
import { applyMutation, mutationArbitrary } from '../robustness/mutate';

const target = 'ltsc2022';

/** The one change that turns `before` into `after`: the span between their common prefix and suffix. */
function smallestChange(before: string, after: string): { range: Range; text: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  // A change must not split a CRLF, which LSP counts as one line break.
  if (start > 0 && before[start - 1] === '\r') start--;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  if (end > 0 && before[before.length - end] === '\n') end--;
  const lines = new LineIndex(before);
  return { range: lines.range(start, before.length - end), text: after.slice(start, after.length - end) };
}

function expected(sample: Sample, text: string): string[] {
  const config = resolveConfig([{ config: { targetWindowsVersion: target }, origin: 'test' }]);
  return analyze({ uri: sample.uri, text, languageId: sample.languageId }, { rules: allRules, config })
    .findings.map((f) => `${f.ruleId} ${JSON.stringify(f.range)} ${f.message}`)
    .sort();
}

describe('typing random edits through the server', () => {
  let server: TestServer;
  let root: string;
  let opened = 0;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'wincontainers-typing-'));
    writeFileSync(join(root, '.wincontainers.yaml'), `targetWindowsVersion: ${target}\n`);
    server = await startServer({ rootPath: root });
  });

  after(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes for every version what a check of the whole text finds (fixed seed)', async () => {
    // Windows files, where rules have something to say; small enough for many round trips.
    const samples = [...fixtureSamples(), ...corpusSamples(1).filter((sample) => /(^|\/)corpus\/.*windows/i.test(sample.name))]
      .filter((sample) => sample.text.length < 20_000)
      // A counterexample names the file rather than printing all of it.
      .map((sample) => ({ ...sample, [fc.toStringMethod]: () => sample.name }));
    assert.ok(samples.length > 10);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...samples), fc.array(mutationArbitrary, { minLength: 1, maxLength: 10 }), async (sample, mutations) => {
        const name = sample.languageId === 'dockerfile' ? 'Dockerfile' : 'manifest.yaml';
        const uri = pathToFileURL(join(root, `${opened++}`, name)).href;
        let text = sample.text;
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: sample.languageId, version: 1, text } });
        try {
          for (const [index, mutation] of mutations.entries()) {
            const next = applyMutation(text, mutation);
            const version = index + 2;
            await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [smallestChange(text, next)] });
            text = next;
            const published = await server.diagnostics(uri, (p) => p.version === version);
            const got = ourDiagnostics(published)
              .map((d) => `${d.code} ${JSON.stringify(d.range)} ${d.message}`)
              .sort();
            assert.deepEqual(got, expected({ ...sample, uri }, text), `${sample.name}, version ${version}`);
          }
        } finally {
          await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        }
      }),
      { seed: 20261124, numRuns: 40 },
    );
  });
});
