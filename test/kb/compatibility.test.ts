import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canRunHyperV,
  canRunProcessIsolated,
  parseWindowsVersion,
  preferredImageBuildForHost,
  releaseForBuild,
  releaseForName,
} from '../../server/src/kb';

const WS2016 = 14393;
const WS2019 = 17763;
const V20H2 = 19042;
const WS2022 = 20348;
const WIN11_22H2 = 22621;
const V23H2 = 25398;
const WS2025 = 26100;

describe('canRunProcessIsolated (containerd checkWindowsHostAndContainerCompat)', () => {
  const table: [host: number, image: number, expected: boolean][] = [
    // WS2025 host: [20348, 26100]
    [WS2025, WS2025, true],
    [WS2025, WS2022, true],
    [WS2025, V23H2, true],
    [WS2025, WS2019, false],
    [WS2025, WS2016, false],
    [WS2025, 26200, false],
    // 23H2 host: [20348, 25398]
    [V23H2, WS2022, true],
    [V23H2, V23H2, true],
    [V23H2, WS2025, false],
    [V23H2, WS2019, false],
    // Windows 11 22H2: [20348, 22621]
    [WIN11_22H2, WS2022, true],
    [WIN11_22H2, WIN11_22H2, true],
    [WIN11_22H2, WS2025, false],
    // WS2022 host: only 20348
    [WS2022, WS2022, true],
    [WS2022, WS2019, false],
    [WS2022, WS2025, false],
    // Below 20348: exact build
    [WS2019, WS2019, true],
    [WS2019, WS2016, false],
    [WS2019, WS2022, false],
    [V20H2, V20H2, true],
    [V20H2, 19041, false],
    [WS2016, WS2016, true],
    [WS2016, WS2019, false],
  ];
  for (const [host, image, expected] of table) {
    it(`host ${host} ${expected ? 'runs' : 'does not run'} image ${image}`, () => {
      assert.equal(canRunProcessIsolated(host, image), expected);
    });
  }

  it('a future host after ltsc2025 runs from ltsc2025 up to itself', () => {
    assert.equal(canRunProcessIsolated(27000, WS2025), true);
    assert.equal(canRunProcessIsolated(27000, WS2022), false);
  });
});

describe('canRunHyperV', () => {
  it('runs images of the same or an older build', () => {
    assert.equal(canRunHyperV(WS2025, WS2016), true);
    assert.equal(canRunHyperV(WS2022, WS2022), true);
    assert.equal(canRunHyperV(WS2019, WS2022), false);
    assert.equal(canRunHyperV(WS2016, WS2019), false);
  });
});

describe('preferredImageBuildForHost', () => {
  it('picks the newest published build the host runs process-isolated', () => {
    assert.equal(preferredImageBuildForHost(WS2025), WS2025);
    assert.equal(preferredImageBuildForHost(V23H2), WS2022);
    assert.equal(preferredImageBuildForHost(WIN11_22H2), WS2022);
    assert.equal(preferredImageBuildForHost(WS2022), WS2022);
    assert.equal(preferredImageBuildForHost(WS2019), WS2019);
    assert.equal(preferredImageBuildForHost(15063), undefined);
  });
});

describe('parseWindowsVersion', () => {
  const cases: [string, number | undefined][] = [
    ['ltsc2019', WS2019],
    ['LTSC2022', WS2022],
    ['ltsc2025', WS2025],
    ['ltsc2016', WS2016],
    ['2019', WS2019],
    ['2022', WS2022],
    ['2025', WS2025],
    ['1809', WS2019],
    ['20H2', V20H2],
    ['20h2', V20H2],
    ['2004', 19041],
    ['10.0.20348', WS2022],
    ['10.0.20348.2700', WS2022],
    ['10.0.22621', WIN11_22H2],
    ['10.0.26200', 26200],
    ['20348', WS2022],
    [' 17763 ', WS2019],
    ['12345', undefined],
    ['', undefined],
    ['windows', undefined],
    ['ltsc2030', undefined],
    ['10.0', undefined],
    ['11.0.20348', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} -> ${expected}`, () => assert.equal(parseWindowsVersion(text), expected));
  }
});

describe('releaseForBuild / releaseForName', () => {
  it('finds releases by build and by tag name', () => {
    assert.equal(releaseForBuild(WS2022)?.id, 'ltsc2022');
    assert.equal(releaseForBuild(WS2025)?.id, 'ltsc2025');
    assert.equal(releaseForBuild(V23H2)?.windowsBuildLabel, '10.0.25398');
    assert.equal(releaseForBuild(19035), undefined);
    assert.equal(releaseForName('1809')?.id, 'ltsc2019');
    assert.equal(releaseForName('sac2016')?.build, WS2016);
    assert.equal(releaseForName('23H2')?.build, V23H2);
    assert.equal(releaseForName('nope'), undefined);
  });
});
