// A Dockerfile as rules see it: stages with their resolved base image and whether they build a
// Windows image, instructions with the SHELL in effect, and exact ranges from dockerfile-ast.
import type { Argument, From, Instruction, JSONInstruction } from 'dockerfile-ast';
import { describeImage, parseImageReference, type ImageInfo, type ImageReference } from '../../kb';
import type { Range } from '../../engine/types';
import type { BuildkitDirective, BuildkitError, BuildkitInstruction } from './buildkit';
import { parseInstructions, type ParsedInstruction, type ParsedInstructions } from './incremental';

export type StageOs = 'windows' | 'linux' | 'unknown';

/** Why a stage is taken to be Windows, shown in hover text and used by tests. */
export type WindowsEvidence = 'base-image' | 'platform-flag' | 'parent-stage';

/** The SHELL in effect: a known command line, or unknown when inherited from a base image we cannot see. */
export type ShellState = { kind: 'known'; argv: string[]; instruction?: DockerInstruction } | { kind: 'unknown' };

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
  /** The file could not be read as BuildKit reads it within a bounded time; it has no instructions. */
  tooComplex?: true;
  /** The parse this model was built from, which the next version's parse reuses. */
  parsed: ParsedInstructions;
  stages: Stage[];
  /** ARGs before the first FROM: the only ones FROM lines can use. */
  globalArgs: Map<string, { value: string | undefined; valueRange?: Range }>;
  /** Instructions before the first FROM. */
  preamble: PreambleInstruction[];
}

/** A `--name=value` flag: name and value as BuildKit reads them (quotes and escapes removed). */
export interface InstructionFlag {
  /** Lower case, as the builder matches flag names. */
  name: string;
  /** undefined for a flag without `=`. */
  value: string | undefined;
  range: Range;
  valueRange?: Range;
}

/** An instruction as BuildKit bounds it, before or outside any stage's reading of it. */
export interface PreambleInstruction {
  keyword: string;
  ast: Instruction;
  range: Range;
  /** BuildKit's reading: its arguments are exact where dockerfile-ast's values are not (JSON strings). */
  buildkit: BuildkitInstruction;
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

  const instructions = parsed.instructions.map(boundInstruction);
  for (const bound of instructions) {
    const { keyword, ast: instruction } = bound;
    if (keyword === 'FROM') {
      if (current) finalShell.set(current, shell);
      current = createStage(bound, stages.length, globalArgs, byName);
      stages.push(current);
      if (current.name) byName.set(current.name.toLowerCase(), current);
      shell = (current.parent && finalShell.get(current.parent)) || initialShell(current);
      continue;
    }
    if (!current) {
      preamble.push(bound);
      if (keyword === 'ARG') collectGlobalArg(instruction, globalArgs);
      continue;
    }
    const wrapped = new LazyInstruction(bound, current, shell);
    if (keyword === 'SHELL') {
      shell = wrapped.execForm ? { kind: 'known', argv: wrapped.execForm.values, instruction: wrapped } : shell;
      wrapped.shell = shell;
    }
    current.instructions.push(wrapped);
  }
  return { escapeChar: parsed.escapeChar, instructions, directives: parsed.directives, error: parsed.error, tooComplex: parsed.tooComplex, parsed, stages, globalArgs, preamble };
}

/**
 * BuildKit's bounds with dockerfile-ast's start: the keyword (after any lines holding only the
 * escape character) to the end of BuildKit's last line, which for an instruction left open at the
 * end of the file is the last comment line it swallowed.
 */
function boundInstruction({ buildkit, ast, text }: ParsedInstruction): PreambleInstruction {
  const astRange = ast.getRange();
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  const end = astRange.end.line === buildkit.end ? astRange.end : { line: buildkit.end, character: lastLine.length };
  return { keyword: buildkit.keyword.toUpperCase(), ast, range: { start: astRange.start, end }, buildkit };
}

