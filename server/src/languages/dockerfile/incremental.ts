// Instructions where BuildKit puts them, each read by dockerfile-ast for its arguments.
//
// BuildKit (./buildkit.ts) decides where every instruction starts and ends and what its logical
// line is: continuation characters removed, continuation lines appended, comment and empty lines
// inside left out. dockerfile-ast reads line continuations differently in many places (a line
// ending in an escaped escape character, `C:\\`, continues for dockerfile-ast; an escaped space
// before a continuation ends the instruction for it), so it never reads the file's lines: it reads
// the logical lines, one per line of a text, and every position it gives is mapped back to where
// that character is written in the file.
//
// The next version of the document re-reads only the instructions whose lines changed: an edit
// usually touches one instruction, and dockerfile-ast takes 24 ms for 2,000 lines.
import { DockerfileParser, Instruction } from 'dockerfile-ast';
import type { Position } from '../../core/text';
import { dockerfileLines, isBlank, parseBuildkit, spacesForLeadingWhitespace, type BuildkitDirective, type BuildkitError, type BuildkitInstruction } from './buildkit';

/**
 * dockerfile-ast re-tokenizes an instruction's arguments on every call of its private
 * getRawArguments, and calls it four to six times while it builds each RUN, COPY or SHELL (for its
 * flags, its JSON form, its heredocs): a sixth of the CLI's whole time over a large repository.
 * The words depend only on the instruction's text and escape character, fixed once it is built, so
 * they are read once; callers get a copy, as dockerfile-ast's own callers shift and replace entries.
 */
function readRawArgumentsOnce(): void {
  // On the instance itself rather than in a WeakMap: this runs for every word of every instruction.
  const words = Symbol('words');
  type WithRawArguments = { getRawArguments(this: WithRawArguments): unknown[]; [words]?: unknown[] };
  const prototype = Instruction.prototype as unknown as WithRawArguments;
  const read = prototype.getRawArguments;
  prototype.getRawArguments = function (this: WithRawArguments) {
    return (this[words] ??= read.call(this)).slice();
  };
}
readRawArgumentsOnce();

/** One instruction: where BuildKit puts it, its text, and dockerfile-ast's reading of its logical line. */
export interface ParsedInstruction {
  buildkit: BuildkitInstruction;
  /** The instruction's lines, start to end, as written: what decides whether it can be reused. */
  text: string;
  /** dockerfile-ast's reading of the logical line: its positions are not the file's (see `position`). */
  ast: Instruction;
  /** The position in the file of the character at `character` of the line dockerfile-ast read. */
  position(character: number, side: 'start' | 'end'): Position;
}

export interface ParsedInstructions {
  instructions: readonly ParsedInstruction[];
  directives: readonly BuildkitDirective[];
  escapeChar: string;
  /** The builder's reason to reject the file, if it does. */
  error?: BuildkitError;
}

export function parseInstructions(text: string, previous?: ParsedInstructions): ParsedInstructions {
  const buildkit = parseBuildkit(text, previous && { escapeChar: previous.escapeChar, instructions: previous.instructions.map((instruction) => instruction.buildkit) });
  const lines = dockerfileLines(text);
  const reusable = previous?.escapeChar === buildkit.escapeChar;
  const before = new Map(reusable ? previous.instructions.map((instruction) => [instruction.buildkit.start, instruction]) : []);
  const texts = buildkit.instructions.map((instruction) => lines.slice(instruction.start, instruction.end + 1).join('\n'));
  const kept: Array<ParsedInstruction | undefined> = buildkit.instructions.map((instruction, i) => {
    const same = before.get(instruction.start);
    return same && same.text === texts[i] ? same : undefined;
  });
  const stale = kept.flatMap((instruction, i) => (instruction ? [] : [i]));
  const asts = readLogicalLines(buildkit.escapeChar, stale.map((i) => buildkit.instructions[i]!.line));
  stale.forEach((i, n) => {
    const instruction = buildkit.instructions[i]!;
    kept[i] = { buildkit: instruction, text: texts[i]!, ast: asts[n]!, position: positionsOf(instruction) };
  });
  return { instructions: kept as ParsedInstruction[], directives: buildkit.directives, escapeChar: buildkit.escapeChar, error: buildkit.error };
}

/**
 * dockerfile-ast's reading of each logical line. They share one text, one per line, except those
 * that would run on into the next line there: one ending in the escape character, one holding a
 * heredoc (whose body dockerfile-ast would look for on the lines after), and the empty line of an
 * instruction that is nothing but escape characters (read as that character).
 */
function readLogicalLines(escapeChar: string, logical: readonly string[]): Instruction[] {
  const header = `# escape=${escapeChar}`;
  const endsInEscape = new RegExp(`\\${escapeChar}[ \\t]*$`);
  const own = (line: string): boolean => isBlank(line) || line.includes('<<') || endsInEscape.test(line);
  // BuildKit trims any Unicode white space before the keyword; dockerfile-ast only spaces and tabs.
  const lines = logical.map(spacesForLeadingWhitespace);
  const shared = lines.flatMap((line, i) => (own(line) ? [] : [i]));
  const asts: Array<Instruction | undefined> = [];
  if (shared.length > 0) {
    const parsed = DockerfileParser.parse([header, ...shared.map((i) => lines[i]!)].join('\n')).getInstructions();
    const byLine = new Map(parsed.map((ast) => [ast.getRange().start.line, ast]));
    shared.forEach((i, n) => (asts[i] = byLine.get(n + 1)));
  }
  return lines.map((line, i) => {
    const ast = asts[i] ?? DockerfileParser.parse(`${header}\n${isBlank(line) ? escapeChar : line}`).getInstructions()[0];
    if (!ast) throw new Error(`dockerfile-ast read no instruction from ${JSON.stringify(line)}`);
    return ast;
  });
}

/**
 * Where a character of the logical line is written, as a function. At a line continuation, a
 * range's start is on the later line and its end on the earlier one.
 */
function positionsOf(instruction: BuildkitInstruction): ParsedInstruction['position'] {
  // Lines of nothing but the escape character hold no character to point at.
  const pieces = instruction.pieces.filter((piece) => piece.length > 0);
  if (pieces.length === 0) {
    const { line, character } = instruction.pieces[0]!;
    return () => ({ line, character });
  }
  return (character, side) => {
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      const offset = pieces[middle]!.offset;
      if (offset < character || (side === 'start' && offset === character)) low = middle;
      else high = middle - 1;
    }
    const piece = pieces[low]!;
    return { line: piece.line, character: piece.character + Math.max(0, Math.min(character - piece.offset, piece.length)) };
  };
}
