// The index parses closed Dockerfiles for their stages only; that must give exactly the summary a
// full parse gives, or files would be judged differently once opened.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stagesOnly } from '../../server/src/languages/dockerfile/stages-only';
import { corpusRoot, withoutCorpus } from '../helpers/shared';
import { assertSummaryAsWhenOpen, filesOfKind } from '../helpers/workspace';

const corpus = join(corpusRoot, 'real-world');

describe('stages-only parse of Dockerfiles', () => {
  const cases: Record<string, string> = {
    'continuations and comments inside RUN': 'ARG TAG=ltsc2022\nFROM mcr.microsoft.com/windows/servercore:${TAG} AS build\nRUN echo a \\\n# a comment\n\n  FROM b \\\n  done\nFROM build\n',
    'backtick escape, a path ending a line': '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:1809\nRUN Write-Host `\n    FROM x\nCOPY a c:\\\nFROM mcr.microsoft.com/windows/servercore:ltsc2019\n',
    'default escape trap joins COPY and the next line': 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a c:\\\nFROM ubuntu\n',
    'CRLF and lowercase keywords': 'arg BASE=mcr.microsoft.com/windows/servercore:ltsc2025\r\nfrom ${BASE}\r\nrun dir\r\n',
    'ARG with continuation': 'ARG TAG=\\\nltsc2022\nFROM mcr.microsoft.com/windows/servercore:${TAG}\n',
    'platform flag': 'FROM --platform=windows/amd64 contoso/base:1\nRUN x\n',
  };
  for (const [name, text] of Object.entries(cases)) it(name, () => assertSummaryAsWhenOpen('/w/Dockerfile', text));

  it('blanks heredoc bodies with their instruction, and leaves a file the builder rejects to the full parse', () => {
    assert.equal(stagesOnly('FROM x\nRUN <<EOF\nFROM y\nEOF\n'), 'FROM x\n\n\n\n');
    assertSummaryAsWhenOpen('/w/Dockerfile', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN <<EOF\nFROM ubuntu\nEOF\n');
    assert.equal(stagesOnly('FROM x\nRUN <<EOF\nFROM y\n'), undefined);
  });

  it('keeps an instruction that follows a line ending in an escaped backslash', () => {
    assert.equal(stagesOnly('COPY a C:\\\\\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n'), '\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n');
    assertSummaryAsWhenOpen('/w/Dockerfile', 'FROM ubuntu AS tools\nCOPY a C:\\\\\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n');
  });

  it('gives the full parse\'s summary on every Dockerfile of the corpus', { skip: withoutCorpus }, () => {
    const files = filesOfKind(corpus, 'dockerfile');
    assert.ok(files.length > 200);
    for (const file of files) assertSummaryAsWhenOpen(file, readFileSync(file, 'utf8'));
  });
});
