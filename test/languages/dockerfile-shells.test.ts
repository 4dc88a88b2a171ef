import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/languages/dockerfile/model';
import { instructionShell } from '../../server/src/languages/dockerfile/shells';

function factsOf(text: string): ReturnType<typeof instructionShell>[] {
  return parseDockerfile(text).stages.flatMap((stage) => stage.instructions.map(instructionShell));
}

describe('Dockerfile shell fact', () => {
  it('gives the SHELL line and the shell a line starts, each with its kind', () => {
    const [shell, run] = factsOf('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["pwsh", "-Command"]\nRUN powershell -File build.ps1\n');
    assert.equal(shell, undefined, 'a SHELL line is not run by a shell');
    assert.ok(run?.form === 'shell');
    assert.equal(run.shell?.kind, 'pwsh');
    assert.equal(run.shell?.origin.kind === 'shell-instruction' && run.shell.origin.instruction.range.start.line, 1);
    assert.equal(run.started?.kind, 'windows-powershell');
    assert.deepEqual(run.started?.origin, { kind: 'command', range: { start: { line: 2, character: 4 }, end: { line: 2, character: 14 } } });
  });

  it('does not take a shell named later in the line for the one that runs it', () => {
    const [run] = factsOf('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo start && powershell -Command Get-Date\n');
    assert.ok(run?.form === 'shell');
    assert.equal(run.started, undefined);
    assert.equal(run.shell?.kind, 'cmd');
  });

  it('knows only the exec form outside Windows stages', () => {
    const [exec, shellForm] = factsOf('FROM ubuntu:24.04\nCMD ["pwsh"]\nRUN pwsh -c Get-Date\n');
    assert.deepEqual(exec, { form: 'exec', started: undefined });
    assert.deepEqual(shellForm, { form: 'shell' });
  });

  it('follows a SHELL added above a RUN whose text an edit did not touch', () => {
    const servercore = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n';
    const first = parseDockerfile(`${servercore}RUN dir\n`);
    const before = instructionShell(first.stages[0]!.instructions[0]!);
    assert.equal(before?.form === 'shell' && before.shell?.kind, 'cmd');
    const next = parseDockerfile(`${servercore}SHELL ["powershell", "-Command"]\nRUN dir\n`, first);
    const after = instructionShell(next.stages[0]!.instructions[1]!);
    assert.equal(after?.form === 'shell' && after.shell?.kind, 'windows-powershell');
  });
});
