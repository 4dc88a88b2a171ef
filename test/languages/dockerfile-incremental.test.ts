import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig } from '../../server/src/engine/config';
import { analyzeParsed, parse, type ParsedDocument } from '../../server/src/engine/runner';
import type { DockerfileModel } from '../../server/src/languages/dockerfile/model';
import { allRules } from '../../server/src/rules';
import { assertOverRandomEdits, describeFindings } from '../helpers/random-edits';
import { withoutCorpus } from '../helpers/shared';

const options = { rules: allRules, config: resolveConfig([{ config: { targetWindowsVersion: 'ltsc2022' }, origin: 'test' }]), today: new Date('2026-11-23T12:00:00Z') };
const uri = 'file:///w/Dockerfile';

/** Everything rules and editor features read from a model, as comparable text. */
function describeModel(model: DockerfileModel): unknown {
  return {
    escapeChar: model.escapeChar,
    directives: model.directives,
    error: model.error,
    globalArgs: [...model.globalArgs],
    preamble: model.preamble.map((i) => [i.keyword, i.range]),
    instructions: model.instructions.map((i) => [i.keyword, i.range, i.args.map((a) => [a.getValue(), a.getRange()])]),
    stages: model.stages.map((stage) => ({
      name: stage.name,
      os: stage.os,
      base: stage.base && { text: stage.base.text, range: stage.base.range, tag: stage.base.tagRange },
      image: stage.image,
      windowsBuild: stage.windowsBuild,
      instructions: stage.instructions.map((i) => ({
        keyword: i.keyword,
        range: i.range,
        shell: i.shell.kind === 'known' ? i.shell.argv : 'unknown',
        flags: i.flags,
        args: i.args.map((a) => [a.getValue(), a.getRange()]),
        execForm: i.execForm,
      })),
    })),
  };
}

function findingsOf(parsed: ParsedDocument): string[] {
  return describeFindings(analyzeParsed(parsed, options).findings);
}

/** Parses each version after the one before it and checks the result against a fresh parse. */
function assertSameAsFreshParse(versions: readonly string[]): ParsedDocument {
  let previous: ParsedDocument | undefined;
  for (const [index, text] of versions.entries()) {
    const reused = parse({ uri, text }, previous);
    const fresh = parse({ uri, text });
    assert.deepEqual(describeModel(reused.dockerfile!), describeModel(fresh.dockerfile!), `model of version ${index}:\n${text}`);
    assert.deepEqual(findingsOf(reused), findingsOf(fresh), `findings of version ${index}:\n${text}`);
    previous = reused;
  }
  return previous!;
}

const windows = 'FROM mcr.microsoft.com/windows/servercore:ltsc2019 AS build';

describe('Dockerfile parse reuse between versions', () => {
  it('re-reads only the edited instruction and keeps the others', () => {
    const before = `${windows}\nRUN apt-get update\nCOPY a.txt c:/app/\nRUN echo one\n`;
    const first = parse({ uri, text: before });
    const second = parse({ uri, text: before.replace('echo one', 'echo one two') }, first);
    const [oldFrom, oldRun, , oldEcho] = first.dockerfile!.instructions;
    const [newFrom, newRun, , newEcho] = second.dockerfile!.instructions;
    assert.equal(newFrom!.ast, oldFrom!.ast);
    assert.equal(newRun!.ast, oldRun!.ast);
    assert.notEqual(newEcho!.ast, oldEcho!.ast);
    assert.deepEqual(newEcho!.args.map((a) => a.getValue()), ['echo', 'one', 'two']);
  });

  it('follows edits that move instructions, join them by a continuation, or change the escape character', () => {
    // Enough instructions after the edits that re-parsing the edited ones is cheaper than the whole file.
    const filler = Array.from({ length: 12 }, (_, i) => `ENV V${i}=${i}`);
    const base = [windows, 'RUN apt-get update', 'COPY app.txt c:\\app\\', 'RUN echo one', 'FROM ubuntu:24.04', 'RUN apt-get install -y curl', ...filler, ''].join('\n');
    const versions = [
      base,
      // typing a new instruction one character at a time
      ...[...'RUN sh -c true'].map((_, n) => base.replace('RUN echo one\n', `RUN echo one\n${'RUN sh -c true'.slice(0, n + 1)}\n`)),
      // a continuation that swallows the next instruction, and its removal
      base.replace('RUN apt-get update', 'RUN apt-get update \\'),
      base.replace('RUN apt-get update', 'RUN apt-get update \\   '),
      base,
      // endings that look like a continuation to a line scan but not to dockerfile-ast
      base.replace('RUN apt-get update', 'RUN apt-get update \\ \\'),
      base.replace('RUN apt-get update', 'RUN apt-get update \\\u00a0'),
      base,
      // a comment and a blank line inside a continuation
      base.replace('RUN apt-get update', 'RUN apt-get update \\\n# note\n\n  && echo done'),
      // lines inserted and removed above
      `\n\n${base}`,
      base.replace('RUN apt-get update\n', ''),
      // the escape directive turns the trailing backslash into a path character
      `# escape=\`\n${base}`,
      `# escape=\`\n${base.replace('RUN echo one', 'RUN echo one `')}`,
      base.replace('\n', '\r\n'),
      base.replace(/\n/g, '\r\n'),
      `${base}RUN echo \\`,
    ];
    assertSameAsFreshParse(versions);
  });

  it('follows edits of a file with a heredoc, whose body is not instructions', () => {
    const withHeredoc = `${windows}\nRUN <<EOF\nRUN not-an-instruction\nEOF\nRUN echo after\n`;
    assertSameAsFreshParse([withHeredoc, withHeredoc.replace('after', 'later'), withHeredoc.replace('<<EOF', 'echo'), withHeredoc]);
  });

  it('gives what a fresh parse gives through random edits of the examples and generated Dockerfiles', () => {
    assertOverRandomEdits('dockerfile', 'project', assertSameAsFreshParse);
  });

  it('gives what a fresh parse gives through random edits of real-world Dockerfiles', { skip: withoutCorpus }, () => {
    assertOverRandomEdits('dockerfile', 'corpus', assertSameAsFreshParse);
  });
});
