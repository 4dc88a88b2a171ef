import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/text';
import { collectSuppressions, isSuppressed, parseIgnoreAnnotation } from '../../server/src/engine/suppressions';

describe('suppression comments', () => {
  it('apply to the next line that is not blank or a comment', () => {
    const lines = new LineIndex('# wincontainers-ignore a/x, a/y\n\n# other comment\nFROM x\nRUN y\n#wincontainers-ignore\nRUN z\n');
    const suppressions = collectSuppressions(lines);
    assert.ok(isSuppressed(suppressions, 'a/x', 3));
    assert.ok(isSuppressed(suppressions, 'a/y', 3));
    assert.ok(!isSuppressed(suppressions, 'a/z', 3));
    assert.ok(!isSuppressed(suppressions, 'a/x', 4));
    assert.ok(isSuppressed(suppressions, 'anything/else', 6), 'no id = every rule');
  });

  it('reads the object annotation', () => {
    assert.deepEqual(parseIgnoreAnnotation('a/x, b/y'), new Set(['a/x', 'b/y']));
    assert.deepEqual(parseIgnoreAnnotation('all'), new Set(['*']));
    assert.equal(parseIgnoreAnnotation(undefined), undefined);
  });
});
