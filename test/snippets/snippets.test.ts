// The snippets a user inserts must pass our own checks: every snippet is expanded with every
// combination of its choices (what the user gets after picking and tabbing through), parsed, and
// checked with all rules, with and without the snippet's Windows version as the target. The
// server's version-filled templates must equal the snippets expanded with that version.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { validate, ValidationSeverity } from 'dockerfile-utils';
import { parseAllDocuments } from 'yaml';
import { resolveConfig, type ResolvedConfig } from '../../server/src/engine/config';
import { analyze } from '../../server/src/engine/runner';
import { parseWindowsVersion, releaseForBuild } from '../../server/src/kb';
import { allRules } from '../../server/src/rules';
import { snippetFiles, templateCompletions, templatesFrom, type SnippetEntry, type TemplateLanguage } from '../../server/src/templates';
import { choicesOf, expandSnippet, parseSnippet, snippetBodyText, type SnippetNode } from '../../server/src/templates/snippet-syntax';
import { testToday } from '../helpers/rule-tester';

const repoRoot = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { snippets: Array<{ language: string; path: string }> } };
const vscodeLanguage: Record<TemplateLanguage, string> = { dockerfile: 'dockerfile', kubernetes: 'yaml' };
const fileName: Record<TemplateLanguage, string> = { dockerfile: 'Dockerfile', kubernetes: 'manifest.yaml' };

function readSnippets(language: TemplateLanguage): Record<string, SnippetEntry> {
  return JSON.parse(readFileSync(join(repoRoot, 'snippets', snippetFiles[language]), 'utf8')) as Record<string, SnippetEntry>;
}

/** Every combination of the snippet's choices, as tabstop -> picked option. */
function choiceCombinations(nodes: readonly SnippetNode[]): Array<Map<number, string>> {
  let combinations: Array<Map<number, string>> = [new Map()];
  for (const [index, options] of choicesOf(nodes)) {
    combinations = combinations.flatMap((picked) => options.map((option) => new Map([...picked, [index, option]])));
  }
  return combinations;
}

function describeChoices(picked: ReadonlyMap<number, string>): string {
  return picked.size === 0 ? 'defaults' : [...picked].map(([index, option]) => `$${index}=${option}`).join(' ');
}

/** The Windows version a combination picks (the first choice whose options are all Windows versions). */
function pickedBuild(nodes: readonly SnippetNode[], picked: ReadonlyMap<number, string>): number | undefined {
  for (const [index, options] of choicesOf(nodes)) {
    if (options.every((option) => parseWindowsVersion(option) !== undefined)) return parseWindowsVersion(picked.get(index) ?? options[0]!);
  }
  return undefined;
}

function configFor(build: number | undefined): ResolvedConfig {
  return resolveConfig(build === undefined ? [] : [{ config: { targetWindowsVersion: `10.0.${build}` }, origin: 'test' }]);
}

function findings(language: TemplateLanguage, text: string, build: number | undefined): string[] {
  const uri = `file:///workspace/${fileName[language]}`;
  return analyze({ uri, text }, { rules: allRules, config: configFor(build), today: testToday }).findings.map(
    (f) => `${f.ruleId} at ${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.message}`,
  );
}

function assertDockerfileParses(text: string): void {
  const problems = validate(text).filter((d) => d.severity === ValidationSeverity.ERROR);
  assert.deepEqual(problems.map((d) => `${d.range.start.line + 1}: ${d.message}`), [], `Dockerfile problems in:\n${text}`);
}

function assertManifestParses(text: string, build: number | undefined): void {
  const documents = parseAllDocuments(text);
  assert.ok(Array.isArray(documents) && documents.length > 0, 'no YAML documents');
  for (const document of documents) {
    assert.deepEqual(document.errors.map((e) => e.message), [], `YAML errors in:\n${text}`);
    const object = document.toJS() as { apiVersion?: string; kind?: string };
    assert.ok(object.apiVersion && object.kind, `a document without apiVersion/kind:\n${document.toString()}`);
  }
  // The node selector and the image must name the same Windows build.
  const labels = [...text.matchAll(/node\.kubernetes\.io\/windows-build: "([^"]*)"/g)].map((m) => m[1]);
  const tags = [...text.matchAll(/image: \S+:(?:windowsservercore-)?(ltsc\d{4}|1809)\s/g)].map((m) => parseWindowsVersion(m[1]!));
  if (build !== undefined) {
    for (const label of labels) assert.equal(label, releaseForBuild(build)!.windowsBuildLabel, `windows-build label for ${build}`);
    for (const tag of tags) assert.equal(tag, build, 'image tag build');
  }
}

