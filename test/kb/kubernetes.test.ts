import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dns1123Subdomain,
  documentedWindowsTaint,
  fieldsForbiddenOnLinux,
  fieldsForbiddenOnWindows,
  linuxExecutable,
  linuxHostPath,
  linuxHostPaths,
  volumeFeaturesUnsupportedOnWindows,
} from '../../server/src/kb';
import { runAsUserNameProblem } from '../../server/src/rules/kubernetes/run-as-user-name';

const isUrl = (s: string): boolean => /^https:\/\/\S+$/.test(s);

describe('kb: Kubernetes on Windows', () => {
  it('lists the 25 field paths validateWindows forbids, each once, with sources', () => {
    assert.equal(fieldsForbiddenOnWindows.length, 25);
    const keys = fieldsForbiddenOnWindows.map((f) => `${f.level}:${f.path.join('.')}`);
    assert.equal(new Set(keys).size, 25);
    assert.equal(fieldsForbiddenOnWindows.filter((f) => f.level === 'pod').length, 15);
    assert.deepEqual(fieldsForbiddenOnWindows.filter((f) => f.condition === 'true').map((f) => f.path.join('.')), ['hostPID', 'hostIPC']);
    assert.deepEqual(
      fieldsForbiddenOnWindows.filter((f) => f.condition === 'non-empty').map((f) => f.path.join('.')),
      ['securityContext.sysctls', 'securityContext.supplementalGroups'],
    );
    assert.deepEqual(
      fieldsForbiddenOnWindows.filter((f) => f.requiredByRestricted).map((f) => `${f.level}:${f.path.join('.')}`),
      ['pod:securityContext.seccompProfile', 'container:securityContext.seccompProfile', 'container:securityContext.capabilities', 'container:securityContext.allowPrivilegeEscalation'],
    );
    for (const field of [...fieldsForbiddenOnWindows, ...fieldsForbiddenOnLinux]) assert.ok(field.sources.length > 0 && field.sources.every(isUrl), field.path.join('.'));
  });

  it('maps Linux sockets to Windows named pipes and leaves plain Unix paths alone', () => {
    assert.equal(linuxHostPath('/var/run/docker.sock')?.windowsPath, '\\\\.\\pipe\\docker_engine');
    assert.equal(linuxHostPath('/run/containerd/containerd.sock')?.windowsPath, '\\\\.\\pipe\\containerd-containerd');
    assert.equal(linuxHostPath('/proc/')?.kind, 'system');
    assert.equal(linuxHostPath('/sys/fs/cgroup')?.kind, 'system');
    for (const fine of ['/var/log', '/var/lib/kubelet', '/data', '/etc/kubernetes', '/development', '/var/run/secrets/kubernetes.io/serviceaccount']) {
      assert.equal(linuxHostPath(fine), undefined, fine);
    }
    for (const entry of linuxHostPaths) assert.ok(entry.sources.every(isUrl), entry.path);
  });

  it('knows Linux programs', () => {
    assert.equal(linuxExecutable('/bin/sh'), 'linux-directory');
    assert.equal(linuxExecutable('/usr/local/bin/app'), 'linux-directory');
    assert.equal(linuxExecutable('bash'), 'shell');
    assert.equal(linuxExecutable('cmd'), undefined);
    assert.equal(linuxExecutable('C:\\app\\app.exe'), undefined);
    assert.equal(linuxExecutable('/app/server'), undefined);
  });

  it('volume features and the documented taint carry sources', () => {
    for (const feature of volumeFeaturesUnsupportedOnWindows) assert.ok(feature.sources.every(isUrl), feature.id);
    assert.deepEqual({ key: documentedWindowsTaint.key, value: documentedWindowsTaint.value, effect: documentedWindowsTaint.effect }, { key: 'os', value: 'windows', effect: 'NoSchedule' });
  });

  it('validates runAsUserName as validation.go does', () => {
    for (const valid of ['ContainerUser', 'NT AUTHORITY\\NETWORK SERVICE', 'contoso.com\\web', 'CONTOSO\\web', 'u'.repeat(104)]) assert.equal(runAsUserNameProblem(valid), undefined, valid);
    assert.match(runAsUserNameProblem('u'.repeat(105))!, /104/);
    assert.match(runAsUserNameProblem('a\\b\\c')!, /more than one backslash/);
    assert.match(runAsUserNameProblem('.corp\\web')!, /NetBIOS/);
    assert.match(runAsUserNameProblem('corp\\')!, /user cannot be empty/);
    assert.match(runAsUserNameProblem('web\tuser')!, /control characters/);
    assert.match(runAsUserNameProblem('a;b')!, /cannot contain ";"/);
  });

  it('DNS-1123 subdomains', () => {
    assert.ok(dns1123Subdomain.pattern.test('gmsa-webapp1.contoso'));
    assert.ok(!dns1123Subdomain.pattern.test('gmsa-WebApp1'));
    assert.ok(!dns1123Subdomain.pattern.test('-gmsa'));
  });
});
