import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, LineIndex, minimalEdit } from '../../server/src/core/text';

describe('LineIndex', () => {
  it('maps offsets and positions for LF, CRLF and CR line breaks', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `ab${eol}cde${eol}`;
      const lines = new LineIndex(text);
      assert.equal(lines.lineCount, 3);
      assert.deepEqual(lines.position(2 + eol.length + 1), { line: 1, character: 1 });
      assert.equal(lines.offset({ line: 1, character: 3 }), 2 + eol.length + 3);
      assert.equal(lines.lineText(1), 'cde');
      assert.equal(lines.eol, eol);
      // A character past the end of a line is clamped to the line's end, never into the break.
      assert.equal(lines.offset({ line: 0, character: 99 }), 2);
    }
  });

  it('puts an offset between the \\r and \\n of a line break at the end of the line, not past it', () => {
    assert.deepEqual(new LineIndex('ab\r\ncd').position(3), { line: 0, character: 2 });
  });
});

describe('edits', () => {
  it('applies edits in any order and rejects overlaps', () => {
    const text = 'FROM a:latest\nRUN x\n';
    const result = applyEdits(text, [
      { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, newText: 'y' },
      { range: { start: { line: 0, character: 7 }, end: { line: 0, character: 13 } }, newText: 'ltsc2022' },
    ]);
    assert.equal(result, 'FROM a:ltsc2022\nRUN y\n');
    assert.throws(() =>
      applyEdits(text, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } }, newText: '' },
        { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 7 } }, newText: '' },
      ]),
    );
  });

  it('minimalEdit turns one text into another with one small edit', () => {
    const before = 'a\nb\nc\n';
    const after = 'a\nbb\nc\n';
    const edit = minimalEdit(before, after)!;
    assert.equal(applyEdits(before, [edit]), after);
    assert.equal(edit.newText, 'b');
    assert.equal(minimalEdit(before, before), undefined);
  });

  it('minimalEdit never cuts a CRLF in two', () => {
    const before = 'a\r\nb\r\n';
    const after = 'a\r\nx\r\nb\r\n';
    const edit = minimalEdit(before, after)!;
    assert.equal(applyEdits(before, [edit]), after);
    const lines = new LineIndex(before);
    for (const position of [edit.range.start, edit.range.end]) assert.ok(position.character <= lines.lineText(position.line).length);
  });
});
