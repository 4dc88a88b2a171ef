// The part of a Dockerfile that decides its stages: the parser directives, ARG and FROM. Everything
// else is blanked (line breaks kept, so every position is unchanged) before parsing for the
// workspace index, which only needs each stage's base image: RUN lines are most of a Dockerfile's
// text and most of dockerfile-ast's parse time.

const directive = /^\s*#\s*escape\s*=\s*(\S)/i;

/**
 * undefined when the text holds a heredoc (`<<EOF`): its body is not an instruction, yet a line of
 * it could read as one here, so such a file is parsed whole.
 */
export function stagesOnly(text: string): string | undefined {
  if (text.includes('<<')) return undefined;
  const lines = text.split(/(\r\n|\r|\n)/);
  let escapeChar = '\\';
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const match = directive.exec(line);
    if (match) escapeChar = match[1]!;
    if (!/^\s*#/.test(line)) break;
  }
  let continuing = false;
  let keep = true;
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i]!;
    const trimmed = line.trim();
    // Comments inside an instruction do not end it; blank lines neither (the builder skips them).
    if (trimmed.startsWith('#') || trimmed === '') {
      if (continuing && !keep) lines[i] = '';
      continue;
    }
    if (!continuing) keep = /^(?:from|arg)(?:\s|$)/i.test(trimmed);
    if (!keep) lines[i] = '';
    continuing = line.trimEnd().endsWith(escapeChar);
  }
  return lines.join('');
}