describe('snippet syntax', () => {
  it('expands tabstops, placeholders, mirrors and choices the way VS Code does', () => {
    const nodes = parseSnippet('a ${1:x} $1 ${2|p,q|} ${2} $0');
    assert.equal(expandSnippet(nodes), 'a x x p p ');
    assert.equal(expandSnippet(nodes, { choices: new Map([[2, 'q']]) }), 'a x x q q ');
  });

  it('keeps a backslash that escapes nothing and unescapes $, } and \\', () => {
    assert.equal(expandSnippet(parseSnippet('C:\\app \\$x \\} \\\\ ${1:a\\}b}')), 'C:\\app $x } \\ a}b');
  });

  it('applies transforms with conditional formats to the picked choice', () => {
    const nodes = parseSnippet('${1|ltsc2019,ltsc2022|} ${1/(ltsc2019)|(ltsc2022)/${1:+17763}${2:+20348}/} ${1/ltsc//} ${1/(x)?/${1:?yes:no}/}');
    assert.equal(expandSnippet(nodes), 'ltsc2019 17763 2019 noltsc2019');
    assert.equal(expandSnippet(nodes, { choices: new Map([[1, 'ltsc2022']]) }), 'ltsc2022 20348 2022 noltsc2022');
  });

  it('rejects unknown variables: an unescaped $ in PowerShell would become one', () => {
    assert.throws(() => expandSnippet(parseSnippet('$ErrorActionPreference = 1')), /unknown variable/);
    assert.equal(expandSnippet(parseSnippet('${TM_FILENAME:Dockerfile}')), 'Dockerfile');
  });
});

