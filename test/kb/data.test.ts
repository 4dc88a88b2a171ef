import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  baseImageLifecycles,
  describeImage,
  imageFamilies,
  linuxOnlyImages,
  parseImageReference,
  releaseForName,
  stableAbi,
  tagWords,
  variantFactsTable,
  windowsReleases,
} from '../../server/src/kb';

const isUrl = (s: string): boolean => /^https:\/\/[^\s]+$/.test(s);
const assertSources = (sources: readonly string[], where: string): void => {
  assert.ok(sources.length > 0, `${where}: no sources`);
  for (const s of sources) assert.ok(isUrl(s), `${where}: not an https URL: ${s}`);
};
const assertIsoDate = (value: string | undefined, where: string): void => {
  if (value === undefined) return;
  assert.match(value, /^\d{4}-\d{2}-\d{2}$/, where);
  const d = new Date(`${value}T00:00:00Z`);
  assert.ok(!Number.isNaN(d.getTime()), where);
  assert.equal(d.toISOString().slice(0, 10), value, `${where}: ${value} is not a real date`);
};

describe('kb data: releases', () => {
  it('every release has sources, an integer build and a matching kubelet label', () => {
    for (const r of windowsReleases) {
      assertSources(r.sources, r.id);
      assert.ok(Number.isInteger(r.build) && r.build > 10000, r.id);
      assert.equal(r.windowsBuildLabel, `10.0.${r.build}`, r.id);
      for (const d of [r.availability, r.mainstreamEnd, r.extendedEnd]) assertIsoDate(d, r.id);
      if (r.mainstreamEnd && r.extendedEnd) assert.ok(r.mainstreamEnd < r.extendedEnd, r.id);
    }
  });

  it('ids, builds and tag names are unique; releases are ordered by build', () => {
    const ids = windowsReleases.map((r) => r.id.toLowerCase());
    assert.equal(new Set(ids).size, ids.length);
    const builds = windowsReleases.map((r) => r.build);
    assert.equal(new Set(builds).size, builds.length);
    assert.deepEqual([...builds].sort((a, b) => a - b), builds);
    const tags = windowsReleases.flatMap((r) => r.tagNames.map((t) => t.toLowerCase()));
    assert.equal(new Set(tags).size, tags.length);
  });

  it('encodes the documented builds and tag names', () => {
    const byId = Object.fromEntries(windowsReleases.map((r) => [r.id, r]));
    assert.equal(byId.ltsc2016.build, 14393);
    assert.equal(byId.ltsc2019.build, 17763);
    assert.deepEqual(byId.ltsc2019.tagNames, ['ltsc2019', '1809']);
    assert.equal(byId['20H2'].build, 19042);
    assert.equal(byId.ltsc2022.build, 20348);
    assert.equal(byId['23H2'].build, 25398);
    assert.equal(byId['23H2'].channel, 'Annual');
    assert.equal(byId.ltsc2025.build, 26100);
    assert.equal(byId['win11-22h2'].build, 22621);
  });

  it('leaves unconfirmed dates out', () => {
    const byId = Object.fromEntries(windowsReleases.map((r) => [r.id, r]));
    assert.equal(byId['23H2'].mainstreamEnd, undefined);
    assert.equal(byId['23H2'].extendedEnd, undefined);
    for (const r of windowsReleases.filter((x) => x.channel === 'Client')) {
      assert.equal(r.mainstreamEnd, undefined, r.id);
      assert.equal(r.extendedEnd, undefined, r.id);
    }
  });

  it('stable-ABI LTSC builds are known LTSC releases, ascending', () => {
    assertSources(stableAbi.sources, 'stableAbi');
    assert.deepEqual([...stableAbi.ltscBuilds], [20348, 26100]);
    for (const b of stableAbi.ltscBuilds) assert.equal(windowsReleases.find((r) => r.build === b)?.channel, 'LTSC');
  });

  it('every lifecycle row names a known release, has sources and ordered valid dates', () => {
    for (const l of baseImageLifecycles) {
      const where = `${l.release}/${l.variants.join(',')}`;
      assert.ok(releaseForName(l.release), where);
      assertSources(l.sources, where);
      assert.ok(l.variants.length > 0, where);
      for (const d of [l.availability, l.mainstreamEnd, l.extendedEnd]) assertIsoDate(d, where);
      assert.ok(l.availability < l.mainstreamEnd, where);
      if (l.extendedEnd) assert.ok(l.mainstreamEnd < l.extendedEnd, where);
    }
  });

  it('no release/variant pair has two lifecycle rows', () => {
    const keys = baseImageLifecycles.flatMap((l) => l.variants.map((v) => `${l.release}/${v}`));
    assert.equal(new Set(keys).size, keys.length);
  });
});

