// The programs a RUN, CMD or ENTRYPOINT starts, with exact ranges. Shell-form text is scanned
// the way cmd and PowerShell split it into commands (`&&`, `||`, `&`, `|`, `;`); quoted text is
// skipped, so a PowerShell string or script argument never looks like a command.
import type { LineIndex, Range } from '../../core/text';
import type { DockerInstruction } from './model';

export interface Command {
  /** As written, quotes removed: `/bin/sh`, `C:\tools\x.exe`. */
  program: string;
  /** Lower case, without directory and `.exe`: `sh`, `x`. */
  name: string;
  range: Range;
  /** The words after the program up to the end of the command (shell form: until a separator). */
  args: string[];
}

/** Programs that run the rest of their command line as another command. */
const wrappers = new Set(['sudo', 'env', 'exec', 'nohup', 'call']);

export function commandName(program: string): string {
  const base = program.replace(/^["']+|["']+$/g, '').split(/[\\/]/).pop()!.toLowerCase();
  return base.endsWith('.exe') ? base.slice(0, -4) : base;
}

/**
 * JSON exec form as Docker reads it: the arguments must parse as a JSON array of strings, else
 * Docker runs the text through the shell. dockerfile-ast also accepts text that is not JSON.
 */
export function isExecForm(instruction: DockerInstruction): boolean {
  return instruction.memo('isExecForm', () => readsAsJson(instruction));
}

function readsAsJson(instruction: DockerInstruction): boolean {
  if (!instruction.execForm) return false;
  // Docker joins continuation lines before it tries JSON (every line break inside an instruction
  // follows the escape character); argument values have escapes applied, the raw text does not.
  const raw = (instruction.ast.getRawArgumentsContent() ?? '').replace(/\S[ \t]*\r?\n/g, '');
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) && parsed.every((v) => typeof v === 'string');
  } catch {
    return false;
  }
}

/** Commands of a RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD, in exec or shell form. */
export function commandsOf(instruction: DockerInstruction): readonly Command[] {
  return instruction.memo('commands', () => readCommands(instruction));
}

function readCommands(instruction: DockerInstruction): Command[] {
  if (instruction.execForm && isExecForm(instruction)) {
    const { values, ranges } = instruction.execForm;
    if (values.length === 0) return [];
    return [{ program: values[0]!, name: commandName(values[0]!), range: ranges[0]!, args: values.slice(1) }];
  }
  return shellCommands(instruction);
}

interface Word {
  text: string;
  range: Range;
  /** A separator follows the word (outside quotes): the next word starts a command. */
  endsCommand: boolean;
  /** The word starts inside a quoted string. */
  quoted: boolean;
}

function splitWords(instruction: DockerInstruction): Word[] {
  const words: Word[] = [];
  let quote: string | undefined;
  for (const arg of instruction.args) {
    const value = arg.getValue();
    const range = arg.getRange();
    // Positions inside a word are only exact when the argument is written on one line without escapes.
    const exact = range.start.line === range.end.line && range.end.character - range.start.character === value.length;
    let start = 0;
    let startQuoted = quote !== undefined;
    const push = (end: number, endsCommand: boolean): void => {
      if (end > start) {
        const wordRange = exact
          ? { start: { line: range.start.line, character: range.start.character + start }, end: { line: range.start.line, character: range.start.character + end } }
          : range;
        words.push({ text: value.slice(start, end), range: wordRange, endsCommand, quoted: startQuoted });
      } else if (endsCommand && words.length > 0) {
        words[words.length - 1]!.endsCommand = true;
      }
    };
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      if (quote) {
        if (ch === quote) quote = undefined;
        continue;
      }
      if (ch === '"' || ch === "'") {
        quote = ch;
        continue;
      }
      if (ch === '&' || ch === '|' || ch === ';' || ch === '(' || ch === ')') {
        push(i, true);
        while (i + 1 < value.length && '&|;()'.includes(value[i + 1]!)) i++;
        start = i + 1;
        startQuoted = false;
      }
    }
    push(value.length, false);
  }
  return words;
}

function shellCommands(instruction: DockerInstruction): Command[] {
  const words = splitWords(instruction);
  const commands: Command[] = [];
  let atStart = true;
  let current: Command | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (atStart && !word.quoted && !word.text.startsWith('"') && !word.text.startsWith("'")) {
      current = { program: word.text, name: commandName(word.text), range: word.range, args: [] };
      commands.push(current);
      // `cmd /S /C prog ...` and `sudo prog ...` run the next word as a command.
      let next = i + 1;
      if (current.name === 'cmd') {
        while (next < words.length && /^\/[a-z](?::\w+)?$/i.test(words[next]!.text)) next++;
        atStart = next > i + 1 && next < words.length && !word.endsCommand;
        if (atStart) i = next - 1;
      } else {
        atStart = wrappers.has(current.name) && !word.endsCommand;
      }
    } else {
      atStart = false;
      current?.args.push(word.text);
    }
    if (word.endsCommand) {
      atStart = true;
      current = undefined;
    }
  }
  return commands;
}

/** The text of every shell-form or exec-form argument of a RUN, joined by spaces. */
export function runText(instruction: DockerInstruction): string {
  return instruction.memo('runText', () => readRunText(instruction));
}

function readRunText(instruction: DockerInstruction): string {
  return instruction.execForm && isExecForm(instruction) ? instruction.execForm.values.join(' ') : instruction.args.map((a) => a.getValue()).join(' ');
}

/** Where a pattern first matches in the instruction's arguments, as written (the whole argument when it spans lines). */
export function matchRange(lines: LineIndex, instruction: DockerInstruction, pattern: RegExp): Range | undefined {
  for (const arg of instruction.args) {
    const range = arg.getRange();
    const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(lines.text.slice(lines.offset(range.start), lines.offset(range.end)));
    if (!match) continue;
    if (range.start.line !== range.end.line) return range;
    const start = range.start.character + match.index;
    return { start: { line: range.start.line, character: start }, end: { line: range.start.line, character: start + match[0].length } };
  }
  return undefined;
}
