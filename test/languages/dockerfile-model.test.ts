import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandArgs, parseDockerfile, shellProgram } from '../../server/src/languages/dockerfile/model';

describe('Dockerfile model', () => {
  it('resolves global ARG defaults in FROM, with ${VAR:-default} forms', () => {
    const args = new Map([
      ['TAG', { value: 'ltsc2022' }],
      ['EMPTY', { value: '' }],
      ['UNSET', { value: undefined }],
    ]);
    assert.equal(expandArgs('img:${TAG}', args), 'img:ltsc2022');
    assert.equal(expandArgs('img:$TAG-amd64', args), 'img:ltsc2022-amd64');
    assert.equal(expandArgs('img:${EMPTY:-1809}', args), 'img:1809');
    assert.equal(expandArgs('img:${UNSET:-1809}', args), 'img:1809');
    assert.equal(expandArgs('img:${MISSING:+x}', args), 'img:');
    assert.equal(expandArgs('img:${UNSET}', args), undefined);
    assert.equal(expandArgs('img:${MISSING}', args), undefined);
  });

  it('decides per stage whether it builds Windows, following stage aliases', () => {
    const model = parseDockerfile(
      [
        'ARG WIN=ltsc2019',
        'FROM mcr.microsoft.com/windows/servercore:${WIN} AS build',
        'RUN echo',
        'FROM Build AS test',
        'FROM ubuntu:24.04 AS linux',
        'FROM --platform=windows/amd64 contoso/base:1 AS platform',
        'FROM contoso/base:1 AS unknown',
        'ARG LATE',
        'FROM mcr.microsoft.com/windows/nanoserver:${LATE} AS unresolved',
        'FROM scratch',
      ].join('\n'),
    );
    const summary = model.stages.map((s) => [s.name, s.os, s.windowsEvidence, s.windowsBuild]);
    assert.deepEqual(summary, [
      ['build', 'windows', 'base-image', 17763],
      ['test', 'windows', 'parent-stage', 17763],
      ['linux', 'linux', undefined, undefined],
      ['platform', 'windows', 'platform-flag', undefined],
      ['unknown', 'unknown', undefined, undefined],
      ['unresolved', 'unknown', undefined, undefined],
      [undefined, 'unknown', undefined, undefined],
    ]);
    assert.equal(model.stages[1]!.parent, model.stages[0]);
    assert.equal(model.stages[0]!.base!.tagFromArg?.name, 'WIN');
    assert.deepEqual(model.stages[0]!.base!.tagFromArg?.valueRange, { start: { line: 0, character: 8 }, end: { line: 0, character: 16 } });
  });

  it('tracks the SHELL in effect: cmd on Windows base images, unknown on other bases', () => {
    const model = parseDockerfile(
      [
        '# escape=`',
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
        'RUN dir',
        'SHELL ["powershell", "-Command"]',
        'RUN Get-ChildItem `',
        '  C:\\',
        'FROM python:3.12-windowsservercore-ltsc2022',
        'RUN dir',
      ].join('\n'),
    );
    assert.equal(model.escapeChar, '`');
    const [first, second] = model.stages;
    assert.deepEqual(first!.instructions.map((i) => [i.keyword, shellProgram(i.shell)]), [
      ['RUN', 'cmd'],
      ['SHELL', 'powershell'],
      ['RUN', 'powershell'],
    ]);
    assert.equal(first!.instructions[2]!.range.end.line, 5, 'backtick continuation joins the next line');
    assert.equal(second!.os, 'windows');
    assert.equal(shellProgram(second!.instructions[0]!.shell), undefined, 'the python image may set its own SHELL');
  });

  it('reads exec form values and flags', () => {
    const model = parseDockerfile('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY --chown=ContainerUser a.txt C:/app/\nCMD ["C:\\\\app\\\\run.exe", "--port", "80"]\n');
    const [copy, cmd] = model.stages[0]!.instructions;
    assert.deepEqual(copy!.flags.map((f) => [f.name, f.value]), [['chown', 'ContainerUser']]);
    assert.deepEqual(copy!.args.map((a) => a.getValue()), ['a.txt', 'C:/app/']);
    assert.deepEqual(cmd!.execForm?.values, ['C:\\app\\run.exe', '--port', '80']);
  });
});
