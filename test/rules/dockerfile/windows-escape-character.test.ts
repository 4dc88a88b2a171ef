import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/core/text';
import { resolveConfig } from '../../../server/src/engine/config';
import { analyze } from '../../../server/src/engine/runner';
import rule from '../../../server/src/rules/dockerfile/windows-escape-character';
import { runRuleTests, testToday } from '../../helpers/rule-tester';

const servercore = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n';

runRuleTests(rule, {
  valid: [
    { name: 'continuations after a space', code: `${servercore}RUN powershell -Command \\\n    Write-Host hi\n` },
    { name: 'a path ending in \\ under the backtick escape', code: `# escape=\`\n${servercore}COPY testfile.txt c:\\\nRUN dir c:\\\n` },
    { name: 'a path ending in \\ on the last line', code: `${servercore}WORKDIR C:/app\nCOPY a.txt c:\\temp\\` },
    { name: 'doubled backslashes in JSON', code: `${servercore}CMD ["C:\\\\app\\\\run.exe", "-x"]\nSHELL ["cmd", "/S", "/C"]\n` },
    { name: 'forward slashes in JSON', code: `${servercore}ENTRYPOINT ["C:/app/run.exe"]\n` },
    { name: 'PowerShell [Type]::Method() is not JSON', code: `${servercore}SHELL ["powershell", "-Command"]\nRUN [Environment]::SetEnvironmentVariable('Path', $env:Path + ';C:\\tools', 'Machine')\n` },
    { name: 'a Linux stage', code: 'FROM ubuntu:24.04\nRUN echo a\\\n  b\nCMD ["a\\b"]\n' },
    { name: '\\n in a string that is not a path', code: `${servercore}CMD ["powershell", "-Command", "Write-Host a\\nb"]\n` },
  ],
  invalid: [
    {
      // The path loses its `\`: Expand-Archive unpacks into `c:`, the current folder of drive C:.
      name: 'a path that ends a line: its backslash joins the next line onto the instruction',
      code: `${servercore}RUN powershell Expand-Archive a.zip -DestinationPath c:\\\n  ; Remove-Item a.zip\n`,
      errors: [{ messageId: 'trailingBackslash', line: 2, column: 54, endColumn: 57, data: { path: 'c:\\' } }],
    },
    {
      name: 'a destination that ends a line swallows the next instruction, which either suggestion gives back',
      code: `${servercore}COPY testfile.txt c:\\\nRUN dir\n`,
      errors: [
        {
          messageId: 'trailingBackslash',
          line: 2,
          column: 19,
          endColumn: 22,
          suggestions: [
            { title: 'Use forward slashes', output: `${servercore}COPY testfile.txt c:/\nRUN dir\n`, restoresInstructions: true },
            { title: 'Use ` as the escape character', output: `# escape=\`\n${servercore}COPY testfile.txt c:\\\nRUN dir\n`, restoresInstructions: true },
          ],
        },
      ],
    },
    {
      name: 'single backslashes: not JSON, so shell form; fixed by doubling',
      code: `${servercore}CMD ["C:\\app\\run.exe", "-x"]\n`,
      errors: [{ messageId: 'invalidJson', line: 2, column: 6, endColumn: 22 }],
      output: `${servercore}CMD ["C:\\\\app\\\\run.exe", "-x"]\n`,
    },
    {
      name: 'valid JSON whose \\t and \\n turn into control characters',
      code: `${servercore}RUN ["C:\\tools\\new.exe"]\n`,
      errors: [{ messageId: 'controlEscape', line: 2, column: 6, endColumn: 24, data: { escape: '\\t' } }],
      output: `${servercore}RUN ["C:\\\\tools\\\\new.exe"]\n`,
    },
    {
      name: 'every bad string is fixed, good ones are kept',
      code: `${servercore}ENTRYPOINT ["C:\\\\ok.exe", "C:\\data\\in", "C:\\logs"]\n`,
      errors: [{ messageId: 'invalidJson', line: 2, column: 27, endColumn: 39 }],
      output: `${servercore}ENTRYPOINT ["C:\\\\ok.exe", "C:\\\\data\\\\in", "C:\\\\logs"]\n`,
    },
    {
      name: 'an escaped quote makes the intent unclear: no fix',
      code: `${servercore}CMD ["C:\\app\\", "x\\"y"]\n`,
      errors: [{ messageId: 'invalidJson', line: 2, column: 6 }],
    },
  ],
});

