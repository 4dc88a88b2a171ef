// A SHELL that names a wrapper first (Log Monitor) wraps what the container runs only when that is
// written in shell form: Docker starts an exec-form CMD or ENTRYPOINT as written, without the SHELL,
// so the wrapper never starts and the logs it was there to relay never reach `docker logs`.
import { defineRule } from '../../engine/types';
import { shellWrappers } from '../../kb';
import { instructionsBefore } from '../../languages/dockerfile/build';
import { commandName, isExecForm } from '../../languages/dockerfile/commands';
import { shellProgram, type DockerInstruction, type Stage } from '../../languages/dockerfile/model';

export default defineRule({
  id: 'dockerfile/exec-form-skips-shell',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'warning',
    description: 'An exec-form CMD or ENTRYPOINT does not start the SHELL: a wrapper such as Log Monitor set there never runs.',
    messages: {
      skipped:
        'This exec-form {{keyword}} is started as written, without the SHELL, so {{wrapper}} (named by the SHELL on line {{shellLine}}) never runs: nothing {{purpose}}. Write the {{keyword}} in shell form.',
    },
    fixable: false,
    hasSuggestions: true,
    sources: ['https://github.com/microsoft/windows-container-tools/blob/main/LogMonitor/README.md', 'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form'],
  },
  create(context) {
    return {
      stage(stage: Stage) {
        const start = startCommand(stage);
        if (!start || !isExecForm(start) || start.shell.kind !== 'known' || !start.shell.instruction) return;
        const program = shellProgram(start.shell);
        const wrapper = shellWrappers.find((candidate) => candidate.program === program);
        const values = start.execForm?.values ?? [];
        const ranges = start.execForm?.ranges ?? [];
        // The exec form may start the wrapper itself, as Log Monitor's ENTRYPOINT pattern does.
        if (!wrapper || values.length === 0 || commandName(values[0]!) === wrapper.program) return;
        const shellForm = asShellForm(values);
        context.report({
          range: { start: ranges[0]!.start, end: ranges[ranges.length - 1]!.end },
          messageId: 'skipped',
          data: { keyword: start.keyword, wrapper: wrapper.name, shellLine: start.shell.instruction.range.start.line + 1, purpose: wrapper.purpose },
          suggest: shellForm ? [{ title: `Write the ${start.keyword} in shell form`, edits: [{ range: start.range, newText: `${start.keyword} ${shellForm}` }] }] : [],
          related: [{ uri: context.uri, range: start.shell.instruction.range, message: `${wrapper.name} is started by this SHELL, for shell-form instructions only.` }],
        });
      },
    };
  },
});

/**
 * What the container starts: the stage's last ENTRYPOINT, else its last CMD when nothing before it
 * sets an ENTRYPOINT (a Windows base OS image sets none; another image may, and then CMD only gives
 * its arguments).
 */
function startCommand(stage: Stage): DockerInstruction | undefined {
  const own = stage.instructions.filter((instruction) => instruction.keyword === 'ENTRYPOINT' || instruction.keyword === 'CMD');
  const entrypoint = own.filter((instruction) => instruction.keyword === 'ENTRYPOINT').pop();
  if (entrypoint) return entrypoint;
  const cmd = own.pop();
  if (!cmd || stage.rootBase?.info.family?.isBaseOs !== true) return undefined;
  return instructionsBefore(stage, cmd).some((earlier) => earlier.keyword === 'ENTRYPOINT') ? undefined : cmd;
}

/** The words joined for the shell, when none needs quoting or means something to cmd or PowerShell. */
function asShellForm(values: readonly string[]): string | undefined {
  return values.every((value) => value !== '' && !/[\s"'`$&|;<>^%(){}@,]/.test(value)) ? values.join(' ') : undefined;
}
