// A Windows stage runs its commands through `cmd /S /C` (or the SHELL it sets), on Windows: Linux
// package managers, shells and permission tools do not exist there, and the build stops with
// "'apt-get' is not recognized as an internal or external command".
// https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-docker/manage-windows-dockerfile
import { defineRule, type Fix } from '../../engine/types';
import { familiesWithoutPosixTools, linuxExecutables, linuxOnlyCommands, posixToolkits, variantFacts, type LinuxOnlyCommand } from '../../kb';
import { instructionsBefore, rootStage } from '../../languages/dockerfile/build';
import { commandName, commandsOf, isExecForm, type Command } from '../../languages/dockerfile/commands';
import { textOf } from '../../languages/dockerfile/edits';
import type { DockerInstruction, Stage } from '../../languages/dockerfile/model';

const toolkitWord = new RegExp(`\\b(?:${posixToolkits.words.join('|')})\\b`, 'i');

export default defineRule({
  id: 'dockerfile/linux-command',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'error',
    description: 'Linux commands (package managers, sh, chmod, useradd, ln -s) do not exist in a Windows stage.',
    messages: {
      command: '`{{command}}` is a Linux command; it does not exist in this Windows image. On Windows use {{equivalent}}.',
      shell: 'SHELL `{{command}}` is a Linux shell; it does not exist in this Windows image, so every shell-form RUN after it fails. Use cmd or PowerShell.',
    },
    fixable: false,
    hasSuggestions: true,
    sources: [
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-docker/manage-windows-dockerfile',
      'https://docs.docker.com/reference/dockerfile/',
      'https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/icacls',
      'https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/mklink',
      'https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/net-user',
    ],
  },
  create(context) {
    const lines = context.lines;
    /** A command Git for Windows or MSYS2 may provide is only certain to be missing from a known image that installs neither. */
    const certainlyMissing = (entry: LinuxOnlyCommand, command: Command, stage: Stage, instruction: DockerInstruction): boolean => {
      // A Linux absolute path (`/bin/sh`) is C:\bin\sh on Windows, which no toolkit installs.
      if (!entry.inPosixToolkits || command.program.startsWith('/')) return true;
      const family = rootStage(stage).base?.info.family;
      if (!family || !familiesWithoutPosixTools.familyIds.includes(family.id)) return false;
      return !instructionsBefore(stage, instruction).some((earlier) => toolkitWord.test(textOf(lines, earlier.range)));
    };

    return {
      instruction(instruction: DockerInstruction, stage: Stage) {
        if (instruction.keyword === 'SHELL') {
          const program = instruction.execForm && isExecForm(instruction) ? instruction.execForm.values[0] : undefined;
          if (!program || !linuxExecutables.shells.includes(commandName(program) as (typeof linuxExecutables.shells)[number])) return;
          const command: Command = { program, name: commandName(program), range: instruction.execForm!.ranges[0]!, args: [] };
          const entry = linuxOnlyCommands.find((c) => c.kind === 'shell')!;
          if (!certainlyMissing(entry, command, stage, instruction)) return;
          context.report({ range: command.range, messageId: 'shell', data: { command: program }, suggest: shellChoices(instruction, stage) });
          return;
        }
        if (instruction.keyword !== 'RUN' && instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') return;
        // `apt-get update && apt-get install` fails once, at the first: a second identical message says nothing new.
        const reported = new Set<string>();
        for (const command of commandsOf(instruction)) {
          const entry = linuxOnlyCommands.find((c) => c.names.includes(command.name) && (!c.argument || command.args.some((a) => c.argument!.test(a))));
          if (!entry || reported.has(command.program) || !certainlyMissing(entry, command, stage, instruction)) continue;
          reported.add(command.program);
          context.report({ range: command.range, messageId: 'command', data: { command: command.program, equivalent: entry.windowsEquivalent } });
        }
      },
    };
  },
});

/** SHELL lines the stage's base image can run: cmd always, Windows PowerShell where the variant has it. */
function shellChoices(instruction: DockerInstruction, stage: Stage): Fix[] {
  const first = instruction.args[0]?.getRange();
  const last = instruction.args[instruction.args.length - 1]?.getRange();
  if (!first || !last) return [];
  const range = { start: first.start, end: last.end };
  const choices: Fix[] = [{ title: 'Use the cmd shell', edits: [{ range, newText: '["cmd", "/S", "/C"]' }] }];
  const variant = rootStage(stage).base?.info.variant;
  if (variant && variantFacts(variant).hasWindowsPowerShell) {
    choices.push({
      title: 'Use Windows PowerShell',
      edits: [{ range, newText: `["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]` }],
    });
  }
  return choices;
}