describe('kb data: image families', () => {
  it('every family, scheme and retag rule has sources', () => {
    for (const f of imageFamilies) {
      assertSources(f.sources, f.id);
      for (const s of [...f.tagSchemes, ...(f.sharedTagSchemes ?? [])]) assertSources(s.sources, `${f.id} ${s.pattern}`);
      if (f.retag) assertSources(f.retag.sources, `${f.id} retag`);
      if (f.deprecated) assertSources(f.deprecated.sources, `${f.id} deprecated`);
    }
  });

  it('family ids are unique and no repository belongs to two families', () => {
    assert.equal(new Set(imageFamilies.map((f) => f.id)).size, imageFamilies.length);
    const keys = imageFamilies.flatMap((f) => f.registries.flatMap((reg) => f.repositories.map((repo) => `${reg}/${repo}`)));
    assert.equal(new Set(keys).size, keys.length);
  });

  it('registries and repositories are lower case, as describeImage compares them', () => {
    for (const f of imageFamilies) {
      for (const x of [...f.registries, ...f.repositories]) assert.equal(x, x.toLowerCase(), f.id);
    }
  });

  it('tag patterns are anchored, case-insensitive regexes with positions', () => {
    for (const f of imageFamilies) {
      for (const s of [...f.tagSchemes, ...(f.sharedTagSchemes ?? [])]) {
        assert.ok(s.pattern instanceof RegExp, f.id);
        assert.ok(s.pattern.source.startsWith('^') && s.pattern.source.endsWith('$'), `${f.id} ${s.pattern}`);
        assert.ok(s.pattern.flags.includes('i'), `${f.id} ${s.pattern}`);
        assert.ok(!s.pattern.flags.includes('g'), `${f.id} ${s.pattern}`);
        for (const id of s.sharedReleases ?? []) assert.ok(releaseForName(id), `${f.id}: unknown release ${id}`);
      }
    }
  });

  it('retag targets are builds of known releases with container tags', () => {
    for (const f of imageFamilies) {
      for (const tags of Object.values(f.retag?.releaseTags ?? {})) {
        for (const [build, tag] of Object.entries(tags ?? {})) {
          const release = windowsReleases.find((r) => r.build === Number(build));
          assert.ok(release, `${f.id}: ${build}`);
          assert.ok(release.tagNames.includes(tag), `${f.id}: ${tag} is not a tag name of ${release.id}`);
        }
      }
    }
  });

  it('every family has examples, and each example describes as documented', () => {
    for (const f of imageFamilies) {
      assert.ok(f.examples.length > 0, f.id);
      for (const ex of f.examples) {
        const text = `${f.registries[0] === 'docker.io' ? '' : f.registries[0] + '/'}${f.repositories[0].replace(/^library\//, '')}:${ex.tag}`;
        const ref = parseImageReference(text);
        assert.ok(ref, text);
        const info = describeImage(ref);
        assert.equal(info.family?.id, f.id, text);
        assert.equal(info.os, ex.os, `${text}: os`);
        assert.equal(info.tagKind, ex.kind, `${text}: tagKind`);
        assert.equal(info.build, ex.build, `${text}: build`);
        if (ex.variant) assert.equal(info.variant, ex.variant, `${text}: variant`);
        assert.equal(info.windowsFamily, true, text);
      }
    }
  });

  it('Linux-only entries have sources and never overlap a Windows family', () => {
    for (const l of linuxOnlyImages) {
      assertSources(l.sources, `${l.registry}/${l.repository}`);
      const overlaps = imageFamilies.some(
        (f) =>
          f.registries.includes(l.registry) &&
          f.repositories.some((r) => (l.repository.endsWith('/') ? r.startsWith(l.repository) : r === l.repository)),
      );
      assert.ok(!overlaps, `${l.registry}/${l.repository}`);
    }
  });

  it('tag words and variant facts have sources', () => {
    assertSources(tagWords.sources, 'tagWords');
    for (const facts of Object.values(variantFactsTable)) {
      assertSources(facts.sources, facts.variant);
      for (const lack of facts.lacks) assertSources(lack.sources, `${facts.variant}: ${lack.what}`);
    }
  });
});
