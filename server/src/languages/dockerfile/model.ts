// A Dockerfile as rules see it: stages with their resolved base image and whether they build a
// Windows image, instructions with the SHELL in effect, and exact ranges from dockerfile-ast.
import { Argument, Instruction, type From, type JSONInstruction } from 'dockerfile-ast';
import type { StageOs } from '../../core/summary';
import type { Range } from '../../core/text';
import { describeImage, parseImageReference, type ImageInfo, type ImageReference } from '../../kb';
import { leadingSpaceLength, trailingSpaceStart, type BuildkitDirective, type BuildkitError, type BuildkitInstruction } from './buildkit';
import { parseInstructions, type ParsedInstruction, type ParsedInstructions } from './incremental';

/** Why a stage is taken to be Windows, shown in hover text and used by tests. */
export type WindowsEvidence = 'base-image' | 'platform-flag' | 'parent-stage';

/**
 * The SHELL in effect: a known command line, or unknown when inherited from a base image we cannot see.
 * A known one was set by a SHELL `instruction` (maybe in a stage this one builds on), or is the
 * default of the base `image` (its repository, without the tag).
 */
export type ShellState = { kind: 'known'; argv: readonly string[]; instruction?: DockerInstruction; image?: string } | { kind: 'unknown' };

export interface DockerInstruction {
  /** Upper case, as Docker treats keywords case-insensitively. */
  keyword: string;
  ast: Instruction;
  /** From the keyword to the end of the last line BuildKit counts as the instruction's. */
  range: Range;
  stage: Stage;
  /** SHELL in effect for this instruction's shell form. */
  shell: ShellState;
  /** Flags such as --chmod; empty for instructions that take none. */
  flags: InstructionFlag[];
  /** Arguments after the flags. */
  args: Argument[];
  /** The JSON array form (`["a", "b"]`) when the instruction is written that way and it parses. */
  execForm?: { values: string[]; ranges: Range[] };
  /**
   * A value computed from this instruction's own text alone, computed once: an instruction an edit
   * did not touch keeps its values across versions of the document.
   */
  memo<T>(key: string, compute: () => T): T;
  /**
   * A value that depends on where the instruction stands (its stage, the SHELL in effect), computed
   * once per parse: the next version of the document computes it again.
   */
  inParse<T>(key: string, compute: () => T): T;
}

export interface BaseImage {
  /** The image text after global ARG defaults are substituted. */
  text: string;
  ref: ImageReference;
  info: ImageInfo;
  /** Range of the image as written (possibly `${VAR}`). */
  range: Range;
  /** Range of the tag as written (`ltsc2022` or `${TAG}`). */
  tagRange?: Range;
  /** Range of the tag when it is written literally in the FROM line, so an edit can replace it. */
  literalTagRange?: Range;
  /** The global ARG whose default supplies the whole tag, when `FROM image:${TAG}`. */
  tagFromArg?: { name: string; valueRange: Range };
}

export interface Stage {
  index: number;
  name?: string;
  from: From;
  fromRange: Range;
  /** The image as written in the FROM line (possibly `${VAR}`, `scratch` or a stage name). */
  image?: { text: string; range: Range };
  /** Whether the FROM line has a --platform flag, whatever its value. */
  hasPlatformFlag: boolean;
  /** A previous stage this one builds on (`FROM build AS final`). */
  parent?: Stage;
  /** Resolved base image, undefined for stages on stages, `scratch` or unresolvable references. */
  base?: BaseImage;
  /** `--platform` value, when written literally. */
  platform?: { value: string; range: Range };
  os: StageOs;
  windowsEvidence?: WindowsEvidence;
  /** Windows build (e.g. 20348) the stage's base pins, when known; inherited through parent stages. */
  windowsBuild?: number;
  /** Base-image facts inherited through parent stages: the root image of the chain. */
  rootBase?: BaseImage;
  instructions: DockerInstruction[];
}

