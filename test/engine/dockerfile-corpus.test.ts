// The Dockerfile rules over the shared real-world corpus (kept outside the repository): Linux
// Dockerfiles get nothing, Windows Dockerfiles never crash, and a few findings judged by hand stay.
// Skipped when the corpus is not there (set WINCONTAINERS_CORPUS to another folder than ../shared/corpus).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../server/src/engine/config';
import { analyze } from '../../server/src/engine/runner';
import { dockerfileRules } from '../../server/src/rules/dockerfile';
import { testToday } from '../helpers/rule-tester';
import { corpusRoot, withoutCorpus } from '../helpers/shared';

const corpus = process.env.WINCONTAINERS_CORPUS ?? corpusRoot;
const index = join(corpus, 'real-world.tsv');
const skip = existsSync(index) ? false : process.env.WINCONTAINERS_CORPUS ? `no corpus at ${corpus}` : withoutCorpus;

function files(category: string): string[] {
  if (skip) return [];
  return readFileSync(index, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((columns) => columns[3] === category)
    .map((columns) => columns[0]!);
}

function check(path: string): string[] {
  const text = readFileSync(join(corpus, 'real-world', path), 'utf8');
  const { findings } = analyze({ uri: `file:///corpus/${path}` , text }, { config: resolveConfig([]), today: testToday, rules: dockerfileRules });
  return findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`);
}

describe('Dockerfile rules on the real-world corpus', { skip }, () => {
  it('report nothing on Linux Dockerfiles', () => {
    const reported = files('LD').flatMap((path) => check(path).map((finding) => `${path} ${finding}`));
    assert.deepEqual(reported, []);
  });

  it('check every Windows Dockerfile without an exception', () => {
    const windows = files('WD');
    assert.ok(windows.length > 100);
    for (const path of windows) assert.doesNotThrow(() => check(path), path);
  });

  it('keep the findings judged by hand', () => {
    const expectations: Array<[string, string]> = [
      ['microsoft+iis-docker/windowsservercore-1803/Dockerfile', '2:43 dockerfile/windows-end-of-support'],
      ['MicrosoftDocs+Virtualization-Documentation/windows-container-samples/ruby/Dockerfile', '16:6 dockerfile/windows-escape-character'],
      ['MicrosoftDocs+Virtualization-Documentation/windows-container-samples/apache-http/Dockerfile', '4:6 dockerfile/deprecated-image'],
      ['microsoft+windows-container-tools/examples/aks/iis-logmonitor/Dockerfile', '14:24 dockerfile/use-derived-image'],
    ];
    for (const [path, finding] of expectations) assert.ok(check(path).includes(finding), `${path}: ${finding} in ${check(path).join(', ')}`);
  });
});