describe('dockerfile/windows-escape-character: a path that ends a line', () => {
  const check = (text: string) => analyze({ uri: 'file:///w/Dockerfile', text }, { config: resolveConfig([]), today: testToday, rules: [rule] }).findings;

  it('reports the first path of the joined instruction, with forward slashes and the escape directive offered', () => {
    const text = `${servercore}COPY testfile.txt c:\\\nRUN dir c:\\\nRUN powershell -Command \\\n    Write-Host hi\n`;
    const findings = check(text);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.deepEqual(finding!.range, { start: { line: 1, character: 18 }, end: { line: 1, character: 21 } });
    assert.deepEqual(
      finding!.suggestions.map((s) => [s.title, applyEdits(text, s.edits)]),
      [
        ['Use forward slashes', `${servercore}COPY testfile.txt c:/\nRUN dir c:\\\nRUN powershell -Command \\\n    Write-Host hi\n`],
        ['Use ` as the escape character', `# escape=\`\n${servercore}COPY testfile.txt c:\\\nRUN dir c:\\\nRUN powershell -Command \`\n    Write-Host hi\n`],
      ],
    );
    // After forward slashes, the swallowed RUN is an instruction again and its own trap shows.
    const next = check(applyEdits(text, finding!.suggestions[0]!.edits));
    assert.deepEqual(next.map((f) => [f.range.start.line, f.suggestions.map((s) => s.title)]), [[2, ['Use ` as the escape character']]]);
  });

  it('keeps CRLF line ends in the inserted directive', () => {
    const text = `${servercore}COPY a.txt c:\\\r\nRUN dir\r\n`.replace(/(?<!\r)\n/g, '\r\n');
    const [finding] = check(text);
    assert.equal(applyEdits(text, finding!.suggestions[1]!.edits).split('\r\n')[0], '# escape=`');
  });

  it('offers no escape directive when another backslash is an escape', () => {
    const text = `${servercore}ENV GREETING=hello\\ world\nCOPY a.txt C:\\temp\\\nRUN dir\n`;
    const [finding] = check(text);
    assert.deepEqual(finding!.suggestions.map((s) => s.title), ['Use forward slashes']);
  });

  it('offers no escape directive when the swallowed line goes on with the command, as it would become an instruction of its own', () => {
    const text = `${servercore}RUN powershell Expand-Archive a.zip -DestinationPath c:\\\n  # unpacked\n  ; Remove-Item a.zip\nCOPY b.txt c:\\\nRUN dir\n`;
    const findings = check(text);
    assert.deepEqual(
      findings.map((f) => [f.range, f.suggestions.map((s) => s.title)]),
      [
        [{ start: { line: 1, character: 53 }, end: { line: 1, character: 56 } }, []],
        // The directive is one edit for the whole file: not offered here either.
        [{ start: { line: 4, character: 11 }, end: { line: 4, character: 14 } }, ['Use forward slashes']],
      ],
    );
    // An escaped backslash at the end of a line ends the instruction for BuildKit: nothing is swallowed.
    assert.deepEqual(check(`${servercore}COPY ["C:\\\\\\\\Program Files\\\\\n\\\\Go", "C:/Go"]\nRUN dir\n`), []);
    // The same trap before an instruction gets the directive.
    const [before] = check(`${servercore}RUN powershell Expand-Archive a.zip -DestinationPath c:\\\n  # unpacked\nRUN dir\n`);
    assert.deepEqual(before!.suggestions.map((s) => s.title), ['Use ` as the escape character']);
  });

  it('is silent for a backslash continuation after a word', () => {
    assert.deepEqual(check(`${servercore}RUN echo one\\\n  two\n`), []);
  });
});
