// Where each instruction of a Dockerfile starts and ends, read the way BuildKit reads it
// (moby/buildkit frontend/dockerfile/parser: Parse, processLine, trimContinuationCharacter,
// heredocsFromLine, splitCommand and the line parsers), so that every rule, the hover, the
// workspace summaries and the incremental parse see the builder's instructions. `docker build`
// and the classic Windows builder import the same parser package.
//
// One deliberate difference: a lone CR ends a line here, as it does in the editor (VS Code also
// normalises line endings when it opens a file); BuildKit splits lines at LF only.

export interface BuildkitDirective {
  /** Lower case: `escape`, `syntax` or `check`. */
  name: string;
  value: string;
  line: number;
}

export interface BuildkitInstruction {
  /** As written: BuildKit matches keywords case-insensitively. */
  keyword: string;
  /** 0-based lines: the first line, and the last one BuildKit counts (heredoc bodies included). */
  start: number;
  end: number;
  /** The file ends while the instruction still continues: BuildKit drops that last continuation character. */
  openAtEnd: boolean;
  flags: string[];
  /** Arguments as BuildKit's line parser produces them (the `Next` chain of its node). */
  args: string[];
  /** The logical line after the keyword and flags: what the line parser reads the arguments from. */
  rest: string;
  /** Where `rest` starts in the logical line (its length when there is no rest). */
  restOffset: number;
  /** Written as a JSON array (exec form). */
  json: boolean;
  /** ONBUILD's instruction. */
  child?: Node;
  heredocs: number;
  /** The logical line: continuation characters removed, continuation lines appended. */
  line: string;
  /** Where each part of the logical line is written: offsets in `line` to lines and characters of the file. */
  pieces: LinePiece[];
}

export interface LinePiece {
  line: number;
  character: number;
  /** Where the piece starts in the logical line. */
  offset: number;
  length: number;
}

export interface BuildkitError {
  message: string;
  /** BuildKit's "file with no instructions": nothing in the file to check. */
  empty?: true;
  /** 0-based line where the builder reports it. */
  line: number;
}

export interface BuildkitParse {
  escapeChar: string;
  directives: BuildkitDirective[];
  instructions: BuildkitInstruction[];
  /** Lines of continuation (0-based) that are empty, which BuildKit warns about. */
  emptyContinuationLines: number[];
  /** Set when the builder rejects the file; instructions then hold what was read before it. */
  error?: BuildkitError;
}

/**
 * Go's unicode.IsSpace (JavaScript's \s lacks U+0085 and adds U+FEFF). Tested by character code, not
 * with regular expressions: an unanchored `[...]+$` rescans a long run of spaces from every position.
 */
function isGoSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0x85) return false;
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** Go's regexp \s, as in the directive pattern: ASCII only, without \v. */
function isRegexpSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

