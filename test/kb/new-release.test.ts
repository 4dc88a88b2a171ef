// A new Windows release is a change to the kb data only. This test adds a made-up one to the data
// in memory, before any module that reads the data is loaded, and asks each place that names
// releases or answers for them; a place that keeps its own list fails here under its own name.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { baseImageLifecycles, kubernetesWindowsNodes, stableAbi, windowsReleases } from '../../server/src/kb/releases';
import type { BaseImageLifecycle, WindowsRelease } from '../../server/src/kb/types';

const release: WindowsRelease = {
  id: 'ltsc2026',
  name: 'Windows Server 2026',
  build: 28000,
  channel: 'LTSC',
  tagNames: ['ltsc2026'],
  windowsBuildLabel: '10.0.28000',
  availability: '2026-06-01',
  mainstreamEnd: '2031-06-10',
  extendedEnd: '2036-06-10',
  sources: [],
};
(windowsReleases as WindowsRelease[]).push(release);
(baseImageLifecycles as BaseImageLifecycle[]).push({
  release: release.id,
  variants: ['servercore', 'nanoserver', 'server'],
  availability: release.availability!,
  mainstreamEnd: release.mainstreamEnd!,
  extendedEnd: release.extendedEnd!,
  sources: [],
});
(stableAbi.ltscBuilds as number[]).push(release.build);
(kubernetesWindowsNodes.supportedReleases as string[]).push(release.id);

const now = new Date('2026-12-04T12:00:00Z');
const afterItsEnd = new Date('2036-07-01T12:00:00Z');

type Modules = {
  kb: typeof import('../../server/src/kb');
  config: typeof import('../../server/src/engine/config');
  runner: typeof import('../../server/src/engine/runner');
  rules: typeof import('../../server/src/rules');
  cli: typeof import('../../server/src/cli');
  setting: typeof import('../helpers/target-setting');
  workspace: typeof import('../../server/src/workspace/build');
};
let m: Modules;

// Loaded only now, after the data changed: required, as the modules build their tables when loaded.
/* eslint-disable @typescript-eslint/no-require-imports -- an import would load them before the release is added */
before(() => {
  const kb = require('../../server/src/kb') as Modules['kb'];
  // The publisher's tags for the new release: data in images.ts, like the release itself.
  for (const family of kb.imageFamilies.filter((f) => f.id === 'windows/servercore')) {
    (family.retag!.releaseTags.servercore as Record<number, string>)[release.build] = 'ltsc2026';
  }
  m = {
    kb,
    config: require('../../server/src/engine/config') as Modules['config'],
    runner: require('../../server/src/engine/runner') as Modules['runner'],
    rules: require('../../server/src/rules') as Modules['rules'],
    cli: require('../../server/src/cli') as Modules['cli'],
    setting: require('../helpers/target-setting') as Modules['setting'],
    workspace: require('../../server/src/workspace/build') as Modules['workspace'],
  };
});
/* eslint-enable @typescript-eslint/no-require-imports */

function findings(uri: string, text: string, today: Date, targetWindowsVersion?: string): Array<{ ruleId: string; message: string; fixes: string[] }> {
  const config = m.config.resolveConfig([{ config: targetWindowsVersion ? { targetWindowsVersion } : {}, origin: 'test' }]);
  return m.runner.analyze({ uri, text }, { rules: m.rules.allRules, config, today }).findings.map((f) => ({
    ruleId: f.ruleId,
    message: f.message,
    fixes: [f.fix, ...f.suggestions].flatMap((fix) => (fix ? [fix.title] : [])),
  }));
}