export interface DockerfileModel {
  escapeChar: string;
  /** Every instruction, in order: before the first FROM and in stages. */
  instructions: readonly PreambleInstruction[];
  directives: readonly BuildkitDirective[];
  /** Why the builder rejects the file, if it does. */
  error?: BuildkitError;
  /** The parse this model was built from, which the next version's parse reuses. */
  parsed: ParsedInstructions;
  stages: Stage[];
  /** ARGs before the first FROM: the only ones FROM lines can use. */
  globalArgs: Map<string, { value: string | undefined; valueRange?: Range }>;
  /** Instructions before the first FROM. */
  preamble: PreambleInstruction[];
}

/** The instructions whose flags the builder accepts (moby/buildkit frontend/dockerfile/instructions/parse.go). */
export const keywordsWithFlags: ReadonlySet<string> = new Set(['ADD', 'COPY', 'FROM', 'HEALTHCHECK', 'RUN']);

/** A `--name=value` flag: name and value as BuildKit reads them (quotes and escapes removed). */
export interface InstructionFlag {
  /** Lower case, as the builder matches flag names. */
  name: string;
  /** undefined for a flag without `=`. */
  value: string | undefined;
  range: Range;
  valueRange?: Range;
}

/** An instruction as BuildKit bounds it, whether or not it is in a stage. */
export interface PreambleInstruction {
  /** Upper case, as Docker treats keywords case-insensitively. */
  keyword: string;
  /** dockerfile-ast's reading of the logical line: its own ranges are not the file's. */
  ast: Instruction;
  range: Range;
  /** BuildKit's reading: its arguments are exact where dockerfile-ast's values are not (JSON strings). */
  buildkit: BuildkitInstruction;
  /** Arguments after the flags, with their ranges in the file. */
  readonly args: Argument[];
  /** Maps a range dockerfile-ast gives for this instruction's logical line onto the file. */
  fileRange(range: Range): Range;
}

/** `previous`, the model of the same document's last version, lets unchanged instructions be reused. */
export function parseDockerfile(text: string, previous?: DockerfileModel): DockerfileModel {
  const parsed = parseInstructions(text, previous?.parsed);
  const globalArgs = new Map<string, { value: string | undefined; valueRange?: Range }>();
  const stages: Stage[] = [];
  const preamble: PreambleInstruction[] = [];
  const byName = new Map<string, Stage>();
  let current: Stage | undefined;
  let shell: ShellState = { kind: 'unknown' };
  const finalShell = new Map<Stage, ShellState>();

  const instructions: PreambleInstruction[] = [];
  for (const read of parsed.instructions) {
    const keyword = read.buildkit.keyword.toUpperCase();
    if (keyword === 'FROM' || !current) {
      const bound = new BoundInstruction(read);
      instructions.push(bound);
      if (keyword === 'FROM') {
        if (current) finalShell.set(current, shell);
        current = createStage(bound, stages.length, globalArgs, byName);
        stages.push(current);
        if (current.name) byName.set(current.name.toLowerCase(), current);
        shell = (current.parent && finalShell.get(current.parent)) || initialShell(current);
      } else {
        preamble.push(bound);
        if (keyword === 'ARG') collectGlobalArg(bound, globalArgs);
      }
      continue;
    }
    const wrapped = new LazyInstruction(read, current, shell);
    instructions.push(wrapped);
    if (keyword === 'SHELL') {
      shell = wrapped.execForm ? { kind: 'known', argv: wrapped.execForm.values, instruction: wrapped } : shell;
      wrapped.shell = shell;
    }
    current.instructions.push(wrapped);
  }
  return { escapeChar: parsed.escapeChar, instructions, directives: parsed.directives, error: parsed.error, parsed, stages, globalArgs, preamble };
}

function collectGlobalArg(instruction: PreambleInstruction, globalArgs: DockerfileModel['globalArgs']): void {
  for (const arg of instruction.args) {
    const text = arg.getValue();
    const eq = text.indexOf('=');
    const name = eq >= 0 ? text.slice(0, eq) : text;
    if (!name) continue;
    if (eq < 0) {
      globalArgs.set(name, { value: undefined });
      continue;
    }
    const range = arg.getRange();
    const value = stripQuotes(text.slice(eq + 1));
    const valueStart = { line: range.start.line, character: range.start.character + eq + 1 };
    // The value range covers what the user typed, quotes included, so a fix replaces it whole.
    globalArgs.set(name, { value, valueRange: range.start.line === range.end.line ? { start: valueStart, end: range.end } : undefined });
  }
}

