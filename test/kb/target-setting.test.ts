import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRelease, parseWindowsVersion, supportedLtscReleases, targetVersionChoices, targetVersionPattern } from '../../server/src/kb';
import { staleTargetSettingParts } from '../helpers/target-setting';

describe('the target Windows version: one list in kb', () => {
  it('package.json has the pattern and texts kb makes of the release data (run `npm run docs`)', () => {
    assert.deepEqual(staleTargetSettingParts(), []);
  });

  it('the pattern accepts what the config accepts, and rejects what it rejects', () => {
    const pattern = new RegExp(targetVersionPattern());
    const values = ['', 'ltsc2019', 'LTSC2022', 'Ltsc2025', '2019', '2022', '1809', '20h2', '2009', 'sac2016', '23H2', 'win11-24h2', '17763', '10.0.20348', '10.0.20348.2700'];
    const rejected = ['ltsc2020', '2020', '12345', '17763.5', '10.0.2034', 'server2022', ' ltsc2022', 'windows'];
    for (const value of values) assert.ok(pattern.test(value) && (value === '' || parseWindowsVersion(value) !== undefined), value);
    for (const value of rejected) assert.ok(!pattern.test(value) && (value.trim() !== value || parseWindowsVersion(value) === undefined), value);
  });

  it('lists the LTSC releases whose support does not end within the notice window', () => {
    const ids = (day: string): string[] => supportedLtscReleases(new Date(`${day}T12:00:00Z`)).map((release) => release.id);
    assert.deepEqual(ids('2026-06-30'), ['ltsc2016', 'ltsc2019', 'ltsc2022', 'ltsc2025']);
    // Server 2016's extended support ends 2027-01-12: from mid-July 2026 it is no release to target.
    assert.deepEqual(ids('2026-12-04'), ['ltsc2019', 'ltsc2022', 'ltsc2025']);
    assert.deepEqual(ids('2024-10-31'), ['ltsc2016', 'ltsc2019', 'ltsc2022']);
    assert.equal(targetVersionChoices(), 'ltsc2019, ltsc2022, ltsc2025 or a build such as 10.0.26100');
  });
});

describe('describeRelease', () => {
  it('names a build with one pair of parentheses', () => {
    assert.equal(describeRelease(17763), 'Windows Server 2019 (version 1809, build 10.0.17763)');
    assert.equal(describeRelease(20348), 'Windows Server 2022 (build 10.0.20348)');
    assert.equal(describeRelease(19041), 'Windows Server, version 2004 (build 10.0.19041)');
    assert.equal(describeRelease(18334), 'Windows build 10.0.18334');
  });
});