describe('snippet files', () => {
  for (const language of ['dockerfile', 'kubernetes'] as const) {
    const entries = readSnippets(language);

    it(`${snippetFiles[language]} is contributed for ${vscodeLanguage[language]}`, () => {
      assert.ok(
        manifest.contributes.snippets.some((s) => s.language === vscodeLanguage[language] && s.path.replace(/^\.\//, '') === `snippets/${snippetFiles[language]}`),
        JSON.stringify(manifest.contributes.snippets),
      );
    });

    it(`${snippetFiles[language]} has unique prefixes starting with win-, each with a description`, () => {
      const prefixes = Object.values(entries).map((entry) => entry.prefix);
      assert.equal(new Set(prefixes).size, prefixes.length);
      for (const [name, entry] of Object.entries(entries)) {
        assert.match(String(entry.prefix), /^win-[a-z0-9-]+$/, name);
        assert.ok(entry.description && entry.description.length > 20, `${name} needs a description`);
      }
    });

    const headerNodes = parseSnippet(snippetBodyText(readSnippets('dockerfile')['Windows Server Core Dockerfile']!.body));
    for (const [name, entry] of Object.entries(entries)) {
      const nodes = parseSnippet(snippetBodyText(entry.body));
      // Instruction snippets go into a Windows Server Core Dockerfile such as win-servercore's, of every version.
      const fragment = language === 'dockerfile' && !entry.isFileTemplate;
      for (const base of fragment ? choiceCombinations(headerNodes) : [new Map<number, string>()]) {
        for (const picked of choiceCombinations(nodes)) {
          const title = fragment ? `${describeChoices(picked)} in win-servercore ${describeChoices(base)}` : describeChoices(picked);
          it(`${entry.prefix} (${title}) parses and passes every rule`, () => {
            const text = (fragment ? expandSnippet(headerNodes, { choices: base }) : '') + expandSnippet(nodes, { choices: picked });
            const build = fragment ? pickedBuild(headerNodes, base) : pickedBuild(nodes, picked);
            if (language === 'dockerfile') assertDockerfileParses(text);
            else assertManifestParses(text, build);
            assert.deepEqual(findings(language, text, undefined), [], `${name} without a target:\n${text}`);
            if (build !== undefined) assert.deepEqual(findings(language, text, build), [], `${name} targeting 10.0.${build}:\n${text}`);
          });
        }
      }
    }
  }
});

describe('version-filled templates in completion', () => {
  const templates = (['dockerfile', 'kubernetes'] as const).flatMap((language) => templatesFrom(language, readSnippets(language)));
  const start = { line: 0, character: 0 };

  for (const template of templates.filter((t) => t.versionTabstop)) {
    for (const [option, build] of template.versionTabstop!.builds) {
      it(`${template.prefix} for ${option} equals the snippet with ${option} picked`, () => {
        const items = templateCompletions({ language: template.language, text: '', position: start, config: configFor(build), templates: [template] });
        assert.equal(items.length, 1);
        const item = items[0]!;
        assert.equal(item.label, template.prefix);
        const inserted = item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : '';
        assert.deepEqual(choicesOf(parseSnippet(inserted)).get(template.versionTabstop!.index), undefined, 'the version is no longer a choice');
        assert.equal(expandSnippet(parseSnippet(inserted)), expandSnippet(template.nodes, { choices: new Map([[template.versionTabstop!.index, option]]) }));
      });
    }
  }

  const deployment = templates.filter((t) => t.prefix === 'win-deployment');
  const ltsc2025 = configFor(26100);
  const complete = (language: TemplateLanguage, text: string, position: { line: number; character: number }, config = ltsc2025, holdsObjects = false): string[] =>
    templateCompletions({ language, text, position, config, templates }, holdsObjects).map((item) => String(item.label));

  it('offers nothing without a target: VS Code already offers the snippets with a version choice', () => {
    assert.deepEqual(templateCompletions({ language: 'kubernetes', text: '', position: start, config: configFor(undefined), templates: deployment }), []);
  });

  it('offers a template only for a version the template has', () => {
    const ltsc2019 = complete('dockerfile', '', start, configFor(17763));
    assert.ok(ltsc2019.includes('win-servercore'));
    assert.ok(!ltsc2019.includes('win-aspnet'), '.NET Framework 4.8.1 images do not exist for ltsc2019');
    assert.deepEqual(complete('dockerfile', '', start, configFor(25398)), [], 'no template pairs a 23H2 node label with an image tag');
  });

  it('offers Dockerfile templates while the prefix is typed into an empty file, not into a file with content', () => {
    assert.ok(complete('dockerfile', 'win-s', { line: 0, character: 5 }).includes('win-servercore'));
    assert.deepEqual(complete('dockerfile', 'FROM mcr.microsoft.com/windows/servercore:ltsc2025\n', { line: 1, character: 0 }), []);
    assert.deepEqual(complete('dockerfile', 'RUN win', { line: 0, character: 7 }), []);
  });

  it('offers Kubernetes templates in an empty document of a manifest, not inside an object or in other YAML', () => {
    const manifestText = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n';
    assert.ok(complete('kubernetes', manifestText, { line: 5, character: 0 }, ltsc2025, true).includes('win-deployment'));
    assert.deepEqual(complete('kubernetes', manifestText, { line: 4, character: 0 }, ltsc2025, true), []);
    assert.deepEqual(complete('kubernetes', 'services:\n  web:\n    image: nginx\n\n', { line: 3, character: 0 }), []);
    assert.deepEqual(complete('kubernetes', 'metadata:\n  ', { line: 1, character: 2 }, ltsc2025, true), []);
  });

  it('fills in the target in the windows-build label and the image tag', () => {
    const items = templateCompletions({ language: 'kubernetes', text: '', position: start, config: ltsc2025, templates: deployment });
    const text = expandSnippet(parseSnippet(items[0]!.textEdit && 'newText' in items[0]!.textEdit ? items[0]!.textEdit.newText : ''));
    assert.match(text, /node\.kubernetes\.io\/windows-build: "10\.0\.26100"/);
    assert.match(text, /image: mcr\.microsoft\.com\/windows\/servercore\/iis:windowsservercore-ltsc2025\n/);
  });
});