function stripQuotes(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return value.slice(1, -1);
  return value;
}

const maxExpandedLength = 4096;

const variablePattern = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Substitutes global ARG defaults the way the builder does for FROM; undefined when a variable has no value. */
export function expandArgs(text: string, args: DockerfileModel['globalArgs']): string | undefined {
  // No image reference is this long (a name is at most 255 characters); the pattern below rescans
  // an unclosed `${a:-${a:-...` from every `$`, which costs seconds on a line of thousands.
  if (text.length > maxExpandedLength) return undefined;
  let unresolved = false;
  const expanded = text.replace(variablePattern, (_match, braced: string | undefined, operator: string | undefined, word: string | undefined, plain: string | undefined) => {
    const name = (braced ?? plain)!;
    const value = args.get(name)?.value;
    const isSet = value !== undefined && value !== '';
    if (operator === ':-' || operator === '-') return isSet ? value! : (word ?? '');
    if (operator === ':+' || operator === '+') return isSet ? (word ?? '') : '';
    if (value === undefined) unresolved = true;
    return value ?? '';
  });
  return unresolved ? undefined : expanded;
}

/** What a FROM line says, read once per dockerfile-ast instruction: each of its getters re-reads the arguments. */
interface FromLine {
  name?: string;
  image?: { text: string; range: Range };
  tag?: { text: string; range: Range };
  platform?: { value?: string; range: Range };
}

function readFromLine(instruction: PreambleInstruction): FromLine {
  const from = instruction.ast as From;
  return memoFor(from, 'fromLine', () => {
    const imageText = from.getImage();
    const imageRange = from.getImageRange();
    const tagText = from.getImageTag();
    const tagRange = from.getImageTagRange();
    const platformFlag = readFlags(instruction).find((flag) => flag.name === 'platform');
    return {
      name: from.getBuildStage() ?? undefined,
      image: imageText && imageRange ? { text: imageText, range: instruction.fileRange(imageRange) } : undefined,
      tag: tagText && tagRange ? { text: tagText, range: instruction.fileRange(tagRange) } : undefined,
      platform: platformFlag ? { value: platformFlag.value, range: platformFlag.valueRange ?? platformFlag.range } : undefined,
    };
  });
}

function createStage(instruction: PreambleInstruction, index: number, globalArgs: DockerfileModel['globalArgs'], byName: Map<string, Stage>): Stage {
  const from = instruction.ast as From;
  const fromRange = instruction.range;
  const line = readFromLine(instruction);
  const stage: Stage = { index, name: line.name, from, fromRange, image: line.image, hasPlatformFlag: line.platform !== undefined, os: 'unknown', instructions: [] };

  const platformValue = line.platform?.value;
  if (line.platform && platformValue && !platformValue.includes('$')) {
    stage.platform = { value: platformValue, range: line.platform.range };
  }

  if (line.image) {
    const expanded = expandArgs(line.image.text, globalArgs);
    const parent = expanded !== undefined && !expanded.includes(':') && !expanded.includes('@') ? byName.get(expanded.toLowerCase()) : undefined;
    if (parent) {
      stage.parent = parent;
    } else if (expanded !== undefined) {
      const ref = parseImageReference(expanded);
      if (ref) stage.base = buildBase(line, expanded, ref, line.image.range, globalArgs);
    }
  }

  if (stage.parent) {
    stage.os = stage.parent.os;
    stage.windowsBuild = stage.parent.windowsBuild;
    stage.rootBase = stage.parent.rootBase;
    if (stage.os === 'windows') stage.windowsEvidence = 'parent-stage';
  } else if (stage.base) {
    stage.rootBase = stage.base;
    if (stage.base.info.os === 'windows') {
      stage.os = 'windows';
      stage.windowsEvidence = 'base-image';
      stage.windowsBuild = stage.base.info.build;
    } else if (stage.base.info.os === 'linux') {
      stage.os = 'linux';
    }
  }
  const platformOs = stage.platform?.value.split('/')[0]?.toLowerCase();
  if (platformOs === 'windows' && stage.os !== 'windows') {
    stage.os = 'windows';
    stage.windowsEvidence = 'platform-flag';
  } else if (platformOs === 'linux' && stage.os === 'unknown') {
    stage.os = 'linux';
  }
  return stage;
}

