// A Dockerfile that `docker build` rejects before it builds anything: BuildKit's parser stops on it
// (an unterminated heredoc, a repeated or invalid parser directive, `ENV` or `LABEL` without a
// value, a JSON array of non-strings), or its instruction parser does not know an instruction.
// Such a file is never reported as having no problems: the finding says where the builder stops.
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/parser/parser.go
// https://github.com/moby/buildkit/blob/master/frontend/dockerfile/instructions/parse.go
import type { LineIndex } from '../../core/text';
import { defineRule, type Range } from '../../engine/types';
import { knownInstructions, leadingSpaceLength, trailingSpaceStart } from '../../languages/dockerfile/buildkit';
import type { DockerfileModel } from '../../languages/dockerfile/model';

export default defineRule({
  id: 'dockerfile/syntax',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    // BuildKit's parser rejects the file whatever OS it builds for.
    scope: 'any',
    defaultSeverity: { cli: 'error', editor: 'warning' },
    description: 'A Dockerfile that docker build rejects as it reads it: where BuildKit\'s parser stops, and instructions it does not know.',
    messages: {
      parseError: '`docker build` stops here: {{error}}. The rest of the file is not checked.',
      unknownInstruction: '`{{keyword}}` is not a Dockerfile instruction: `docker build` stops with "unknown instruction: {{keyword}}".',
      afterEscapedEscape:
        '`{{keyword}}` is not a Dockerfile instruction: `docker build` stops with "unknown instruction: {{keyword}}". The line before ends in `{{escape}}{{escape}}`, an escaped escape character, which ends that instruction instead of continuing it: to continue it, end the line with a single `{{escape}}` after a space.',
    },
    fixable: false,
    hasSuggestions: false,
    sources: [
      'https://github.com/moby/buildkit/blob/master/frontend/dockerfile/parser/parser.go',
      'https://github.com/moby/buildkit/blob/master/frontend/dockerfile/instructions/parse.go',
      'https://docs.docker.com/reference/dockerfile/#parser-directives',
    ],
  },
  create(context) {
    return {
      dockerfile(model) {
        if (!readByDockerfileFrontend(model)) return;
        if (model.error && !model.error.empty) {
          context.report({ range: lineRange(context.lines, model.error.line), messageId: 'parseError', data: { error: model.error.message } });
          return;
        }
        const unknown = firstUnknownInstruction(model);
        if (!unknown) return;
        const previous = unknown.range.start.line > 0 ? context.lines.lineText(unknown.range.start.line - 1).replace(/[ \t]+$/, '') : '';
        const escaped = previous.endsWith(model.escapeChar.repeat(2));
        context.report({ range: unknown.range, messageId: escaped ? 'afterEscapedEscape' : 'unknownInstruction', data: { keyword: unknown.keyword, escape: model.escapeChar } });
      },
    };
  },
});

/**
 * `# syntax=` names the BuildKit front end that reads the file. Only Docker's Dockerfile front end
 * (and its -upstream builds) reads it as Dockerfile syntax; another front end (dockerfile-x's
 * INCLUDE, a private one) has syntax of its own, so nothing is said about it.
 */
function readByDockerfileFrontend(model: DockerfileModel): boolean {
  const syntax = model.directives.find((directive) => directive.name === 'syntax');
  if (!syntax) return true;
  return /^(?:docker\.io\/)?docker\/dockerfile(?:-upstream)?(?:[:@]\S*)?$/i.test(syntax.value.split(' ')[0]!);
}

/** The first instruction, or ONBUILD trigger, whose keyword the builder does not know, and where its keyword is written. */
function firstUnknownInstruction(model: DockerfileModel): { keyword: string; range: Range } | undefined {
  for (const instruction of model.instructions) {
    const { buildkit } = instruction;
    // An ONBUILD's trigger is the instruction BuildKit read from the rest of its line, after any flags.
    const trigger = buildkit.keyword.toUpperCase() === 'ONBUILD' ? buildkit.child : undefined;
    const keyword = trigger ? trigger.keyword : buildkit.keyword;
    if ((buildkit.keyword.toUpperCase() === 'ONBUILD' && !trigger) || knownInstructions.has(keyword.toUpperCase())) continue;
    // Offsets in BuildKit's logical line, which may join a keyword written over several lines.
    const at = trigger ? buildkit.restOffset : leadingSpaceLength(buildkit.line);
    return { keyword, range: instruction.fileRange({ start: { line: 0, character: at }, end: { line: 0, character: at + keyword.length } }) };
  }
  return undefined;
}

function lineRange(lines: LineIndex, line: number): Range {
  const text = lines.lineText(line);
  const start = leadingSpaceLength(text);
  return { start: { line, character: start }, end: { line, character: Math.max(start, trailingSpaceStart(text)) } };
}
