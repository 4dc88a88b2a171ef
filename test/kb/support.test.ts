import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { releaseForName, supportStatus, variantFacts, type WindowsRelease } from '../../server/src/kb';

const release = (name: string): WindowsRelease => {
  const r = releaseForName(name);
  assert.ok(r, name);
  return r;
};
const day = (iso: string): Date => new Date(`${iso}T12:00:00Z`);

describe('supportStatus', () => {
  it('ltsc2019 Server Core in late 2026: mainstream ended, extended support to 2029-01-09', () => {
    const s = supportStatus(release('ltsc2019'), 'servercore', day('2026-11-23'));
    assert.equal(s.state, 'mainstream-ended');
    assert.equal(s.mainstreamEnd, '2024-01-09');
    assert.equal(s.extendedEnd, '2029-01-09');
    assert.equal(s.endDate, '2029-01-09');
    assert.ok(s.sources.length > 0);
  });

  it('Nano Server 1809 shares the 2019 dates in the current lifecycle table', () => {
    assert.equal(supportStatus(release('1809'), 'nanoserver', day('2026-11-23')).state, 'mainstream-ended');
  });

  it('Nano Server 2016 (sac2016) ended 2018-10-09 while Server Core ltsc2016 runs to 2027-01-11', () => {
    const nano = supportStatus(release('sac2016'), 'nanoserver', day('2026-11-23'));
    assert.equal(nano.state, 'ended');
    assert.equal(nano.endDate, '2018-10-09');
    assert.equal(nano.extendedEnd, undefined);
    const core = supportStatus(release('ltsc2016'), 'servercore', day('2026-11-23'));
    assert.equal(core.state, 'mainstream-ended');
    assert.equal(core.endDate, '2027-01-11');
    assert.equal(supportStatus(release('ltsc2016'), 'servercore', day('2027-02-01')).state, 'ended');
  });

  it('ltsc2016 without a variant is unknown, because the variants differ', () => {
    assert.equal(supportStatus(release('ltsc2016'), undefined, day('2026-11-23')).state, 'unknown');
  });

  it('20H2 ended 2022-08-09', () => {
    const s = supportStatus(release('20H2'), 'servercore', day('2023-01-01'));
    assert.equal(s.state, 'ended');
    assert.equal(s.endDate, '2022-08-09');
    assert.equal(supportStatus(release('20H2'), undefined, day('2022-08-09')).state, 'supported');
    assert.equal(supportStatus(release('20H2'), undefined, day('2022-08-10')).state, 'ended');
  });

  it('ltsc2022 moves from supported to mainstream-ended after 2026-10-13', () => {
    const before = supportStatus(release('ltsc2022'), 'nanoserver', day('2026-10-13'));
    assert.equal(before.state, 'supported');
    assert.equal(before.endDate, '2026-10-13');
    const after = supportStatus(release('ltsc2022'), 'nanoserver', day('2026-10-14'));
    assert.equal(after.state, 'mainstream-ended');
    assert.equal(after.endDate, '2031-10-14');
  });

  it('ltsc2025 is supported in 2026 for every variant it was published in', () => {
    for (const v of ['servercore', 'nanoserver', 'server'] as const) {
      assert.equal(supportStatus(release('ltsc2025'), v, day('2026-11-23')).state, 'supported', v);
    }
  });

  it('is unknown for images that were never published and releases without images', () => {
    assert.equal(supportStatus(release('ltsc2025'), 'windows', day('2026-11-23')).state, 'unknown');
    assert.equal(supportStatus(release('ltsc2019'), 'server', day('2026-11-23')).state, 'unknown');
    assert.equal(supportStatus(release('23H2'), undefined, day('2026-11-23')).state, 'unknown');
    assert.equal(supportStatus(release('1803'), 'windows', day('2026-11-23')).state, 'unknown');
  });
});

describe('variantFacts', () => {
  it('Server Core runs as ContainerAdministrator and has Windows PowerShell and .NET Framework', () => {
    const f = variantFacts('servercore');
    assert.equal(f.defaultUser, 'ContainerAdministrator');
    assert.equal(f.hasWindowsPowerShell, true);
    assert.equal(f.hasPwsh, false);
    assert.equal(f.hasDotNetFramework, true);
  });

  it('Nano Server runs as ContainerUser without PowerShell or .NET Framework; MSI is unconfirmed', () => {
    const f = variantFacts('nanoserver');
    assert.equal(f.defaultUser, 'ContainerUser');
    assert.equal(f.hasWindowsPowerShell, false);
    assert.equal(f.hasPwsh, false);
    assert.equal(f.hasDotNetFramework, false);
    assert.equal(f.hasMsiInstaller, undefined);
    assert.equal(f.lacks.find((l) => l.what.startsWith('MSI'))?.unconfirmed, true);
    assert.ok(f.lacks.some((l) => l.what.startsWith('IIS')));
  });

  it('leaves the unconfirmed default user of the larger images undefined', () => {
    assert.equal(variantFacts('server').defaultUser, undefined);
    assert.equal(variantFacts('windows').defaultUser, undefined);
  });
});
