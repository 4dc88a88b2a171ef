// Inputs that are fine in kind but hostile in number, straight into the engine: the cost must grow
// linearly. Each bound is about ten times what the fixed code needs here or more, and far below
// what the quadratic code took (noted per test).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/runner';
import { quickFixes } from '../../server/src/lsp/code-actions';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { GitIgnoreFile } from '../../server/src/workspace/gitignore';
import { scanFolder } from '../../server/src/workspace/scan';
import { optionsFor } from './checks';

function timed<T>(body: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = body();
  return { result, ms: performance.now() - started };
}

describe('engine on inputs hostile in number', () => {
  // Before the fix all 1,501 findings, and 6,001 identical ones for the aliases below.
  it('a manifest with 1,501 problems: the first 1,000, and one note saying how many more', () => {
    const containers = Array.from({ length: 1500 }, (_, i) => `  - {name: c${i}, image: 'mcr.microsoft.com/windows/servercore:ltsc2022', command: ['/bin/sh']}`).join('\n');
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n${containers}\n`;
    const analysis = analyze({ uri: 'file:///scale/many.yaml', text }, optionsFor());
    assert.equal(analysis.findings.length, 1000);
    assert.deepEqual(
      analysis.notices.map((notice) => notice.message),
      ['501 more Windows container problems not shown: only the first 1000 of a file are.'],
    );
  });

  // 40 ms here; before the fix 9 s (the text indexed again for each diagnostic).
  it('a code action request with 20,000 context diagnostics is answered in linear time', () => {
    const containers = Array.from({ length: 1500 }, (_, i) => `  - {name: c${i}, image: 'mcr.microsoft.com/windows/servercore:ltsc2019', command: ['/bin/sh']}`).join('\n');
    const document = { uri: 'file:///scale/actions.yaml', text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n${containers}\n` };
    const analysis = analyze(document, optionsFor());
    const published = analysis.findings.map((finding, index) => toDiagnostic(finding, index));
    const context = Array.from({ length: 20_000 }, (_, i) => published[i % published.length]!);
    const { result, ms } = timed(() => quickFixes({ document, version: 1, analysis }, context));
    assert.ok(result.length >= 20_000);
    assert.ok(ms < 2_000, `took ${Math.round(ms)} ms`);
  });

  it('6,000 aliases of one container: each problem once, not once per alias', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  x-c: &c {name: web, image: 'mcr.microsoft.com/windows/servercore:ltsc2019', command: ['/bin/sh']}\n  containers: [${Array(6000).fill('*c').join(', ')}]\n`;
    const analysis = analyze({ uri: 'file:///scale/aliases.yaml', text }, optionsFor());
    const keys = analysis.findings.map((finding) => `${finding.ruleId} ${finding.range.start.line}:${finding.range.start.character}`);
    assert.ok(keys.length > 0 && keys.length < 10, keys.join(', '));
    assert.equal(new Set(keys).size, keys.length);
  });

  // Each 3 to 60 ms here. Before the fix, regular expressions that backtrack quadratically took
  // 50 s on the spaces (through the CLI), 2.5 s on the directive, 6.5 s on the heredoc word, 4.1 s
  // on the unclosed `${` and 5.3 s on the nested ARG defaults.
  const dockerfiles: Record<string, string> = {
    'a run of 120,000 spaces inside an instruction': `FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN a${' '.repeat(120_000)}b\n`,
    'a parser directive with 40,000 spaces inside its value': `# syntax=a${' '.repeat(40_000)}b\nFROM x\n`,
    'a heredoc word of 40,000 spaces and a <': `FROM x\nRUN <<${' '.repeat(40_000)}x<\n`,
    '40,000 unclosed ${ on a heredoc line': `FROM x\nRUN <<EOF ${'${'.repeat(40_000)}\nEOF\n`,
    'a FROM of 20,000 nested ARG defaults': `FROM ${'${a:-'.repeat(20_000)}\n`,
  };
  for (const [name, text] of Object.entries(dockerfiles)) {
    it(`a Dockerfile with ${name} is read in linear time`, () => {
      const { ms } = timed(() => analyze({ uri: 'file:///scale/Dockerfile', text }, optionsFor()));
      assert.ok(ms < 2_000, `took ${Math.round(ms)} ms`);
    });
  }

  // 40 ms here; before the fix 14.4 s (0.7 s at 10,000 templates, 1.9 s at 20,000).
  it('a Helm manifest with 60,000 templates on one line (480 KB) is checked in linear time', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: ${'{{ .a }}'.repeat(60_000)}\n`;
    const { result, ms } = timed(() => analyze({ uri: 'file:///scale/templates.yaml', text }, optionsFor()));
    assert.deepEqual(result.findings, []);
    assert.ok(ms < 2_000, `took ${Math.round(ms)} ms`);
  });
});

/** A generated .gitignore: mostly literal paths and names, some extensions and prefixes, a few globs and negations. */
function generatedGitignore(lines: number): string {
  return Array.from({ length: lines }, (_, i) => {
    switch (i % 20) {
      case 0:
        return `build-${i}/**/*.tmp`;
      case 1:
        return `!keep-${i}.yaml`;
      case 2:
      case 3:
      case 4:
      case 5:
        return `*.ext${i}`;
      case 6:
        return `prefix-${i}*`;
      default:
        return i % 2 === 0 ? `/generated/out-${i}.yaml` : `cache-${i}.bin`;
    }
  }).join('\n');
}

describe('folder walk on a large .gitignore', () => {
  // 0.4 s here; before the fix 13 s (each rule under a folder prepended to a copy of its list).
  it('40,000 wildcard rules under one folder (300 KB) are read in linear time', () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `/a/*${i}`).join('\n');
    const { result, ms } = timed(() => new GitIgnoreFile(text));
    assert.equal(result.ignores('a/x1', false), true);
    assert.ok(ms < 4_000, `took ${Math.round(ms)} ms`);
  });

  // 400 folders of 10 manifests: now about 0.25 s (0.12 s of it reading the rules, 30 ms
  // without the .gitignore); before the fix 6.5 s, the rules tried one by one on every entry.
  it('a 5,000-line .gitignore: the walk stays linear in entries plus rules', () => {
    const root = mkdtempSync(join(tmpdir(), 'wincontainers-gitignore-scale-'));
    try {
      for (let d = 0; d < 400; d++) {
        mkdirSync(join(root, `service-${d}`));
        for (let f = 0; f < 10; f++) writeFileSync(join(root, `service-${d}`, `m${f}.yaml`), '');
      }
      const walk = (): { files: number; ms: number } => {
        const { result, ms } = timed(() => scanFolder(root, { ignoreGlobs: [], globRoot: root }));
        return { files: result.files.length, ms };
      };
      const without = walk();
      writeFileSync(join(root, '.gitignore'), generatedGitignore(5_000));
      const withIgnore = walk();
      assert.equal(withIgnore.files, 4_000);
      assert.ok(withIgnore.ms < 2_500, `took ${Math.round(withIgnore.ms)} ms (${Math.round(without.ms)} ms without the .gitignore)`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
