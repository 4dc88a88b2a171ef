// Docker does not substitute variables in RUN, CMD or ENTRYPOINT: the shell does. The default
// Windows shell is `cmd /S /C`, which expands `%NAME%` and passes `$NAME` through as literal text,
// so a `$VAR` copied from a Linux Dockerfile silently becomes the string "$VAR".
// https://docs.docker.com/reference/dockerfile/#environment-replacement
import { defineRule, type Fix } from '../../engine/types';
import { declaredVariables } from '../../languages/dockerfile/build';
import { commandsOf, isExecForm } from '../../languages/dockerfile/commands';
import { textOf } from '../../languages/dockerfile/edits';
import { shellProgram, type DockerInstruction, type Stage } from '../../languages/dockerfile/model';

/** Programs whose own syntax uses `$` (PowerShell's `$env:X`, sh's `$X`): their arguments are theirs. */
const dollarLanguages = /\b(?:powershell|pwsh|bash|sh|wsl)(?:\.exe)?\b/i;
const variable = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export default defineRule({
  id: 'dockerfile/cmd-variable-syntax',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'warning',
    description: 'Under the default Windows shell (cmd), `$VAR` is not expanded: write `%VAR%`.',
    messages: {
      dollar: '`{{text}}` is passed to cmd literally: Docker does not expand variables in {{keyword}}, and cmd only expands `%{{name}}%`.',
    },
    fixable: true,
    hasSuggestions: true,
    sources: ['https://docs.docker.com/reference/dockerfile/', 'https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/cmd'],
  },
  create(context) {
    const lines = context.lines;
    return {
      instruction(instruction: DockerInstruction, stage: Stage) {
        if (!['RUN', 'CMD', 'ENTRYPOINT'].includes(instruction.keyword)) return;
        if (isExecForm(instruction) || shellProgram(instruction.shell) !== 'cmd') return;
        if (commandsOf(instruction).some((c) => dollarLanguages.test(c.name)) || instruction.args.some((a) => dollarLanguages.test(a.getValue()))) return;
        let declared: Set<string> | undefined;
        for (const arg of instruction.args) {
          const range = arg.getRange();
          if (range.start.line !== range.end.line) continue;
          for (const match of textOf(lines, range).matchAll(variable)) {
            const name = (match[1] ?? match[3])!;
            const start = range.start.character + match.index!;
            const span = { start: { line: range.start.line, character: start }, end: { line: range.start.line, character: start + match[0].length } };
            const replacement: Fix | undefined = match[2] === undefined ? { title: `Write %${name}%`, edits: [{ range: span, newText: `%${name}%` }] } : undefined;
            // Only a variable the Dockerfile declares is certain to exist for cmd to expand.
            declared ??= declaredVariables(stage, instruction);
            const known = declared.has(name.toLowerCase());
            context.report({
              range: span,
              messageId: 'dollar',
              data: { text: match[0], keyword: instruction.keyword, name },
              fix: known ? replacement : undefined,
              suggest: !known && replacement ? [replacement] : [],
            });
          }
        }
      },
    };
  },
});
