// Instructions where BuildKit puts them, each read by dockerfile-ast for its arguments and ranges.
//
// BuildKit (./buildkit.ts) decides where every instruction starts and ends. dockerfile-ast reads
// a line continuation differently in places (a line ending in an escaped escape character, `C:\\`,
// continues for dockerfile-ast and ends the instruction for BuildKit), so it never parses the
// file as it is: it parses texts in which only some instructions' lines are left and every other
// line is blanked (line breaks kept, so its positions stay exact), and that are cut after the last
// instruction kept, so nothing can run on into an instruction that is not there.
//
// A whole parse usually needs one such text; an instruction whose last line dockerfile-ast would
// continue ends its text, and the next one starts another. The next version of the document
// re-parses only the instructions whose text or position changed and reuses the rest: an edit
// usually touches one instruction, and dockerfile-ast takes 24 ms for 2,000 lines.
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { dockerfileLines, parseBuildkit, type BuildkitDirective, type BuildkitError, type BuildkitInstruction } from './buildkit';

/** One instruction: where BuildKit puts it, its text, and dockerfile-ast's reading of it. */
export interface ParsedInstruction {
  buildkit: BuildkitInstruction;
  /** The instruction's lines, start to end, as written: what decides whether it can be reused. */
  text: string;
  ast: Instruction;
}

export interface ParsedInstructions {
  instructions: readonly ParsedInstruction[];
  directives: readonly BuildkitDirective[];
  escapeChar: string;
  /** The builder's reason to reject the file, if it does. */
  error?: BuildkitError;
  /** The lines before the first instruction, where directives live: a change there parses everything again. */
  prefix: string;
  /** Partial parses since the last whole one: each keeps its own blanked copy of the file alive. */
  partialParses: number;
  /** Set, with no instructions, when reading the instructions as BuildKit does would cost too much. */
  tooComplex?: true;
}

/**
 * After this many partial parses the file is parsed whole again, which drops the blanked copies the
 * reused instructions refer to: memory stays bounded, and a whole parse is rare enough (one
 * keystroke in this many) to stay out of the typing latency's 95th percentile.
 */
const maxPartialParses = 50;

/**
 * Each instruction that dockerfile-ast would continue past its end needs a text of its own, as long
 * as the file up to it: a file of thousands of them would take seconds. Past this many characters
 * of such texts (or four times the file), the file is reported as too complex to check.
 */
const minimumBudget = 4_000_000;

export function parseInstructions(text: string, previous?: ParsedInstructions): ParsedInstructions {
  const buildkit = parseBuildkit(text);
  const lines = dockerfileLines(text);
  const prefix = lines.slice(0, buildkit.instructions[0]?.start ?? lines.length).join('\n');
  const reusable = previous && previous.partialParses < maxPartialParses && previous.prefix === prefix && previous.escapeChar === buildkit.escapeChar;
  const before = new Map(reusable ? previous.instructions.map((instruction) => [instruction.buildkit.start, instruction]) : []);
  const texts = buildkit.instructions.map((instruction) => lines.slice(instruction.start, instruction.end + 1).join('\n'));
  const asts: Array<Instruction | undefined> = buildkit.instructions.map((instruction, i) => {
    const same = before.get(instruction.start);
    return same && same.text === texts[i] && same.buildkit.end === instruction.end ? same.ast : undefined;
  });
  const stale = asts.flatMap((ast, i) => (ast ? [] : [i]));
  // Past half the file, a partial parse costs as much as a whole one and keeps more alive.
  const whole = !reusable || stale.length * 2 > asts.length;
  const targets = whole ? buildkit.instructions.map((_, i) => i) : stale;
  if (!parseTargets(lines, buildkit.escapeChar, buildkit.instructions, targets, asts, Math.max(4 * text.length, minimumBudget))) {
    return { instructions: [], directives: buildkit.directives, escapeChar: buildkit.escapeChar, prefix, partialParses: 0, tooComplex: true };
  }
  const instructions = buildkit.instructions.map((instruction, i) => ({ buildkit: instruction, text: texts[i]!, ast: asts[i]! }));
  const partialParses = whole ? 0 : stale.length > 0 ? previous!.partialParses + 1 : previous!.partialParses;
  return { instructions, directives: buildkit.directives, escapeChar: buildkit.escapeChar, error: buildkit.error, prefix, partialParses };
}

/**
 * Gives every target instruction its dockerfile-ast reading, in as few parses as stay exact; false
 * when that would take more than `budget` characters of blanked text.
 */
function parseTargets(lines: readonly string[], escapeChar: string, instructions: readonly BuildkitInstruction[], targets: readonly number[], asts: Array<Instruction | undefined>, budget: number): boolean {
  let pending = targets;
  let spent = 0;
  // A first pass shares texts; what dockerfile-ast still reads differently is parsed alone.
  for (const alone of [false, true]) {
    const missed: number[] = [];
    for (const batch of batches(lines, escapeChar, instructions, pending, alone)) {
      const text = blankedExcept(lines, escapeChar, batch.map((i) => instructions[i]!));
      spent += text.length;
      if (spent > budget) return false;
      const byLine = new Map(DockerfileParser.parse(text).getInstructions().map((ast) => [ast.getRange().start.line, ast]));
      for (const i of batch) {
        const ast = byLine.get(instructions[i]!.firstTextLine);
        if (ast && (alone || readsAsBuildkit(ast, instructions[i]!))) asts[i] = ast;
        else if (alone) throw new Error(`dockerfile-ast read no instruction on line ${instructions[i]!.firstTextLine + 1} of a text holding only that instruction`);
        else missed.push(i);
      }
    }
    pending = missed;
  }
  return true;
}

function readsAsBuildkit(ast: Instruction, instruction: BuildkitInstruction): boolean {
  return instruction.heredocs > 0 || ast.getRange().end.line === instruction.lastTextLine;
}

/**
 * Runs of instructions that can share one text: one whose last line dockerfile-ast would continue
 * (it ends in the escape character) closes its run, since the text is cut after it.
 */
function batches(lines: readonly string[], escapeChar: string, instructions: readonly BuildkitInstruction[], targets: readonly number[], alone: boolean): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (const i of targets) {
    run.push(i);
    const instruction = instructions[i]!;
    if (alone || instruction.heredocs > 0 || lines[instruction.lastTextLine]!.replace(/[ \t]+$/, '').endsWith(escapeChar)) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * The lines of the given instructions, from their first text line, with every other line blank,
 * cut after the last one. BuildKit's escape character is set on the first line, which is never
 * an instruction's when there is an escape directive.
 */
function blankedExcept(lines: readonly string[], escapeChar: string, kept: readonly BuildkitInstruction[]): string {
  let text = escapeChar === '\\' ? '' : `# escape=${escapeChar}`;
  let line = 0;
  for (const instruction of kept) {
    text += '\n'.repeat(instruction.firstTextLine - line) + lines.slice(instruction.firstTextLine, instruction.end + 1).join('\n');
    line = instruction.end;
  }
  return text;
}