function buildBase(line: FromLine, text: string, ref: ImageReference, range: Range, globalArgs: DockerfileModel['globalArgs']): BaseImage {
  const base: BaseImage = { text, ref, info: describeImage(ref), range };
  if (line.tag) {
    base.tagRange = line.tag.range;
    if (!line.tag.text.includes('$')) {
      base.literalTagRange = line.tag.range;
    } else {
      const whole = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(line.tag.text);
      const name = whole?.[1] ?? whole?.[2];
      const arg = name ? globalArgs.get(name) : undefined;
      if (name && arg?.valueRange) base.tagFromArg = { name, valueRange: arg.valueRange };
    }
  }
  return base;
}

/**
 * Windows base OS images start with cmd, and so do the images whose Dockerfiles the KB has read;
 * any other base may have set its own SHELL, which we cannot see. A stage built on an earlier stage
 * starts with that stage's last SHELL (set by the caller).
 */
function initialShell(stage: Stage): ShellState {
  const base = stage.base;
  if (stage.parent || stage.os !== 'windows' || !base) return { kind: 'unknown' };
  const image = `${base.ref.registry}/${base.ref.repository}`;
  const { family, variant } = base.info;
  if (family?.isBaseOs === true) return { kind: 'known', argv: ['cmd', '/S', '/C'], image };
  const documented = family?.windowsShell;
  const documentedVariant = !documented?.variants || (variant !== undefined && documented.variants.includes(variant));
  if (documented && base.info.os === 'windows' && documentedVariant) return { kind: 'known', argv: documented.argv, image };
  return { kind: 'unknown' };
}

/** Values read from one dockerfile-ast instruction, kept as long as the instruction object is. */
const memos = new WeakMap<Instruction, Map<string, unknown>>();

function memoFor<T>(ast: Instruction, key: string, compute: () => T): T {
  let memo = memos.get(ast);
  if (!memo) memos.set(ast, (memo = new Map()));
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  memo.set(key, value);
  return value;
}

/**
 * An instruction with BuildKit's bounds and dockerfile-ast's arguments, mapped onto the file.
 * Arguments, flags and the exec form are read on first use: most rules read few instructions,
 * and reading them all up front was 40% of a 2,000-line Dockerfile's parse.
 */
class BoundInstruction implements PreambleInstruction {
  readonly keyword: string;
  readonly ast: Instruction;
  readonly range: Range;
  readonly buildkit: BuildkitInstruction;
  private readonly position: ParsedInstruction['position'];

  constructor(parsed: ParsedInstruction) {
    this.ast = parsed.ast;
    this.buildkit = parsed.buildkit;
    this.position = parsed.position;
    this.keyword = parsed.buildkit.keyword.toUpperCase();
    this.range = instructionRange(parsed);
  }

  fileRange(range: Range): Range {
    return { start: this.position(range.start.character, 'start'), end: this.position(range.end.character, 'end') };
  }

  memo<T>(key: string, compute: () => T): T {
    return memoFor(this.ast, key, compute);
  }

  /**
   * dockerfile-ast's words in what BuildKit reads as the arguments: every word (dockerfile-ast's
   * own getArguments leaves out what it takes for flags), less those in BuildKit's flags.
   */
  get args(): Argument[] {
    return this.memo('args', () =>
      Instruction.prototype.getArguments
        .call(this.ast)
        .filter((argument) => argument.getRange().start.character >= this.buildkit.restOffset)
        .map((argument) => new Argument(argument.getValue(), this.fileRange(argument.getRange()))),
    );
  }
}

/**
 * From the keyword to the end of its text; a heredoc's body, or the comment lines an instruction
 * left open at the end of the file swallows, to the end of BuildKit's last line.
 */
function instructionRange({ buildkit, text, position }: ParsedInstruction): Range {
  const keywordAt = leadingSpaceLength(buildkit.line);
  const start = position(keywordAt, 'start');
  if (buildkit.heredocs > 0 || buildkit.openAtEnd) return { start, end: { line: buildkit.end, character: text.length - text.lastIndexOf('\n') - 1 } };
  return { start, end: position(trailingSpaceStart(buildkit.line), 'end') };
}

