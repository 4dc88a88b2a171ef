import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageReference } from '../../server/src/kb';

const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('parseImageReference', () => {
  it('parses an MCR reference with a tag', () => {
    assert.deepEqual(parseImageReference('mcr.microsoft.com/windows/servercore:ltsc2022'), {
      raw: 'mcr.microsoft.com/windows/servercore:ltsc2022',
      registry: 'mcr.microsoft.com',
      repository: 'windows/servercore',
      tag: 'ltsc2022',
    });
  });

  it('puts Docker Hub single names under library/', () => {
    assert.deepEqual(parseImageReference('python'), { raw: 'python', registry: 'docker.io', repository: 'library/python' });
    assert.equal(parseImageReference('python:3.12')?.repository, 'library/python');
    assert.equal(parseImageReference('microsoft/windowsservercore')?.repository, 'microsoft/windowsservercore');
    assert.equal(parseImageReference('microsoft/windowsservercore')?.registry, 'docker.io');
  });

  it('normalises docker.io and index.docker.io', () => {
    for (const text of ['docker.io/python:3.12', 'index.docker.io/python:3.12', 'docker.io/library/python:3.12']) {
      const ref = parseImageReference(text);
      assert.equal(ref?.registry, 'docker.io', text);
      assert.equal(ref?.repository, 'library/python', text);
      assert.equal(ref?.tag, '3.12', text);
    }
  });

  it('reads a registry with a port, and localhost', () => {
    const ref = parseImageReference('myregistry.local:5000/team/app:1.0');
    assert.equal(ref?.registry, 'myregistry.local:5000');
    assert.equal(ref?.repository, 'team/app');
    assert.equal(ref?.tag, '1.0');
    const untagged = parseImageReference('localhost:5000/app');
    assert.equal(untagged?.registry, 'localhost:5000');
    assert.equal(untagged?.repository, 'app');
    assert.equal(untagged?.tag, undefined);
    assert.equal(parseImageReference('localhost/app')?.registry, 'localhost');
  });

  it('reads a digest, alone or after a tag', () => {
    const byDigest = parseImageReference(`mcr.microsoft.com/windows/nanoserver@${digest}`);
    assert.equal(byDigest?.digest, digest);
    assert.equal(byDigest?.tag, undefined);
    const both = parseImageReference(`golang:1.25.9@${digest}`);
    assert.equal(both?.tag, '1.25.9');
    assert.equal(both?.digest, digest);
    assert.equal(both?.repository, 'library/golang');
    assert.equal(parseImageReference('golang@sha256:nothex'), undefined);
  });

  it('keeps the text as written and trims surrounding space for parsing', () => {
    const ref = parseImageReference('  mcr.microsoft.com/windows/servercore:ltsc2019  ');
    assert.equal(ref?.raw, '  mcr.microsoft.com/windows/servercore:ltsc2019  ');
    assert.equal(ref?.tag, 'ltsc2019');
  });

  it('accepts upper case (so a rule can report it) and lower-cases only the registry', () => {
    const ref = parseImageReference('MCR.Microsoft.com/Windows/ServerCore:LTSC2022');
    assert.equal(ref?.registry, 'mcr.microsoft.com');
    assert.equal(ref?.repository, 'Windows/ServerCore');
    assert.equal(ref?.tag, 'LTSC2022');
  });

  it('returns undefined for empty text, scratch, variables and templates', () => {
    for (const text of [
      '',
      '   ',
      'scratch',
      'SCRATCH',
      '$BASE_IMAGE',
      '${BASE}',
      'mcr.microsoft.com/windows/servercore:${TAG}',
      'mcr.microsoft.com/windows/servercore:"${WINDOWS_VERSION_TAG}"',
      '${hostRegistry}/ubuntu:24.04',
      '{{ .Values.x }}',
      '{{ .Values.image.repository }}:{{ .Values.image.tag }}',
      'repo/app:{{ .Chart.AppVersion }}',
    ]) {
      assert.equal(parseImageReference(text), undefined, JSON.stringify(text));
    }
  });

  it('returns undefined for text that is not an image reference', () => {
    for (const text of ['<image-name>', 'my image', 'repo/:tag', 'repo:', 'repo:bad/tag', 'a//b']) {
      assert.equal(parseImageReference(text), undefined, JSON.stringify(text));
    }
  });
});
