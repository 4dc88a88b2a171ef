// Positions, ranges and edits, LSP-shaped (0-based line, UTF-16 character) so the server passes
// them through untouched; offsets <-> positions, and applying edits. Line breaks are \n, \r\n and
// \r, as in LSP.
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export class LineIndex {
  private readonly lineStarts: number[] = [0];
  /** How many lines end with each kind of line break. */
  private readonly breaks: { crlf: number; lf: number; cr: number };

  constructor(readonly text: string) {
    let crlf = 0;
    let lf = 0;
    let cr = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) {
          i++;
          crlf++;
        } else {
          cr++;
        }
        this.lineStarts.push(i + 1);
      } else if (ch === 10) {
        lf++;
        this.lineStarts.push(i + 1);
      }
    }
    this.breaks = { crlf, lf, cr };
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset inside a \r\n (after the \r) is the end of the line, as in the LSP text document.
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.lineStarts[low]! };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  offset(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[Math.max(0, position.line)]!;
    return Math.min(lineStart + position.character, this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The line break most lines of the file end with, so inserted lines match them. */
  get eol(): string {
    const { crlf, lf, cr } = this.breaks;
    if (crlf > lf && crlf >= cr) return '\r\n';
    return cr > lf ? '\r' : '\n';
  }
}

/** Applies non-overlapping edits; throws on overlap, which would mean a rule produced a broken fix. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((edit) => ({ start: lines.offset(edit.range.start), end: lines.offset(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) throw new Error('overlapping edits');
    result += text.slice(cursor, span.start) + span.newText;
    cursor = span.end;
  }
  return result + text.slice(cursor);
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** The smallest single edit that turns `before` into `after`: keeps the editor's cursor and undo sane. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never split a \r\n: a position between its two characters does not exist in LSP.
  if (prefix > 0 && before[prefix - 1] === '\r' && before[prefix] === '\n') prefix--;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && before[before.length - suffix] === '\n' && before[before.length - suffix - 1] === '\r') suffix--;
  const lines = new LineIndex(before);
  return { range: lines.range(prefix, before.length - suffix), newText: after.slice(prefix, after.length - suffix) };
}