class LazyInstruction extends BoundInstruction implements DockerInstruction {
  constructor(
    parsed: ParsedInstruction,
    readonly stage: Stage,
    public shell: ShellState,
  ) {
    super(parsed);
  }

  get flags(): InstructionFlag[] {
    return this.memo('flags', () => readFlags(this));
  }

  get execForm(): DockerInstruction['execForm'] {
    return this.memo('execForm', () => readExecForm(this));
  }

  /** Made on first use: few instructions are asked, and every keystroke makes them all anew. */
  private parseMemo?: Map<string, unknown>;

  inParse<T>(key: string, compute: () => T): T {
    const memo = (this.parseMemo ??= new Map());
    if (memo.has(key)) return memo.get(key) as T;
    const value = compute();
    memo.set(key, value);
    return value;
  }
}

/**
 * BuildKit's flags with dockerfile-ast's ranges. dockerfile-ast reads `--`, which ends the flags for
 * BuildKit, as one more flag, and nothing after it as flags. Only instructions that take flags
 * have them: BuildKit reads `--x` words after any keyword, and the build then fails on them.
 */
function readFlags(instruction: PreambleInstruction): InstructionFlag[] {
  const { ast, buildkit } = instruction;
  if (!keywordsWithFlags.has(instruction.keyword)) return [];
  const written = typeof (ast as Partial<JSONInstruction>).getFlags === 'function' ? (ast as JSONInstruction).getFlags() : [];
  const end = written.findIndex((flag) => flag.getName() === '');
  const flags = end < 0 ? written : written.slice(0, end);
  // dockerfile-ast splits some flags differently (an unterminated quote runs to the end of the line
  // for BuildKit): the names and values stay BuildKit's, the range is then the keyword's.
  const ranges = flags.length === buildkit.flags.length ? flags.map((flag) => ({ range: instruction.fileRange(flag.getRange()), valueRange: mapped(instruction, flag.getValueRange()) })) : undefined;
  const keyword = instruction.fileRange(ast.getInstructionRange());
  return buildkit.flags.map((word, i) => {
    const eq = word.indexOf('=');
    return {
      name: (eq < 0 ? word.slice(2) : word.slice(2, eq)).toLowerCase(),
      value: eq < 0 ? undefined : word.slice(eq + 1),
      ...(ranges?.[i] ?? { range: keyword }),
    };
  });
}

function mapped(instruction: PreambleInstruction, range: Range | null): Range | undefined {
  return range ? instruction.fileRange(range) : undefined;
}

/**
 * The strings are BuildKit's (JSON-decoded: dockerfile-ast's values lose their spaces), the ranges
 * dockerfile-ast's. HEALTHCHECK's first argument is its type (`CMD`), not part of the command.
 */
function readExecForm(instruction: PreambleInstruction): DockerInstruction['execForm'] {
  const { ast, buildkit } = instruction;
  if (!buildkit.json || typeof (ast as Partial<JSONInstruction>).getJSONStrings !== 'function') return undefined;
  const json = ast as JSONInstruction;
  if (!json.getOpeningBracket() || !json.getClosingBracket()) return undefined;
  const values = instruction.keyword === 'HEALTHCHECK' ? buildkit.args.slice(1) : buildkit.args;
  const strings = json.getJSONStrings();
  if (strings.length !== values.length) return undefined;
  return { values, ranges: strings.map((string) => instruction.fileRange(string.getRange())) };
}

/** The first line of the instruction that `line` belongs to (continuation lines included), or `line` itself. */
export function instructionStartLine(model: DockerfileModel, line: number): number {
  const { instructions } = model;
  let low = 0;
  let high = instructions.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const { range } = instructions[middle]!;
    if (line < range.start.line) high = middle - 1;
    else if (line > range.end.line) low = middle + 1;
    else return range.start.line;
  }
  return line;
}

/** The first word of a shell command line, lower-cased, without a path or .exe: "powershell", "cmd". */
export function shellProgram(shell: ShellState): string | undefined {
  if (shell.kind !== 'known' || shell.argv.length === 0) return undefined;
  const program = shell.argv[0]!.split(/[\\/]/).pop()!.toLowerCase();
  return program.endsWith('.exe') ? program.slice(0, -4) : program;
}
