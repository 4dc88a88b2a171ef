// Windows reads a Linux-style absolute path as a folder on drive C: (`/usr/local/bin` is
// `C:\usr\local\bin`). A WORKDIR, COPY or VOLUME there creates that folder, so it works; what
// fails is a path the image is expected to already have (a PATH entry, a JAVA_HOME, a program
// in /usr/bin) and device or kernel files (`/dev/null`, `/proc`), which no folder replaces.
// https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-docker/manage-windows-dockerfile
import { defineRule, type Range } from '../../engine/types';
import { familiesWithoutPosixTools, linuxOnlyCommands, linuxPathsThatWorkOnWindows, linuxSystemPaths, type LinuxSystemPath } from '../../kb';
import { rootStage, stageChain } from '../../languages/dockerfile/build';
import { commandName, isExecForm } from '../../languages/dockerfile/commands';
import { textOf } from '../../languages/dockerfile/edits';
import type { DockerInstruction, Stage } from '../../languages/dockerfile/model';

const prefixes = linuxSystemPaths.map((p) => p.path.slice(1)).join('|');
/** A system path inside a value: at its start or after a list separator, up to the next separator. */
const embeddedPath = new RegExp(`(?<=^|[\\s:;="'])/(?:${prefixes})(?=$|[/\\s:;"'])[^\\s:;"']*`, 'g');

export default defineRule({
  id: 'dockerfile/linux-path',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'warning',
    description: 'Linux system paths (/usr, /etc, /var, /tmp, /bin, /dev, /proc) that a Windows stage relies on but never creates.',
    messages: {
      missing:
        '`{{path}}` is a Linux system path ({{holds}}). In this Windows image it is the folder `{{windowsPath}}`, which nothing in the image or this Dockerfile creates. Point it at a Windows location.',
      pseudo: '`{{path}}` is {{holds}}; no Windows folder can stand in for it.',
    },
    fixable: false,
    hasSuggestions: false,
    sources: [
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-docker/manage-windows-dockerfile',
      'https://kubernetes.io/docs/concepts/windows/intro/',
    ],
  },
  create(context) {
    const lines = context.lines;

    /** Whether the stage's chain writes into the path's top-level folder (WORKDIR, COPY, or a RUN naming C:\usr). */
    const createdInChain = (stage: Stage, path: string): boolean => {
      const top = path.split('/')[1]!;
      const written = new RegExp(`(?:^|[\\s"'=:;,(])(?:[A-Za-z]:)?[\\\\/]${top}(?:[\\\\/\\s"';]|$)`, 'i');
      return stageChain(stage).some((s) =>
        s.instructions.some((i) => ['WORKDIR', 'COPY', 'ADD', 'VOLUME', 'RUN'].includes(i.keyword) && written.test(i.args.map((a) => textOf(lines, a.getRange())).join(' '))),
      );
    };

    /**
     * A folder is only certainly missing when the base image is one Microsoft documents (they have
     * no C:\usr or C:\etc) and the Dockerfile does not create it; device files are always missing.
     */
    const check = (path: string, range: Range, stage: Stage, consumed: boolean): void => {
      const entry = systemPath(path);
      if (!entry) return;
      if (entry.kind === 'pseudo') {
        context.report({ range, messageId: 'pseudo', data: { path, holds: entry.holds } });
        return;
      }
      const family = rootStage(stage).base?.info.family;
      if (!consumed || !family || !familiesWithoutPosixTools.familyIds.includes(family.id) || createdInChain(stage, path)) return;
      context.report({ range, messageId: 'missing', data: { path, holds: entry.holds, windowsPath: `C:${path.replace(/\//g, '\\')}` } });
    };

    return {
      instruction(instruction: DockerInstruction, stage: Stage) {
        const exec = instruction.execForm && isExecForm(instruction) ? instruction.execForm : undefined;
        const values = exec
          ? exec.values.map((value, i) => ({ value, range: unquoted(exec.ranges[i]!) }))
          : instruction.args.map((arg) => ({ value: arg.getValue(), range: arg.getRange() }));
        switch (instruction.keyword) {
          case 'WORKDIR':
          case 'VOLUME':
            for (const { value, range } of values) check(value, range, stage, false);
            return;
          case 'COPY':
          case 'ADD': {
            // Sources are paths in the build context or in another stage, which may be Linux: only the destination counts.
            const destination = values[values.length - 1];
            if (values.length > 1 && destination) check(destination.value, destination.range, stage, false);
            return;
          }
          case 'ENV':
            for (const arg of instruction.args) {
              const range = arg.getRange();
              if (range.start.line !== range.end.line) continue;
              for (const match of textOf(lines, range).matchAll(embeddedPath)) {
                const start = range.start.character + match.index!;
                check(match[0], { start: { line: range.start.line, character: start }, end: { line: range.start.line, character: start + match[0].length } }, stage, true);
              }
            }
            return;
          case 'RUN':
          case 'CMD':
          case 'ENTRYPOINT':
            // Only exec-form arguments are whole paths; shell text is the shell's business.
            if (!exec) return;
            values.forEach(({ value, range }, i) => {
              // A Linux program (`/bin/sh`) is reported by dockerfile/linux-command.
              if (i === 0 && linuxOnlyCommands.some((c) => c.names.includes(commandName(value)))) return;
              check(value, range, stage, true);
            });
            return;
        }
      },
    };
  },
});

function systemPath(path: string): LinuxSystemPath | undefined {
  if (linuxPathsThatWorkOnWindows.paths.some((ok) => path === ok || path.startsWith(ok + '/'))) return undefined;
  return linuxSystemPaths.find((p) => path === p.path || path.startsWith(p.path + '/'));
}

/** The range of a JSON string without its quotes. */
function unquoted(range: Range): Range {
  if (range.start.line !== range.end.line) return range;
  return { start: { line: range.start.line, character: range.start.character + 1 }, end: { line: range.end.line, character: range.end.character - 1 } };
}
