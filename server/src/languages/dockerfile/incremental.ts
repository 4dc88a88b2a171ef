// dockerfile-ast parses a whole file on every call: 24 ms for 2,000 lines, most of a keystroke's
// cost. An edit usually touches one instruction, so the next version re-parses only the
// instructions whose text or position changed, with every other line blanked (line breaks kept,
// so dockerfile-ast's positions stay exact), and reuses the rest.
//
// The split into instructions is our own scan, so it is checked against dockerfile-ast's: a whole
// parse whose instructions do not line up with the scan (a construct the scan reads differently)
// is not reused, and neither is a partial one. Each re-parsed instruction is parsed together with
// its neighbours, so a change to where one instruction ends (a new or removed line continuation)
// shows as a mismatch there and the file is parsed whole.
import { DockerfileParser, type Instruction, type ParserDirective } from 'dockerfile-ast';

/** One instruction's lines, continuation lines and comments between them included. */
interface Block {
  start: number;
  /** The last line holding instruction text (a trailing comment line is not part of it). */
  end: number;
  text: string;
  instruction?: Instruction;
}

interface Layout {
  /** The leading blank and comment lines, where parser directives live, verbatim. */
  prefix: string;
  prefixLines: number;
  blocks: Block[];
  /** Partial parses since the last whole one: each keeps its own blanked copy of the file alive. */
  partialParses: number;
}

export interface ParsedInstructions {
  /** Every instruction, in order, parser errors and those before the first FROM included. */
  instructions: readonly Instruction[];
  directives: readonly ParserDirective[];
  escapeChar: string;
  /** How the text splits into instructions, for the next version; absent when it cannot be reused. */
  layout?: Layout;
}

/**
 * After this many partial parses the file is parsed whole again, which drops the blanked copies the
 * reused instructions refer to: memory stays bounded, and a whole parse is rare enough (one
 * keystroke in this many) to stay out of the typing latency's 95th percentile.
 */
const maxPartialParses = 50;

export function parseInstructions(text: string, previous?: ParsedInstructions): ParsedInstructions {
  return (previous && reparse(text, previous)) ?? parseWhole(text);
}

function parseWhole(text: string): ParsedInstructions {
  const ast = DockerfileParser.parse(text);
  const escapeChar = ast.getEscapeCharacter();
  const instructions = ast.getInstructions();
  const layout = scanLayout(text, escapeChar);
  return { instructions, directives: ast.getDirectives(), escapeChar, layout: layout && attach(layout.blocks, instructions) ? layout : undefined };
}

function reparse(text: string, previous: ParsedInstructions): ParsedInstructions | undefined {
  const old = previous.layout;
  if (!old || old.partialParses >= maxPartialParses) return undefined;
  const layout = scanLayout(text, previous.escapeChar);
  // A changed prefix may change the escape character, which changes how every line reads.
  if (!layout || layout.prefix !== old.prefix) return undefined;
  const before = new Map(old.blocks.map((block) => [block.start, block]));
  const stale = new Set<number>();
  layout.blocks.forEach((block, index) => {
    const same = before.get(block.start);
    if (same?.text === block.text) block.instruction = same.instruction;
    else for (const neighbour of [index - 1, index, index + 1]) if (neighbour >= 0 && neighbour < layout.blocks.length) stale.add(neighbour);
  });
  if (stale.size > 0) {
    // Past half the file, parsing it whole costs no more.
    if (stale.size * 2 > layout.blocks.length) return undefined;
    const targets = [...stale].sort((a, b) => a - b).map((index) => layout.blocks[index]!);
    const ast = DockerfileParser.parse(blankedExcept(text, layout.prefixLines, targets));
    if (!attach(targets, ast.getInstructions())) return undefined;
    layout.partialParses = old.partialParses + 1;
  } else {
    layout.partialParses = old.partialParses;
  }
  return { instructions: layout.blocks.map((block) => block.instruction!), directives: previous.directives, escapeChar: previous.escapeChar, layout };
}

/** Pairs each block with its instruction, in order; false, changing nothing, when they do not line up. */
function attach(blocks: readonly Block[], instructions: readonly Instruction[]): boolean {
  if (blocks.length !== instructions.length) return false;
  for (let i = 0; i < blocks.length; i++) {
    const range = instructions[i]!.getRange();
    if (range.start.line !== blocks[i]!.start || range.end.line !== blocks[i]!.end) return false;
  }
  blocks.forEach((block, i) => (block.instruction = instructions[i]));
  return true;
}

/** The text with only the prefix and the given blocks' lines left; every line break stays. */
function blankedExcept(text: string, prefixLines: number, blocks: readonly Block[]): string {
  const parts = text.split(/(\r\n|\r|\n)/);
  let next = 0;
  for (let line = prefixLines; line * 2 < parts.length; line++) {
    while (next < blocks.length && blocks[next]!.end < line) next++;
    const block = blocks[next];
    if (!block || line < block.start) parts[line * 2] = '';
  }
  return parts.join('');
}

const lineBreak = /\r\n|\r|\n/g;

/**
 * Splits the text into instructions the way Docker reads line continuations: a line whose last
 * non-blank character is the escape character continues on the next line that is neither blank
 * nor a comment. undefined when the text may hold a heredoc, whose body lines are not instructions.
 */
function scanLayout(text: string, escapeChar: string): Layout | undefined {
  if (text.includes('<<')) return undefined;
  const blocks: Block[] = [];
  let prefixLines = -1;
  let prefixEnd = text.length;
  let current: { start: number; end: number; startOffset: number; endOffset: number } | undefined;
  let continuing = false;
  const close = (): void => {
    if (current) blocks.push({ start: current.start, end: current.end, text: text.slice(current.startOffset, current.endOffset) });
    current = undefined;
  };
  let line = 0;
  let lineStart = 0;
  lineBreak.lastIndex = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const lineEnd = match ? match.index : text.length;
    const content = text.slice(lineStart, lineEnd).trim();
    if (content !== '' && !content.startsWith('#')) {
      if (prefixLines < 0) {
        prefixLines = line;
        prefixEnd = lineStart;
      }
      if (!continuing) {
        close();
        current = { start: line, end: line, startOffset: lineStart, endOffset: lineEnd };
      } else {
        current!.end = line;
        current!.endOffset = lineEnd;
      }
      continuing = content.endsWith(escapeChar);
    }
    if (!match) break;
    line++;
    lineStart = match.index + match[0].length;
  }
  close();
  return { prefix: text.slice(0, prefixEnd), prefixLines: prefixLines < 0 ? line + 1 : prefixLines, blocks, partialParses: 0 };
}
