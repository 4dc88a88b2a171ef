import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dependenciesOf, usersOf } from '../../server/src/languages/dockerfile/build';
import { commandsOf, isExecForm } from '../../server/src/languages/dockerfile/commands';
import { parseDockerfile, shellProgram } from '../../server/src/languages/dockerfile/model';

function instructions(text: string) {
  return parseDockerfile(text).stages.flatMap((stage) => stage.instructions);
}

describe('Dockerfile commands', () => {
  it('splits shell text into commands the way cmd and PowerShell do, skipping quoted text', () => {
    const [run] = instructions('FROM x\nRUN echo "a && b" && cmd /S /C apt-get update ; Write-Host \'x | sh\' | sudo yum install -y z||(chmod +x f)\n');
    assert.deepEqual(
      commandsOf(run!).map((c) => [c.name, c.range.start.character, c.args.join(' ')]),
      [
        ['echo', 4, '"a && b"'],
        ['cmd', 21, ''],
        ['apt-get', 31, 'update'],
        ['write-host', 48, "'x | sh'"],
        ['sudo', 70, ''],
        ['yum', 75, 'install -y z'],
        ['chmod', 94, '+x f'],
      ],
    );
  });

  it('reads exec form only when Docker would: valid JSON after joining continuation lines', () => {
    const [valid, multiLine, invalid, powershell] = instructions(
      'FROM x\nCMD ["C:\\\\app\\\\run.exe", "-x"]\nENTRYPOINT ["a", \\\n  "b"]\nCMD ["C:\\app\\run.exe"]\nRUN [Environment]::SetEnvironmentVariable("a", "b")\n',
    );
    assert.equal(isExecForm(valid!), true);
    assert.deepEqual(commandsOf(valid!).map((c) => [c.program, c.args]), [['C:\\app\\run.exe', ['-x']]]);
    assert.equal(isExecForm(multiLine!), true);
    assert.equal(isExecForm(invalid!), false);
    assert.equal(isExecForm(powershell!), false);
  });
});

describe('Dockerfile stages', () => {
  it('a stage built on an earlier stage starts with its SHELL', () => {
    const model = parseDockerfile('FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base\nSHELL ["powershell", "-Command"]\nFROM base\nRUN x\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 AS other\nFROM other\nRUN y\n');
    assert.equal(shellProgram(model.stages[1]!.instructions[0]!.shell), 'powershell');
    assert.equal(shellProgram(model.stages[3]!.instructions[0]!.shell), 'cmd');
  });

  it('finds the stages a stage needs: its parent and COPY --from by name or index', () => {
    const model = parseDockerfile('FROM a:1 AS one\nFROM b:2 AS two\nFROM one\nCOPY --from=TWO x y\nCOPY --from=0 x y\nCOPY --from=golang:1.25 x y\n');
    assert.deepEqual(dependenciesOf(model, model.stages[2]!).map((d) => d.stage.name), ['one', 'two', 'one']);
  });

  it('tracks the account: Nano Server runs as ContainerUser until USER changes it, across stages', () => {
    const model = parseDockerfile('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS base\nRUN a\nUSER ContainerAdministrator\nRUN b\nFROM base\nRUN c\nFROM python:3.14-windowsservercore-ltsc2022\nRUN d\n');
    const [a, , b] = model.stages[0]!.instructions;
    const c = model.stages[1]!.instructions[0]!;
    assert.equal(usersOf(model.stages[0]!).get(a!), 'ContainerUser');
    assert.equal(usersOf(model.stages[0]!).get(b!), 'ContainerAdministrator');
    assert.equal(usersOf(model.stages[1]!).get(c), 'ContainerAdministrator');
    assert.equal(usersOf(model.stages[2]!).get(model.stages[2]!.instructions[0]!), undefined, 'an image that may set its own USER');
  });
});