const dockerfile = (from: string): string => `FROM ${from}\nRUN echo hi\n`;
const pod = (build: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  nodeSelector: {kubernetes.io/os: windows, node.kubernetes.io/windows-build: '${build}'}\n  containers: [{name: web, image: mcr.microsoft.com/windows/servercore:ltsc2026}]\n`;

describe('a new Windows release added to the kb data only', () => {
  it('config validation: the file accepts it by tag name and year, and its problem message lists it', () => {
    for (const value of ['ltsc2026', '2026', 'LTSC2026', '28000']) {
      const parsed = m.config.parseConfigFile(`targetWindowsVersion: ${value}\n`, new Set());
      assert.equal(parsed.problem, undefined, value);
      assert.equal(m.config.resolveConfig([{ config: parsed.config, origin: 'test' }]).target?.build, release.build, value);
    }
    assert.match(m.config.parseConfigFile('targetWindowsVersion: ltsc2027\n', new Set()).problem!.message, /ltsc2022, ltsc2025, ltsc2026 or a build such as 10\.0\.28000/);
  });

  it('CLI usage: --help and the --target problem list it', () => {
    assert.match(m.cli.main(['--help'], process.cwd()).stdout, /--target <version> +target Windows version: ltsc2019, ltsc2022, ltsc2025, ltsc2026 or a build such as 10\.0\.28000/);
    assert.match(m.cli.main(['check', '--target', 'ltsc2027', '.'], process.cwd()).stderr, /--target must be ltsc2019, ltsc2022, ltsc2025, ltsc2026 or/);
  });

  it("the editor's target picker offers it first", () => {
    assert.deepEqual(m.workspace.targetChoices(now)[0], { label: 'ltsc2026', description: 'Windows Server 2026 (build 10.0.28000)' });
  });

  it('the package.json pattern check: the pattern accepts it, and the file on disk is named stale', () => {
    const pattern = new RegExp(m.kb.targetVersionPattern());
    for (const value of ['ltsc2026', 'LTSC2026', '2026', '28000', '10.0.28000.1']) assert.ok(pattern.test(value), value);
    const stale = m.setting.staleTargetSettingParts();
    assert.deepEqual(stale.map((part) => part.split(' ')[0]), ['markdownDescription', 'pattern', 'patternErrorMessage']);
    assert.match(stale[2]!, /ltsc2026 or a build such as 10\.0\.28000/);
  });

  it('describeRelease names it', () => {
    assert.equal(m.kb.describeRelease(release.build), 'Windows Server 2026 (build 10.0.28000)');
    assert.equal(m.kb.describeImage(m.kb.parseImageReference('mcr.microsoft.com/windows/servercore:ltsc2026')!).build, release.build);
  });

  it('the support rules: supported now, ended after its extended end, on images and on nodes', () => {
    const image = 'mcr.microsoft.com/windows/servercore:ltsc2026';
    const fromImage = (today: Date): string[] => ofRuleMessages('dockerfile/windows-end-of-support', findings('file:///w/Dockerfile', dockerfile(image), today)).messages;
    const onNodes = (today: Date): string[] => ofRuleMessages('kubernetes/windows-end-of-support', findings('file:///w/pod.yaml', pod('10.0.28000'), today)).messages;
    assert.deepEqual(fromImage(now), []);
    assert.match(fromImage(afterItsEnd)[0] ?? '', /Windows Server 2026 images \(Server Core\) went out of support on 2036-06-10/);
    assert.deepEqual(onNodes(now), []);
    assert.match(onNodes(afterItsEnd).join('\n'), /pins nodes of Windows Server 2026 \(build 10\.0\.28000\), which went out of support on 2036-06-10/);
  });

  it('the tag and version rules: suggested for an untagged base image, and as the retag for its hosts', () => {
    const untagged = ofRuleMessages('dockerfile/windows-base-image-tag', findings('file:///w/Dockerfile', dockerfile('mcr.microsoft.com/windows/servercore'), now));
    assert.match(untagged.messages[0] ?? '', /e\.g\. ltsc2026\./);
    assert.ok(untagged.fixes.includes('Use tag ltsc2026'), untagged.fixes.join(', '));
    const mismatch = ofRuleMessages('dockerfile/windows-version-mismatch', findings('file:///w/Dockerfile', dockerfile('mcr.microsoft.com/windows/servercore:ltsc2019'), now, 'ltsc2026'));
    assert.match(mismatch.messages[0] ?? '', /The target host runs Windows Server 2026 \(build 10\.0\.28000\)/);
    assert.deepEqual(mismatch.fixes, ['Use tag ltsc2026']);
  });
});

function ofRuleMessages(id: string, list: ReturnType<typeof findings>): { messages: string[]; fixes: string[] } {
  const own = list.filter((f) => f.ruleId === id);
  return { messages: own.map((f) => f.message), fixes: own.flatMap((f) => f.fixes) };
}
