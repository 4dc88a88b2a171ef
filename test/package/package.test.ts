// The .vsix a user installs: packs the current build with the flags of `npm run package` and checks
// what is inside (bundled code, docs, snippets, icon, README/CHANGELOG/LICENSE; no sources, tests
// or node_modules) and its size. `npm test` builds dist/ first; the unminified build is larger than
// the production one, so the size limit holds for the release package too. And the manifest's
// language contribution: VS Code opens as Dockerfiles the files the checker reads as Dockerfiles.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { minimatch } from 'minimatch';
import { dockerfileWatchPatterns, isDockerfileName } from '../../server/src/engine/file-names';
import { allRules } from '../../server/src/rules';
import { dockerfileNames, notDockerfileNames } from '../helpers/file-names';

const repoRoot = join(__dirname, '..', '..', '..');
const maxBytes = 2 * 1024 * 1024;

interface Manifest {
  name: string;
  version: string;
  main: string;
  icon: string;
  scripts: Record<string, string>;
  categories: string[];
  keywords: string[];
  contributes: {
    languages: LanguageContribution[];
    snippets: Array<{ path: string }>;
    configuration: { properties: Record<string, { description?: string; markdownDescription?: string; default?: unknown }> };
  };
}
interface LanguageContribution {
  id: string;
  filenames?: string[];
  filenamePatterns?: string[];
  extensions?: string[];
}

/**
 * The language VS Code gives a file of this name from these contributions, as its language
 * associations do (src/vs/editor/common/services/languagesAssociations.ts): ignoring case on every
 * platform, an exact file name first, else the longest pattern that matches. Undefined: none of
 * ours, VS Code goes by the other extensions' associations.
 */
function languageOf(name: string, languages: readonly LanguageContribution[]): string | undefined {
  const exact = languages.find((language) => language.filenames?.some((filename) => filename.toLowerCase() === name.toLowerCase()));
  if (exact) return exact.id;
  let longest: { id: string; pattern: string } | undefined;
  for (const { id, filenamePatterns = [] } of languages) {
    for (const pattern of filenamePatterns) {
      if (pattern.length > (longest?.pattern.length ?? 0) && minimatch(name, pattern, { nocase: true, dot: true })) longest = { id, pattern };
    }
  }
  return longest?.id;
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;

/** Entry names of a zip file, from its central directory. */
function zipEntries(file: string): string[] {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, `${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'central directory entry');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('the .vsix package', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'wc-vsix-'));
  const vsix = join(outDir, `${manifest.name}-${manifest.version}.vsix`);
  let files: string[] = [];

  before(() => {
    // The flags of `npm run package`, without its production build (dist/ is already built).
    const flags = manifest.scripts.package!.replace(/^.*vsce package\s*/, '').split(/\s+/).filter(Boolean);
    execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', ...flags, '--out', vsix], { cwd: repoRoot, stdio: 'pipe' });
    files = zipEntries(vsix)
      .filter((name) => name.startsWith('extension/'))
      .map((name) => name.slice('extension/'.length));
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  it(`is under ${maxBytes / 1024 / 1024} MB`, () => {
    assert.ok(statSync(vsix).size < maxBytes, `${statSync(vsix).size} bytes`);
  });

  it('holds the bundles, the manifest, README, CHANGELOG, LICENSE and the icon', () => {
    for (const file of ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', manifest.icon, manifest.main.replace(/^\.\//, '')]) {
      assert.ok(files.includes(file), `${file} is missing from ${files.join(', ')}`);
    }
  });

  it('holds every contributed snippet file and every rule page', () => {
    for (const { path } of manifest.contributes.snippets) assert.ok(files.includes(path.replace(/^\.\//, '')), path);
    assert.ok(files.includes('docs/rules/README.md'));
    for (const rule of allRules) assert.ok(files.includes(`docs/rules/${rule.id}.md`), `docs/rules/${rule.id}.md (the diagnostics link to it)`);
  });

  it('holds the images the README shows: the extension page renders them from the package', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/i.test(target));
    for (const image of images) assert.ok(files.includes(image.replace(/^\.\//, '')), `${image} is missing`);
  });

  it('holds no sources, tests, build output other than the bundles, CI integrations or node_modules', () => {
    const unwanted = files.filter(
      (file) =>
        /^(?:node_modules|out|test|client|server|scripts|examples|\.vscode-test)\//.test(file) ||
        /\.(?:ts|map|vsix)$/.test(file) ||
        // The GitHub Action, the pre-commit hooks and the npm package's list are for CI, not the editor.
        /^(?:action\.yml|dist\/action\.js|\.pre-commit-hooks\.yaml|\.npmignore)$/.test(file),
    );
    assert.deepEqual(unwanted, []);
  });

  it('describes itself: categories, keywords and a description for every setting', () => {
    assert.ok(manifest.categories.length > 0 && manifest.keywords.length > 0);
    for (const [key, setting] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.ok(setting.description ?? setting.markdownDescription, `${key} has no description`);
      assert.ok('default' in setting, `${key} has no default`);
    }
  });
});

describe('the language contribution', () => {
  const { languages } = manifest.contributes;

  it('has only file names and patterns, the associations languageOf follows', () => {
    assert.deepEqual(languages.filter((language) => language.extensions), []);
  });

  it('opens as Dockerfiles the files the checker reads as Dockerfiles, and no others', () => {
    for (const name of dockerfileNames) assert.ok(isDockerfileName(name), `the checker reads ${name}`);
    for (const name of notDockerfileNames) assert.ok(!isDockerfileName(name), `the checker leaves ${name} alone`);
    for (const name of [...dockerfileNames, ...notDockerfileNames, 'Dockerfile.windows.YML', 'pod.yaml', 'README.md']) {
      assert.equal(languageOf(name, languages) === 'dockerfile', isDockerfileName(name), `${name} opens as ${languageOf(name, languages) ?? "another extension's language"}`);
    }
  });

  it("watches every Dockerfile for the workspace index, in the cases people write", () => {
    // Watcher globs are case-sensitive on Linux; DOCKERFILE is a case nobody writes.
    for (const name of dockerfileNames.filter((name) => name !== 'DOCKERFILE')) {
      assert.ok(dockerfileWatchPatterns.some((pattern) => minimatch(name, pattern, { dot: true })), name);
    }
  });
});
