// The Dockerfile escape character is `\`, which is also the Windows path separator. A path that
// ends a line (`COPY app.txt c:\`) escapes the line break and swallows the next line into the
// instruction; a JSON exec form with single backslashes is not valid JSON, so Docker silently runs
// it as shell form (`cmd /S /C ["c:\app\run.exe"]`), and `\t` or `\n` in it become a tab or a newline.
// https://docs.docker.com/reference/dockerfile/#escape
// https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-docker/manage-windows-dockerfile
import { Keyword } from 'dockerfile-ast';
import { LineIndex } from '../../core/text';
import { defineRule, type Fix, type Range, type TextEdit } from '../../engine/types';
import { textOf } from '../../languages/dockerfile/edits';
import type { DockerfileModel, DockerInstruction } from '../../languages/dockerfile/model';

/** Instructions whose arguments Docker passes on without processing escapes (except at line ends). */
const unescapedKeywords = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK']);
/** Instructions whose paths may use forward slashes instead: Docker normalises them on Windows. */
const pathKeywords = new Set(['COPY', 'ADD', 'WORKDIR', 'VOLUME']);
/** A Windows path at the end of a line that ends in `\`: a drive (`c:\`) or at least two separators. */
const trailingPath = /(?:^|\s)((?:[A-Za-z]:\\|[^\s\\"'`]*\\)(?:[^\s\\"'`]*\\)*)[ \t]*$/;

export default defineRule({
  id: 'dockerfile/windows-escape-character',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'error',
    description: 'Backslashes in Windows paths clash with the Dockerfile escape character: at a line end and in JSON exec forms.',
    messages: {
      trailingBackslash:
        'The `\\` that ends `{{path}}` is the escape character here: it joins the next line onto this instruction. Write the path with forward slashes, or make the backtick the escape character (parser directive # escape=` on the first line).',
      invalidJson:
        'Single backslashes make this exec form invalid JSON, so Docker runs it as a shell command line instead (`cmd /S /C [...]`). Double the backslashes or use forward slashes.',
      controlEscape:
        '`{{escape}}` in this JSON string is read as a control character, not as a path separator. Double the backslashes or use forward slashes.',
    },
    fixable: true,
    hasSuggestions: true,
    sources: [
      'https://docs.docker.com/reference/dockerfile/',
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-docker/manage-windows-dockerfile',
    ],
  },
  create(context) {
    const lines = context.lines;
    let traps: Trap[] = [];
    /** One edit for the whole file, offered with every trap. */
    let directive: Fix | undefined;
    return {
      dockerfile(parsed) {
        traps = parsed.escapeChar === '\\' ? parsed.stages.filter((s) => s.os === 'windows').flatMap((s) => s.instructions.flatMap((i) => trailingPaths(lines, i))) : [];
        directive = traps.length > 0 ? escapeDirectiveFix(lines, parsed, traps) : undefined;
      },
      instruction(instruction: DockerInstruction) {
        // Only the first trap of an instruction is certain: the lines after it belong to it only because of it.
        for (const trap of traps.filter((t) => t.instruction === instruction).slice(0, 1)) {
          const suggest: Fix[] = [];
          // Either fix makes the swallowed line stand on its own: only worth it when that line is an instruction.
          if (pathKeywords.has(instruction.keyword) && trap.swallowsInstruction) {
            suggest.push({ title: 'Use forward slashes', edits: [{ range: trap.range, newText: trap.path.replace(/\\/g, '/') }] });
          }
          if (directive) suggest.push(directive);
          context.report({ range: trap.range, messageId: 'trailingBackslash', data: { path: trap.path }, suggest });
        }
        checkJson(instruction, lines, context.report.bind(context));
      },
    };
  },
});

/** A Windows path whose `\` continues the line. */
interface Trap {
  instruction: DockerInstruction;
  range: Range;
  path: string;
  /** Whether the line it joins on starts an instruction, which a fix would give back. */
  swallowsInstruction: boolean;
}

/** Lines of the instruction, except its last, that end in a Windows path whose `\` continues the line. */
function trailingPaths(lines: LineIndex, instruction: DockerInstruction): Trap[] {
  const found: Trap[] = [];
  for (let line = instruction.range.start.line; line < instruction.range.end.line; line++) {
    const text = lines.lineText(line);
    if (/^\s*#/.test(text)) continue;
    const match = trailingPath.exec(text);
    const path = match?.[1];
    if (!match || !path || !(/^[A-Za-z]:\\/.test(path) || (path.match(/\\/g) ?? []).length >= 2)) continue;
    const start = match.index + match[0].indexOf(path);
    found.push({ instruction, path, range: { start: { line, character: start }, end: { line, character: start + path.length } }, swallowsInstruction: startsInstruction(lines, line + 1) });
  }
  return found;
}

const instructionStart = new RegExp(`^\\s*(?:${Object.values(Keyword).join('|')})(?:\\s|$)`, 'i');

/**
 * `# escape=\`` with every line continuation turned into a backtick, offered only when no other
 * backslash in the file is an escape (outside RUN, CMD and other unprocessed text, Docker reads
 * `\x` as an escaped `x`, and that would change meaning), and when every line a trailing path
 * swallows starts an instruction: with the directive that line stands on its own, which for
 * `c:\` followed by `; Remove-Item ...` would be an instruction named `;`.
 */
function escapeDirectiveFix(lines: LineIndex, model: DockerfileModel, traps: readonly Trap[]): Fix | undefined {
  if (model.directives.some((d) => d.name === 'escape')) return undefined;
  if (/<<-?["']?\w/.test(lines.text)) return undefined;
  if (!traps.every((trap) => trap.swallowsInstruction)) return undefined;
  const edits: TextEdit[] = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# escape=`' + lines.eol }];
  const instructions = [...model.preamble.map(({ keyword, range }) => ({ keyword, range, exec: false })), ...model.stages.flatMap((s) => [
    { keyword: 'FROM', range: s.fromRange, exec: false },
    ...s.instructions.map((i) => ({ keyword: i.keyword, range: i.range, exec: i.execForm !== undefined })),
  ])];
  for (const { keyword, range, exec } of instructions) {
    for (let line = range.start.line; line <= range.end.line; line++) {
      const text = lines.lineText(line);
      if (line > range.start.line && /^\s*#/.test(text)) continue;
      const continuation = line < range.end.line ? /\\[ \t]*$/.exec(text) : null;
      const body = continuation ? text.slice(0, continuation.index) : text;
      if (!unescapedKeywords.has(keyword) && !exec && body.includes('\\')) return undefined;
      if (!continuation || traps.some((t) => t.range.start.line === line)) continue;
      edits.push({ range: { start: { line, character: continuation.index }, end: { line, character: continuation.index + 1 } }, newText: '`' });
    }
  }
  return { title: 'Use ` as the escape character', edits };
}

/** Whether the first line from `line` on that Docker does not skip in a continuation (blank, comment) starts an instruction; true at the end of the file. */
function startsInstruction(lines: LineIndex, line: number): boolean {
  for (; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (text.trim() === '' || /^\s*#/.test(text)) continue;
    return instructionStart.test(text);
  }
  return true;
}

type Reporter = (report: { range: Range; messageId: 'invalidJson' | 'controlEscape'; data?: Record<string, string>; fix?: Fix }) => void;

/** JSON exec forms: single backslashes that break the JSON or turn into control characters. */
function checkJson(instruction: DockerInstruction, lines: LineIndex, report: Reporter): void {
  const first = instruction.args[0]?.getRange();
  const last = instruction.args[instruction.args.length - 1]?.getRange();
  if (!first || !last || first.start.line !== last.end.line) return;
  const argsRange = { start: first.start, end: last.end };
  const raw = textOf(lines, argsRange);
  if (!/^\[\s*"/.test(raw) || !/"\s*\]$/.test(raw)) return;
  const strings = [...raw.matchAll(/"((?:[^"\\]|\\.)*)"/g)];
  const valid = isJson(raw);
  const edits: TextEdit[] = [];
  let firstBad: { range: Range; escape?: string } | undefined;
  let ambiguous = false;
  for (const string of strings) {
    const content = string[1]!;
    const bad = [...content.matchAll(/\\(u[0-9a-fA-F]{4}|.)/g)].filter((m) => {
      const next = m[1]!;
      if (next === '\\' || next === '/' || next.length === 5) return false;
      if (next === '"') {
        ambiguous = true;
        return false;
      }
      // b, f, n, r, t are valid JSON but, in a Windows path, a separator the author meant literally.
      return !valid || (/^[bfnrt]$/.test(next) && /^[A-Za-z]:\\/.test(content));
    });
    if (bad.length === 0) continue;
    const start = argsRange.start.character + string.index!;
    const range = { start: { line: argsRange.start.line, character: start }, end: { line: argsRange.start.line, character: start + string[0].length } };
    firstBad ??= { range, escape: valid ? `\\${bad[0]![1]}` : undefined };
    edits.push({ range, newText: `"${content.replace(/\\(u[0-9a-fA-F]{4}|\\|.)/g, (m, next: string) => (next === '\\' || next.length === 5 ? m : `\\\\${next}`))}"` });
  }
  if (!firstBad) return;
  const fix: Fix | undefined = ambiguous ? undefined : { title: 'Double the backslashes', edits };
  if (firstBad.escape) report({ range: firstBad.range, messageId: 'controlEscape', data: { escape: firstBad.escape }, fix });
  else report({ range: firstBad.range, messageId: 'invalidJson', fix });
}

function isJson(raw: string): boolean {
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) && parsed.every((v) => typeof v === 'string');
  } catch {
    return false;
  }
}
