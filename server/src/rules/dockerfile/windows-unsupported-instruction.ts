// Docker Engine builds Windows images with the classic builder, which rejects BuildKit-only flags
// ("the --mount option requires BuildKit") and FROM scratch ("Windows does not support FROM
// scratch"), copies only to drive C:, and runs as Windows accounts, which have names, not UIDs.
// https://docs.docker.com/reference/dockerfile/
// https://github.com/moby/moby/blob/master/builder/dockerfile/dispatchers.go
import { defineRule, type Fix, type Range } from '../../engine/types';
import { instructionsBefore, runsWindowsCommands, stageNamed } from '../../languages/dockerfile/build';
import { isExecForm } from '../../languages/dockerfile/commands';
import { textOf } from '../../languages/dockerfile/edits';
import type { DockerfileModel, DockerInstruction, Stage } from '../../languages/dockerfile/model';

/** RUN flags the classic builder rejects; their support under experimental BuildKit on Windows is unconfirmed. */
const buildKitRunFlags = new Set(['mount', 'network', 'security']);

export default defineRule({
  id: 'dockerfile/windows-unsupported-instruction',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'error',
    description: 'Instructions and flags that Windows image builds reject: --chmod, RUN --mount, FROM scratch, Linux users, destinations off drive C:.',
    messages: {
      chmod: '`--chmod` is not supported when building Windows containers: Windows files have ACLs, not mode bits. Set permissions with `icacls` in a RUN step.',
      runFlag: '`RUN --{{flag}}` needs BuildKit; the classic builder that Docker Engine uses for Windows images stops with "the --{{flag}} option requires BuildKit".',
      scratch: 'The classic builder that builds Windows images stops with "Windows does not support FROM scratch". Start from a Windows base image such as mcr.microsoft.com/windows/nanoserver.',
      rootUser: '`{{user}}` is a Linux account; Windows containers run as Windows accounts. The administrator account is ContainerAdministrator.',
      numericUser: '`{{user}}` is a Linux user id; Windows accounts are names, and no account `{{user}}` exists unless the Dockerfile creates it. The built-in accounts are ContainerUser and ContainerAdministrator.',
      otherDrive: 'Windows images can only be copied to drive C: ("Windows does not support destinations not on the system drive (C:)"). Copy to a folder on C:.',
      volumeRoot: 'A volume cannot be mounted on the root of drive C:, which holds the container\'s own files: the target must be an empty folder or another drive.',
      copyRoot: 'Copying `{{path}}` out of a Windows image is not allowed ("copy from c:\\ or c:\\windows is not allowed on windows"). Copy the specific files you need.',
    },
    fixable: true,
    hasSuggestions: true,
    sources: [
      'https://docs.docker.com/reference/dockerfile/',
      'https://github.com/moby/moby/blob/master/builder/dockerfile/dispatchers.go',
      'https://github.com/moby/moby/blob/master/builder/dockerfile/copy_windows.go',
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/persistent-storage',
    ],
  },
  create(context) {
    const lines = context.lines;
    let model: DockerfileModel | undefined;
    return {
      dockerfile(parsed) {
        model = parsed;
        if (!runsWindowsCommands(parsed)) return;
        for (const stage of parsed.stages) {
          if (stage.image?.text.toLowerCase() === 'scratch') context.report({ range: stage.image.range, messageId: 'scratch' });
        }
      },
      instruction(instruction: DockerInstruction, stage: Stage) {
        switch (instruction.keyword) {
          case 'COPY':
          case 'ADD': {
            for (const flag of instruction.flags) {
              if (flag.name === 'chmod') context.report({ range: flag.range, messageId: 'chmod' });
            }
            const paths = pathArguments(instruction);
            const destination = paths[paths.length - 1];
            if (paths.length > 1 && destination) {
              const drive = /^([a-z]):/i.exec(destination.value);
              if (drive && drive[1]!.toLowerCase() !== 'c') context.report({ range: destination.range, messageId: 'otherDrive' });
            }
            const from = instruction.flags.find((f) => f.name === 'from')?.value;
            const source = from && model ? stageNamed(model, stage, from) : undefined;
            // Only a Windows stage's C:\ is refused; a Linux source stage has no drive letters.
            if (from && (!source || source.os === 'windows')) {
              for (const path of paths.slice(0, -1)) {
                if (/^[a-z]:[\\/]*(?:windows[\\/]*)?$/i.test(path.value)) {
                  context.report({ range: path.range, messageId: 'copyRoot', data: { path: path.value } });
                }
              }
            }
            return;
          }
          case 'RUN':
            for (const flag of instruction.flags) {
              if (buildKitRunFlags.has(flag.name)) context.report({ range: flag.range, messageId: 'runFlag', data: { flag: flag.name } });
            }
            return;
          case 'VOLUME':
            for (const path of pathArguments(instruction)) {
              if (/^c:[\\/]*$/i.test(path.value)) context.report({ range: path.range, messageId: 'volumeRoot' });
            }
            return;
          case 'USER': {
            const arg = instruction.args[0];
            if (!arg || instruction.args.length !== 1) return;
            const user = arg.getValue().split(':')[0]!;
            const isRoot = user === 'root' || user === '0';
            if (!isRoot && !/^\d+$/.test(user)) return;
            // `net user <name> /add` creates an account of that name.
            const created = new RegExp(`\\bnet(?:\\.exe)?\\s+user\\s+"?${user}"?\\s`, 'i');
            if (instructionsBefore(stage, instruction).some((earlier) => created.test(textOf(lines, earlier.range)))) return;
            const account = (name: string): Fix => ({ title: `Run as ${name}`, edits: [{ range: arg.getRange(), newText: name }] });
            if (isRoot) context.report({ range: arg.getRange(), messageId: 'rootUser', data: { user }, fix: account('ContainerAdministrator') });
            else context.report({ range: arg.getRange(), messageId: 'numericUser', data: { user }, suggest: [account('ContainerUser'), account('ContainerAdministrator')] });
            return;
          }
        }
      },
    };
  },
});

interface PathArgument {
  value: string;
  range: Range;
}

/** The path arguments of COPY, ADD or VOLUME, in exec or shell form (flags excluded). */
function pathArguments(instruction: DockerInstruction): PathArgument[] {
  if (instruction.execForm && isExecForm(instruction)) {
    const { values, ranges } = instruction.execForm;
    return values.map((value, i) => ({ value, range: ranges[i]! }));
  }
  return instruction.args.map((arg) => ({ value: arg.getValue(), range: arg.getRange() }));
}
