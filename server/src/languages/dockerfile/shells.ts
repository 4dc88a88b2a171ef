// Which shell runs a RUN, CMD or ENTRYPOINT, and which PowerShell: the stage's SHELL (from a SHELL
// line, a stage built on, or the base image's documented default), or the exec form, which runs no
// shell; and a powershell, pwsh or cmd that the command line starts at its beginning, which then
// runs the rest. Unknown stays unknown: a rule or hover says nothing rather than guess.
import type { Range } from '../../core/text';
import { variantFacts } from '../../kb';
import { commandName, commandsOf, isExecForm } from './commands';
import type { DockerInstruction, ShellState, Stage } from './model';

/** `windows-powershell` is powershell.exe (Windows PowerShell 5.1); `pwsh` is PowerShell 7. */
export type ShellKind = 'cmd' | 'windows-powershell' | 'pwsh';

export type ShellOrigin =
  /** A SHELL line, in this stage or in one it builds on. */
  | { kind: 'shell-instruction'; instruction: DockerInstruction }
  /** The base image's default: no SHELL line was seen. `image` is the repository, without the tag. */
  | { kind: 'image-default'; image: string }
  /** The command line itself starts the shell (`RUN powershell -Command ...`); `range` is the program's. */
  | { kind: 'command'; range: Range };

export interface RunningShell {
  /** undefined for a program that is none of the three (`bash`). */
  kind: ShellKind | undefined;
  /** The SHELL's command line, or the program that the command line starts. */
  argv: readonly string[];
  origin: ShellOrigin;
  /** The stage's base certainly lacks the program: Windows PowerShell on Nano Server (1709 and later). */
  missing?: true;
}

export type InstructionShell =
  /** Exec form: no shell reads the line; `started` when its program is itself a shell. */
  | { form: 'exec'; started?: RunningShell }
  /**
   * Shell form: `shell` reads the line first (undefined when unknown); `started` runs the rest of it
   * when the line begins with a shell of its own.
   */
  | { form: 'shell'; shell?: RunningShell; started?: RunningShell };

const keywords: ReadonlySet<string> = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

const kinds: Readonly<Record<string, ShellKind>> = { cmd: 'cmd', powershell: 'windows-powershell', pwsh: 'pwsh' };

/**
 * The shell fact of a RUN, CMD or ENTRYPOINT; undefined for other instructions. Outside Windows
 * stages only the exec form is certain. Computed once per parse: it depends on the stage's SHELL,
 * so it cannot be kept with the instruction's text.
 */
export function instructionShell(instruction: DockerInstruction): InstructionShell | undefined {
  return instruction.inParse('shell', () => readInstructionShell(instruction));
}

function readInstructionShell(instruction: DockerInstruction): InstructionShell | undefined {
  if (!keywords.has(instruction.keyword)) return undefined;
  const windows = instruction.stage.os === 'windows';
  if (isExecForm(instruction)) return { form: 'exec', started: windows ? withPresence(startedShell(instruction), instruction.stage) : undefined };
  if (!windows) return { form: 'shell' };
  return { form: 'shell', shell: withPresence(stageShell(instruction.shell), instruction.stage), started: withPresence(startedShell(instruction), instruction.stage) };
}

function withPresence(shell: RunningShell | undefined, stage: Stage): RunningShell | undefined {
  return shell?.kind === 'windows-powershell' && lacksWindowsPowerShell(stage) ? { ...shell, missing: true } : shell;
}

/** A Nano Server base the KB knows, of a build that no longer ships Windows PowerShell. */
function lacksWindowsPowerShell(stage: Stage): boolean {
  const info = stage.rootBase?.info;
  if (info?.variant !== 'nanoserver' || !info.family) return false;
  const facts = variantFacts('nanoserver');
  return !facts.hasWindowsPowerShell && !(stage.windowsBuild !== undefined && facts.completeBuilds?.includes(stage.windowsBuild));
}

function stageShell(state: ShellState): RunningShell | undefined {
  if (state.kind !== 'known' || state.argv.length === 0) return undefined;
  const kind = kinds[commandName(state.argv[0]!)];
  if (state.instruction) return { kind, argv: state.argv, origin: { kind: 'shell-instruction', instruction: state.instruction } };
  return state.image ? { kind, argv: state.argv, origin: { kind: 'image-default', image: state.image } } : undefined;
}

/**
 * powershell or pwsh as the first word; cmd only with /C or /K, without which it reads commands
 * from its input instead of the line.
 */
function startedShell(instruction: DockerInstruction): RunningShell | undefined {
  const first = commandsOf(instruction)[0];
  const exec = isExecForm(instruction);
  const firstWord = exec ? instruction.execForm?.ranges[0] : instruction.args[0]?.getRange();
  if (!first || !firstWord || !samePosition(first.range.start, firstWord.start)) return undefined;
  const kind = kinds[first.name];
  if (!kind) return undefined;
  if (kind === 'cmd') {
    const words = exec ? instruction.execForm!.values : instruction.args.map((arg) => arg.getValue());
    const switches = words.slice(1);
    const end = switches.findIndex((word) => !/^\/[a-z]/i.test(word));
    if (!switches.slice(0, end < 0 ? switches.length : end).some((word) => /^\/[ck]$/i.test(word))) return undefined;
  }
  return { kind, argv: [first.program], origin: { kind: 'command', range: first.range } };
}

function samePosition(a: Range['start'], b: Range['start']): boolean {
  return a.line === b.line && a.character === b.character;
}