function collectGlobalArg(instruction: Instruction, globalArgs: DockerfileModel['globalArgs']): void {
  for (const arg of instruction.getArguments()) {
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

const variablePattern = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Substitutes global ARG defaults the way the builder does for FROM; undefined when a variable has no value. */
export function expandArgs(text: string, args: DockerfileModel['globalArgs']): string | undefined {
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

function readFromLine(from: From, buildkit: BuildkitInstruction): FromLine {
  return memoFor(from, 'fromLine', () => {
    const imageText = from.getImage();
    const imageRange = from.getImageRange();
    const tagText = from.getImageTag();
    const tagRange = from.getImageTagRange();
    const platformFlag = readFlags(from, buildkit).find((flag) => flag.name === 'platform');
    return {
      name: from.getBuildStage() ?? undefined,
      image: imageText && imageRange ? { text: imageText, range: imageRange } : undefined,
      tag: tagText && tagRange ? { text: tagText, range: tagRange } : undefined,
      platform: platformFlag ? { value: platformFlag.value, range: platformFlag.valueRange ?? platformFlag.range } : undefined,
    };
  });
}

function createStage({ ast, range: fromRange, buildkit }: PreambleInstruction, index: number, globalArgs: DockerfileModel['globalArgs'], byName: Map<string, Stage>): Stage {
  const from = ast as From;
  const line = readFromLine(from, buildkit);
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
 * Windows base OS images start with cmd; any other base may have set its own SHELL, which we cannot
 * see. A stage built on an earlier stage starts with that stage's last SHELL (set by the caller).
 */
function initialShell(stage: Stage): ShellState {
  if (stage.parent) return { kind: 'unknown' };
  const family = stage.base?.info.family;
  if (stage.os === 'windows' && family?.isBaseOs === true) return { kind: 'known', argv: ['cmd', '/S', '/C'] };
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
 * Arguments, flags and the exec form come from dockerfile-ast on first use: most rules read few
 * instructions, and reading them all up front was 40% of a 2,000-line Dockerfile's parse.
 */
class LazyInstruction implements DockerInstruction {
  readonly ast: Instruction;
  readonly keyword: string;
  readonly range: Range;
  private readonly buildkit: BuildkitInstruction;

  constructor(
    bound: PreambleInstruction,
    readonly stage: Stage,
    public shell: ShellState,
  ) {
    this.ast = bound.ast;
    this.keyword = bound.keyword;
    this.range = bound.range;
    this.buildkit = bound.buildkit;
  }

  memo<T>(key: string, compute: () => T): T {
    return memoFor(this.ast, key, compute);
  }

  get flags(): InstructionFlag[] {
    return this.memo('flags', () => readFlags(this.ast, this.buildkit));
  }

  get args(): Argument[] {
    return this.memo('args', () => this.ast.getArguments());
  }

  get execForm(): DockerInstruction['execForm'] {
    return this.memo('execForm', () => readExecForm(this.ast, this.buildkit));
  }
}

/**
 * BuildKit's flags with dockerfile-ast's ranges. dockerfile-ast reads `--`, which ends the flags for
 * BuildKit, as one more flag, and nothing after it as flags.
 */
function readFlags(ast: Instruction, buildkit: BuildkitInstruction): InstructionFlag[] {
  if (typeof (ast as Partial<JSONInstruction>).getFlags !== 'function') return [];
  const written = (ast as JSONInstruction).getFlags();
  const end = written.findIndex((flag) => flag.getName() === '');
  const flags = end < 0 ? written : written.slice(0, end);
  if (flags.length !== buildkit.flags.length) return [];
  return flags.map((flag, i) => {
    const word = buildkit.flags[i]!;
    const eq = word.indexOf('=');
    return {
      name: (eq < 0 ? word.slice(2) : word.slice(2, eq)).toLowerCase(),
      value: eq < 0 ? undefined : word.slice(eq + 1),
      range: flag.getRange(),
      valueRange: flag.getValueRange() ?? undefined,
    };
  });
}

/**
 * The strings are BuildKit's (JSON-decoded: dockerfile-ast's values lose their spaces), the ranges
 * dockerfile-ast's. HEALTHCHECK's first argument is its type (`CMD`), not part of the command.
 */
function readExecForm(ast: Instruction, buildkit: BuildkitInstruction): DockerInstruction['execForm'] {
  if (!buildkit.json || typeof (ast as Partial<JSONInstruction>).getJSONStrings !== 'function') return undefined;
  const json = ast as JSONInstruction;
  if (!json.getOpeningBracket() || !json.getClosingBracket()) return undefined;
  const values = buildkit.keyword.toUpperCase() === 'HEALTHCHECK' ? buildkit.args.slice(1) : buildkit.args;
  const strings = json.getJSONStrings();
  if (strings.length !== values.length) return undefined;
  return { values, ranges: strings.map((s) => s.getRange()) };
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