/** How many characters of white space (Go's) the text starts with. */
export function leadingSpaceLength(text: string): number {
  let i = 0;
  while (i < text.length && isGoSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Where the text's trailing white space (Go's) starts. */
export function trailingSpaceStart(text: string): number {
  let end = text.length;
  while (end > 0 && isGoSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** BuildKit's reWhitespace. */
const asciiWhitespace = /[\t\v\f\r ]+/;
/** A directive's name and `=`; the value is what follows, up to trailing white space (see `directiveValue`). */
const directiveName = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=/;
const knownDirectives = new Set(['syntax', 'escape', 'check']);
const heredocStart = /^(\d*)<<(-?)/;
const heredocKeywords = new Set(['add', 'copy', 'run']);

/** Every instruction the builder knows (moby/buildkit frontend/dockerfile/command), upper case. */
export const knownInstructions: ReadonlySet<string> = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** The white space BuildKit trims before a keyword, as spaces: what dockerfile-ast skips. */
export function spacesForLeadingWhitespace(text: string): string {
  const leading = leadingSpaceLength(text);
  return leading === 0 ? text : ' '.repeat(leading) + text.slice(leading);
}

export function isBlank(text: string): boolean {
  return trimSpace(text) === '';
}

function trimLeft(text: string): string {
  const leading = leadingSpaceLength(text);
  return leading === 0 ? text : text.slice(leading);
}

function trimSpace(text: string): string {
  const left = trimLeft(text);
  return left.slice(0, trailingSpaceStart(left));
}

/**
 * The value of `(.+?)[\t\n\f\r ]*$` after a directive's `=` and the white space after it: the
 * rest without its trailing white space, or, when the rest is only white space, its last character
 * (the lazy group must take one); undefined when nothing follows.
 */
function directiveValue(afterEquals: string): string | undefined {
  let start = 0;
  while (start < afterEquals.length && isRegexpSpace(afterEquals.charCodeAt(start))) start++;
  let end = afterEquals.length;
  while (end > start && isRegexpSpace(afterEquals.charCodeAt(end - 1))) end--;
  if (end > start) return afterEquals.slice(start, end);
  return afterEquals.length > 0 ? afterEquals[afterEquals.length - 1] : undefined;
}

function isComment(line: string): boolean {
  return trimLeft(line).startsWith('#');
}

class Directives {
  escapeChar = '\\';
  continuation = continuationPattern('\\');
  readonly found: BuildkitDirective[] = [];
  private done = false;
  private readonly seen = new Set<string>();

  /** BuildKit's possibleParserDirective: directives end at the first line that is not one. */
  read(line: string, index: number): void {
    if (this.done) return;
    if (!line.startsWith('#')) {
      this.done = true;
      return;
    }
    const body = trimLeft(line.slice(1));
    const match = directiveName.exec(body);
    const name = match?.[1]!.toLowerCase();
    const value = match ? directiveValue(body.slice(match[0].length)) : undefined;
    if (!match || value === undefined || !knownDirectives.has(name!)) {
      this.done = true;
      return;
    }
    if (this.seen.has(name!)) throw new ParseError(`only one ${name} parser directive can be used`, index);
    this.seen.add(name!);
    if (name === 'escape') {
      if (value !== '`' && value !== '\\') throw new ParseError(`invalid escape token '${value}' does not match \` or \\`, index);
      this.escapeChar = value;
      this.continuation = continuationPattern(value);
    }
    this.found.push({ name: name!, value, line: index });
  }
}

class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** BuildKit's lineContinuationRegex: the escape character ends the line, unless another one precedes it. */
function continuationPattern(escape: string): RegExp {
  const e = escape === '\\' ? '\\\\' : escape;
  return new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
}

function trimContinuation(line: string, directives: Directives): { text: string; ends: boolean } {
  let last = line.length - 1;
  while (last >= 0 && (line[last] === ' ' || line[last] === '\t')) last--;
  if (last < 0 || line[last] !== directives.escapeChar) return { text: line, ends: true };
  const match = directives.continuation.exec(line);
  if (!match) return { text: line, ends: true };
  return { text: line.slice(0, match.index) + (match[1] ?? ''), ends: false };
}

const lineBreak = /\r\n|\r|\n/g;

/** The file's lines without their line breaks; a final line break starts no line. */
export function dockerfileLines(text: string): string[] {
  const lines = text.split(lineBreak);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * `previous`, the parse of the same document's last version: the arguments of an instruction whose
 * logical line is unchanged are not read again.
 */
export function parseBuildkit(text: string, previous?: { escapeChar: string; instructions: readonly BuildkitInstruction[] }): BuildkitParse {
  const known = new Map<string, BuildkitInstruction>();
  for (const instruction of previous?.instructions ?? []) known.set(instruction.line, instruction);
  const escapeBefore = previous?.escapeChar;
  const lines = dockerfileLines(text);
  const bom = lines[0]?.startsWith('\ufeff') ? 1 : 0;
  if (bom) lines[0] = lines[0]!.slice(1);
  const directives = new Directives();
  const instructions: BuildkitInstruction[] = [];
  const emptyContinuationLines: number[] = [];
  const result = (): BuildkitParse => ({ escapeChar: directives.escapeChar, directives: directives.found, instructions, emptyContinuationLines });
  let index = 0;
  try {
    while (index < lines.length) {
      const start = index;
      const first = trimLeft(lines[index]!);
      directives.read(first, index);
      index++;
      let { text: logical, ends } = trimContinuation(first.charCodeAt(0) === 35 /* # */ ? '' : first, directives);
      if (ends && logical.length === 0) continue;
      const pieces: LinePiece[] = [{ line: start, character: lines[start]!.length - first.length + (start === 0 ? bom : 0), offset: 0, length: logical.length }];
      while (!ends && index < lines.length) {
        const raw = lines[index]!;
        directives.read(raw, index);
        index++;
        if (isComment(raw)) continue;
        if (trimLeft(raw).length === 0) {
          emptyContinuationLines.push(index - 1);
          continue;
        }
        const next = trimContinuation(raw, directives);
        pieces.push({ line: index - 1, character: 0, offset: logical.length, length: next.text.length });
        logical += next.text;
        ends = next.ends;
      }
      const node: Node = (directives.escapeChar === escapeBefore ? known.get(logical) : undefined) ?? readInstruction(logical, directives, start);
      // Written out, not spread: a spread copy was most of the time of this loop.
      const { keyword, flags, rest, restOffset, args, json, child } = node;
      const instruction: BuildkitInstruction = { keyword, flags, rest, restOffset, args, json, child, start, end: index - 1, openAtEnd: !ends, heredocs: 0, line: logical, pieces };
      instructions.push(instruction);
      if (canContainHeredoc(node) && logical.includes('<<')) {
        for (const heredoc of heredocsFromLine(logical)) {
          let terminated = false;
          while (index < lines.length) {
            const candidate = heredoc.chomp ? lines[index]!.replace(/^\t+/, '') : lines[index]!;
            index++;
            if (candidate === heredoc.name) {
              terminated = true;
              break;
            }
          }
          if (!terminated) throw new ParseError('unterminated heredoc', start);
          instruction.heredocs++;
        }
        instruction.end = index - 1;
      }
    }
    if (instructions.length === 0) return { ...result(), error: { message: 'file with no instructions', empty: true, line: Math.max(0, lines.length - 1) } };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return { ...result(), error: { message: error.message, line: error.line } };
  }
  return result();
}

interface Node {
  keyword: string;
  flags: string[];
  rest: string;
  restOffset: number;
  args: string[];
  json: boolean;
  /** ONBUILD's instruction. */
  child?: Node;
}

/** BuildKit's newNodeFromLine: keyword, flags and the arguments its line parser makes of the rest. */
function readInstruction(line: string, directives: Directives, lineIndex: number): Node {
  const leading = line.length - trimLeft(line).length;
  const trimmed = trimSpace(line);
  const split = asciiWhitespace.exec(trimmed);
  const keyword = split ? trimmed.slice(0, split.index) : trimmed;
  let flags: string[] = [];
  let rest = '';
  let restOffset = line.length;
  if (split) {
    const afterKeyword = trimmed.slice(split.index + split[0].length);
    const extracted = extractBuilderFlags(afterKeyword, directives.escapeChar);
    flags = extracted.flags;
    rest = trimSpace(extracted.rest);
    if (rest !== '') restOffset = leading + split.index + split[0].length + (afterKeyword.length - extracted.rest.length) + (extracted.rest.length - trimLeft(extracted.rest).length);
  }
  const parsed = parseArguments(keyword.toLowerCase(), rest, directives, lineIndex);
  return { keyword, flags, rest, restOffset, args: parsed.args, json: parsed.json, child: parsed.child };
}

function parseArguments(keyword: string, rest: string, directives: Directives, lineIndex: number): Omit<Node, 'keyword' | 'flags' | 'rest' | 'restOffset'> {
  const plain = (args: string[]): Omit<Node, 'keyword' | 'flags' | 'rest' | 'restOffset'> => ({ args, json: false });
  switch (keyword) {
    case 'add':
    case 'copy':
    case 'volume':
      return jsonOr(rest, lineIndex) ?? plain(splitWhitespace(rest));
    case 'cmd':
    case 'entrypoint':
    case 'run':
    case 'shell':
      if (rest === '') return plain([]);
      return jsonOr(rest, lineIndex) ?? plain([rest]);
    case 'arg':
      return plain(parseWords(rest, directives.escapeChar));
    case 'env':
    case 'label':
      return plain(parseNameValue(rest, keyword === 'env' ? 'ENV' : 'LABEL', directives.escapeChar, lineIndex));
    case 'expose':
    case 'from':
      return plain(splitWhitespace(rest));
    case 'maintainer':
    case 'stopsignal':
    case 'user':
    case 'workdir':
      return plain(rest === '' ? [] : [rest]);
    case 'healthcheck':
      return parseHealthcheck(rest, lineIndex);
    case 'onbuild': {
      if (rest === '') return plain([]);
      // BuildKit's node for ONBUILD holds its instruction as a child of one empty argument.
      return { args: [''], json: false, child: readInstruction(rest, directives, lineIndex) };
    }
    default:
      return plain(['']);
  }
}

function splitWhitespace(rest: string): string[] {
  return rest === '' ? [] : rest.split(/[\t\v\f\r ]+/);
}

/** parseJSON: a JSON array of strings; undefined when the text is not a JSON array at all. */
function jsonOr(rest: string, lineIndex: number): Omit<Node, 'keyword' | 'flags' | 'rest' | 'restOffset'> | undefined {
  const text = trimLeft(rest);
  if (!text.startsWith('[')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  if (!value.every((item) => typeof item === 'string')) throw new ParseError('when using JSON array syntax, arrays must be comprised of strings only', lineIndex);
  return { args: value as string[], json: true };
}

function parseHealthcheck(rest: string, lineIndex: number): Omit<Node, 'keyword' | 'flags' | 'rest' | 'restOffset'> {
  let separator = 0;
  while (separator < rest.length && !isGoSpace(rest.charCodeAt(separator))) separator++;
  let next = separator;
  while (next < rest.length && isGoSpace(rest.charCodeAt(next))) next++;
  if (separator === 0) return { args: [], json: false };
  const command = rest.slice(next);
  const parsed = command === '' ? { args: [], json: false } : (jsonOr(command, lineIndex) ?? { args: [command], json: false });
  return { args: [rest.slice(0, separator), ...parsed.args], json: parsed.json };
}

/** parseNameVal: `KEY name value` or `KEY a=b c=d`, each pair followed by its separator. */
function parseNameValue(rest: string, key: string, escapeChar: string, lineIndex: number): string[] {
  const words = parseWords(rest, escapeChar);
  if (words.length === 0) return [];
  if (!words[0]!.includes('=')) {
    const split = asciiWhitespace.exec(rest);
    if (!split) throw new ParseError(`${key} must have two arguments`, lineIndex);
    return [rest.slice(0, split.index), rest.slice(split.index + split[0].length), ''];
  }
  return words.flatMap((word) => {
    const eq = word.indexOf('=');
    if (eq < 0) throw new ParseError(`Syntax error - can't find = in ${JSON.stringify(word)}. Must be of the form: name=value`, lineIndex);
    return [word.slice(0, eq), word.slice(eq + 1), '='];
  });
}

/** parseWords: space-separated words, quotes and escapes kept in the words. */
function parseWords(rest: string, escapeChar: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  let blankOk = false;
  const chars = [...rest];
  for (let pos = 0; pos < chars.length; pos++) {
    let ch = chars[pos]!;
    if (!inWord && quote === undefined) {
      if (isGoSpace(ch.charCodeAt(0))) continue;
      inWord = true;
    }
    if (quote === undefined) {
      if (isGoSpace(ch.charCodeAt(0))) {
        if (blankOk || word.length > 0) words.push(word);
        word = '';
        blankOk = false;
        inWord = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
      }
      if (ch === escapeChar) {
        if (pos + 1 === chars.length) continue;
        word += ch;
        ch = chars[++pos]!;
      }
      word += ch;
      continue;
    }
    if (ch === quote) quote = undefined;
    else if (ch === escapeChar && quote !== "'") {
      if (pos + 1 === chars.length) {
        quote = undefined;
        continue;
      }
      word += ch;
      ch = chars[++pos]!;
    }
    word += ch;
  }
  if (inWord && (blankOk || word.length > 0)) words.push(word);
  return words;
}

/**
 * extractBuilderFlags: leading `--name=value` words; the rest of the line after them. BuildKit
 * walks the line byte by byte, so a flag's non-ASCII character becomes one character per byte.
 */
function extractBuilderFlags(text: string, escapeChar: string): { flags: string[]; rest: string } {
  // Most lines are ASCII, where bytes and characters are the same.
  if (/^[\x00-\x7f]*$/.test(text)) return extractFlagBytes(text, escapeChar);
  const { flags, rest } = extractFlagBytes(Buffer.from(text, 'utf8').toString('latin1'), escapeChar);
  return { flags, rest: Buffer.from(rest, 'latin1').toString('utf8') };
}

function extractFlagBytes(line: string, escapeChar: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let word = '';
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = '';
  let blankOk = false;
  for (let pos = 0; pos <= line.length; pos++) {
    let ch = pos < line.length ? line[pos]! : '';
    if (phase === 'spaces') {
      if (pos === line.length) break;
      if (isGoSpace(ch.charCodeAt(0))) continue;
      if (ch !== '-' || pos + 1 === line.length || line[pos + 1] !== '-') return { flags, rest: line.slice(pos) };
      phase = 'word';
    }
    if (pos === line.length) {
      if (word !== '--' && (blankOk || word.length > 0)) flags.push(word);
      break;
    }
    if (phase === 'word') {
      if (isGoSpace(ch.charCodeAt(0))) {
        phase = 'spaces';
        if (word === '--') return { flags, rest: line.slice(pos) };
        if (blankOk || word.length > 0) flags.push(word);
        word = '';
        blankOk = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
        phase = 'quote';
        continue;
      }
      if (ch === escapeChar) {
        if (pos + 1 === line.length) continue;
        ch = line[++pos]!;
      }
      word += ch;
      continue;
    }
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    if (ch === escapeChar) {
      if (pos + 1 === line.length) {
        phase = 'word';
        continue;
      }
      ch = line[++pos]!;
    }
    word += ch;
  }
  return { flags, rest: '' };
}

function canContainHeredoc(node: Node): boolean {
  const target = node.keyword.toLowerCase() === 'onbuild' && node.child ? node.child : node;
  return heredocKeywords.has(target.keyword.toLowerCase()) && !target.json;
}

interface Heredoc {
  name: string;
  chomp: boolean;
}

/**
 * heredocsFromLine: the words of the line (quotes and escapes kept) that read as `<<NAME`,
 * `<<-NAME` or `3<<NAME`; the name is the word with its quotes removed.
 */
function heredocsFromLine(line: string): Heredoc[] {
  const heredocs: Heredoc[] = [];
  for (const word of shellWords(line, true)) {
    // `^(\d*)<<(-?)\s*([^<]*)$`, without the regular expression's quadratic backtracking.
    const match = heredocStart.exec(word);
    const rest = match ? word.slice(match[0].length).replace(/^[\t\n\f\r ]+/, '') : '';
    if (!match || rest.length === 0 || rest.includes('<')) continue;
    const names = shellWords(rest, false);
    if (names.length !== 1) continue;
    heredocs.push({ name: names[0]!, chomp: match[2] === '-' });
  }
  return heredocs;
}

/**
 * The words the shell lexer (escape `\`, as BuildKit fixes it for heredocs) splits text into, or
 * none when it fails (an unterminated quote or `${`).
 */
function shellWords(text: string, raw: boolean): string[] {
  if (text.lastIndexOf('${') > text.lastIndexOf('}')) return [];
  const words: string[] = [];
  let word = '';
  let started = false;
  for (let pos = 0; pos < text.length; pos++) {
    const ch = text[pos]!;
    // The lexer splits words at any Unicode white space (a no-break space pasted from a web page too).
    if (isGoSpace(ch.charCodeAt(0))) {
      if (started) words.push(word);
      word = '';
      started = false;
      continue;
    }
    started = true;
    // processPossibleHeredoc: `<<` keeps the white space after it in the word, so `<< EOF` is one word.
    if (ch === '<' && text[pos + 1] === '<') {
      const space = /^[ \t\r]*/.exec(text.slice(pos + 2))![0];
      word += '<<' + space;
      pos += 1 + space.length;
      continue;
    }
    if (ch === '\\') {
      if (raw) word += ch;
      if (pos + 1 < text.length) word += text[++pos];
      continue;
    }
    if (ch === "'" || ch === '"') {
      // In double quotes a backslash escapes `"`, `$` and itself; single quotes escape nothing.
      const close = ch === "'" ? text.indexOf("'", pos + 1) : closingDoubleQuote(text, pos + 1);
      // The lexer fails on an unterminated quote, and BuildKit then finds no words at all.
      if (close < 0) return [];
      const inner = text.slice(pos + 1, close);
      word += raw ? ch + inner + ch : ch === '"' ? inner.replace(/\\(["\\$])/g, '$1') : inner;
      pos = close;
      continue;
    }
    word += ch;
  }
  if (started) words.push(word);
  return words;
}

function closingDoubleQuote(text: string, from: number): number {
  for (let pos = from; pos < text.length; pos++) {
    if (text[pos] === '"') return pos;
    if (text[pos] === '\\' && '"$\\'.includes(text[pos + 1] ?? '\n')) pos++;
  }
  return -1;
}
