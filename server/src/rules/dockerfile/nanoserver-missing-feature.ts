// Nano Server is not a small Server Core: since version 1709 it has no PowerShell, no .NET
// Framework and no IIS, and it runs as ContainerUser, which may not change machine settings.
// A Dockerfile written for Server Core fails on it at build time.
// https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/container-base-images
import { LineIndex } from '../../core/text';
import { defineRule } from '../../engine/types';
import { variantFacts } from '../../kb';
import { instructionsBefore, rootStage, usersOf } from '../../languages/dockerfile/build';
import { commandName, commandsOf, isExecForm, matchRange, runText } from '../../languages/dockerfile/commands';
import { textOf } from '../../languages/dockerfile/edits';
import type { DockerInstruction, Stage } from '../../languages/dockerfile/model';

export default defineRule({
  id: 'dockerfile/nanoserver-missing-feature',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'error',
    description: 'Nano Server has no PowerShell, .NET Framework or IIS, and runs as ContainerUser: Server Core steps fail on it.',
    messages: {
      program: '`{{program}}` does not exist in Nano Server: the image has no {{what}}. Use a Server Core based image, or copy PowerShell 7 into the image and call `pwsh`.',
      feature: 'Nano Server has no {{what}}, so this step fails. Use a Server Core based image for it.',
      setxMachine: '`setx /M` writes machine settings, which ContainerUser, the account this step runs as, may not change. Run it after `USER ContainerAdministrator` (and switch back to ContainerUser afterwards).',
    },
    fixable: false,
    hasSuggestions: false,
    sources: [
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/container-base-images',
      'https://github.com/microsoft/iis-docker/issues/149',
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/persistent-storage',
      'https://github.com/dotnet/dotnet-docker',
    ],
  },
  create(context) {
    const lines = context.lines;
    const users = new Map<Stage, Map<DockerInstruction, string | undefined>>();
    return {
      instruction(instruction: DockerInstruction, stage: Stage) {
        if (!['RUN', 'CMD', 'ENTRYPOINT', 'SHELL'].includes(instruction.keyword)) return;
        const commands = instruction.keyword === 'SHELL' ? shellProgram(instruction) : commandsOf(instruction);

        const setx = commands.find((c) => c.name === 'setx' && c.args.some((a) => a.toLowerCase() === '/m'));
        if (setx) {
          if (!users.has(stage)) users.set(stage, usersOf(stage));
          if (users.get(stage)!.get(instruction)?.toLowerCase() === 'containeruser') context.report({ range: setx.range, messageId: 'setxMachine' });
        }

        const base = rootStage(stage).base?.info;
        const facts = variantFacts('nanoserver');
        if (base?.variant !== 'nanoserver' || !base.family || (stage.windowsBuild !== undefined && facts.completeBuilds?.includes(stage.windowsBuild))) return;
        for (const lack of facts.lacks) {
          const programs = lack.usedBy?.commands;
          for (const command of commands) {
            if (!programs?.includes(command.name)) continue;
            // PowerShell 7 can be copied into Nano Server: only a base OS image the Dockerfile adds nothing to is certain to lack pwsh.
            if (command.name === 'pwsh' && (!base.family.isBaseOs || addsPowerShell(stage, instruction, lines))) continue;
            context.report({ range: command.range, messageId: 'program', data: { program: command.program, what: lack.what } });
          }
          const pattern = lack.usedBy?.pattern;
          if (instruction.keyword !== 'RUN' || !pattern || !pattern.test(runText(instruction))) continue;
          context.report({ range: matchRange(lines, instruction, pattern) ?? instruction.range, messageId: 'feature', data: { what: lack.what } });
        }
      },
    };
  },
});

/** SHELL names its program in exec form: the first value. */
function shellProgram(instruction: DockerInstruction): ReturnType<typeof commandsOf> {
  if (!instruction.execForm || !isExecForm(instruction) || instruction.execForm.values.length === 0) return [];
  const program = instruction.execForm.values[0]!;
  return [{ program, name: commandName(program), range: instruction.execForm.ranges[0]!, args: instruction.execForm.values.slice(1) }];
}

/** An earlier step copies, downloads or points PATH at PowerShell (a RUN that merely runs it does not count). */
function addsPowerShell(stage: Stage, instruction: DockerInstruction, lines: LineIndex): boolean {
  return instructionsBefore(stage, instruction).some((earlier) => {
    if (!['COPY', 'ADD', 'RUN', 'ENV'].includes(earlier.keyword) || !/pwsh|powershell/i.test(textOf(lines, earlier.range))) return false;
    return earlier.keyword !== 'RUN' || !commandsOf(earlier).some((c) => c.name === 'pwsh' || c.name === 'powershell');
  });
}
