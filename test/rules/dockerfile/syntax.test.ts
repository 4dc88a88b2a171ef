import rule from '../../../server/src/rules/dockerfile/syntax';
import { runRuleTests } from '../../helpers/rule-tester';

const servercore = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n';

runRuleTests(rule, {
  valid: [
    { name: 'a path ending in an escaped backslash, before another instruction', code: `${servercore}COPY a.dll C:\\\\Windows\\\\System32\\\\\nRUN dir\n` },
    { name: 'keywords in any case, ONBUILD triggers', code: 'from ubuntu:24.04\nrun echo hi\nONBUILD copy . /app\nhealthcheck NONE\nMaintainer me\n' },
    { name: 'a heredoc whose body holds words that are not instructions', code: 'FROM ubuntu:24.04\nRUN <<EOF\nset -e\napt-get update\nEOF\n' },
    { name: 'parser directives, each once', code: `# syntax=docker/dockerfile:1\n# escape=\`\n${servercore}RUN dir \`\n  C:\\\n` },
    { name: 'another BuildKit front end, with syntax of its own', code: '# syntax=devthefuture/dockerfile-x\nFROM ubuntu:24.04\nINCLUDE ./common.dockerfile\n' },
    { name: 'a no-break space before a heredoc word, as BuildKit splits words', code: 'FROM ubuntu:24.04\nCOPY <<EOF\u00a0/dst\nhello\nEOF\n' },
    { name: 'ONBUILD with flags before its trigger', code: 'FROM ubuntu:24.04\nONBUILD --x RUN y\n' },
        { name: 'an empty file and a file of comments (docker build refuses them; there is nothing to check)', code: '# nothing yet\n' },
  ],
  invalid: [
    {
      name: 'the line after an escaped backslash stands alone, as an unknown instruction',
      code: `${servercore}COPY ["C:\\\\\\\\Program Files\\\\\n\\\\Go", "C:/Go"]\nRUN dir\n`,
      errors: [{ messageId: 'afterEscapedEscape', line: 3, column: 1, endColumn: 7, data: { keyword: '\\\\Go",' } }],
    },
    {
      name: 'a syntax directive naming the Dockerfile front end reads the file as a Dockerfile',
      code: '# syntax=docker/dockerfile:1.7\nFROM ubuntu:24.04\nINCLUDE ./common.dockerfile\n',
      errors: [{ messageId: 'unknownInstruction', line: 3, column: 1, endColumn: 8 }],
    },
    {
      name: 'a misspelt instruction, in a Linux Dockerfile too',
      code: 'FROM ubuntu:24.04\nRUNN apt-get update\nCOPY . /app\nFOO bar\n',
      errors: [{ messageId: 'unknownInstruction', line: 2, column: 1, endColumn: 5 }],
    },
    {
      name: 'a keyword written over two lines, as BuildKit joins them',
      code: 'FROM ubuntu:24.04\nCO\\\nPYY a b\n',
      errors: [{ messageId: 'unknownInstruction', line: 2, column: 1, endLine: 3, endColumn: 4, data: { keyword: 'COPYY' } }],
    },
    {
      name: 'an ONBUILD trigger that is not an instruction',
      code: `${servercore}ONBUILD COPYY . C:/app\n`,
      errors: [{ messageId: 'unknownInstruction', line: 2, column: 9, endColumn: 14 }],
    },
    {
      name: 'an unterminated heredoc',
      code: 'FROM ubuntu:24.04\nRUN <<EOF\necho hi\n',
      errors: [{ messageId: 'parseError', line: 2, column: 1, endColumn: 10, data: { error: 'unterminated heredoc' } }],
    },
    {
      name: 'a parser directive written twice',
      code: `# escape=\`\n# escape=\\\n${servercore}`,
      errors: [{ messageId: 'parseError', line: 2, column: 1, endColumn: 11, data: { error: 'only one escape parser directive can be used' } }],
    },
    {
      name: 'an escape directive with another character',
      code: `# escape=/\n${servercore}`,
      errors: [{ messageId: 'parseError', line: 1, column: 1, endColumn: 11, data: { error: "invalid escape token '/' does not match ` or \\" } }],
    },
    {
      name: 'ENV with a name and no value',
      code: `${servercore}ENV PATH\n`,
      errors: [{ messageId: 'parseError', line: 2, column: 1, endColumn: 9, data: { error: 'ENV must have two arguments' } }],
    },
    {
      name: 'a JSON array of numbers',
      code: `${servercore}CMD ["app.exe", 80]\n`,
      errors: [{ messageId: 'parseError', line: 2, column: 1, endColumn: 20, data: { error: 'when using JSON array syntax, arrays must be comprised of strings only' } }],
    },
  ],
});
