// The part of a Dockerfile that decides its stages: the parser directives, ARG and FROM. Every
// other instruction, as BuildKit bounds it (continuation lines and heredoc bodies included), is
// blanked (line breaks kept, so every position is unchanged) before parsing for the workspace
// index, which only needs each stage's base image: RUN lines are most of a Dockerfile's text and
// most of dockerfile-ast's parse time.
import { parseBuildkit } from './buildkit';

const lineBreak = /(\r\n|\r|\n)/;

/** undefined when the builder rejects the file: the full parse then says why. */
export function stagesOnly(text: string): string | undefined {
  const { instructions, error } = parseBuildkit(text);
  if (error) return undefined;
  const parts = text.split(lineBreak);
  for (const instruction of instructions) {
    const keyword = instruction.keyword.toUpperCase();
    if (keyword === 'FROM' || keyword === 'ARG') continue;
    for (let line = instruction.start; line <= instruction.end; line++) parts[line * 2] = '';
  }
  return parts.join('');
}
