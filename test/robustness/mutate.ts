// Random edits of the kind a half-typed, pasted or badly converted file contains, as fast-check
// arbitraries. Positions are drawn as fractions and mapped onto the text when applied, so one
// mutation list applies to any file and shrinks to a small, readable counterexample.
import fc from 'fast-check';

/** Characters that matter to the parsers: YAML and Dockerfile syntax, line breaks, NUL, tabs, non-ASCII. */
const interesting = ['\t', ' ', ':', '-', '#', '`', '\\', '"', "'", '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '$', '=', '\r', '\n', '\r\n', '\0', '\uFEFF', 'é', '😀', '\uD800'];

/** Lines worth inserting: each is meaningful to one of the parsers or rules. */
const insertedLines = [
  'FROM mcr.microsoft.com/windows/servercore:latest',
  'FROM mcr.microsoft.com/windows/nanoserver',
  'FROM microsoft/windowsservercore AS build',
  'RUN apt-get update && apt-get install -y curl',
  'SHELL ["powershell", "-Command"]',
  '# escape=`',
  'ARG TAG=ltsc2022',
  'FROM mcr.microsoft.com/windows/servercore:$TAG',
  '---',
  'kind: Pod',
  'spec:',
  '  nodeSelector:',
  '    kubernetes.io/os: windows',
  '  containers:',
  '  - image: mcr.microsoft.com/windows/servercore:latest',
  '    image: mcr.microsoft.com/windows/nanoserver',
  'anchor: &a {x: 1}',
  'alias: *a',
  '<<: *a',
  '{{ .Values.image }}',
  '\t',
  '',
];

export type Mutation =
  | { op: 'deleteLine'; at: number }
  | { op: 'duplicateLine'; at: number }
  | { op: 'swapLines'; at: number; with: number }
  | { op: 'insertLine'; at: number; line: string }
  | { op: 'deleteChars'; at: number; count: number }
  | { op: 'insertText'; at: number; text: string }
  | { op: 'duplicateChars'; at: number; count: number }
  | { op: 'indentWithTab'; at: number }
  | { op: 'lineEndings'; eol: '\r\n' | '\r' };

// Integers mapped to [0, 1): fc.double shrinks toward and over-samples tiny values (1e-300), which
// would put nearly every edit at the start of the file.
const position = fc.integer({ min: 0, max: 9999 }).map((n) => n / 10000);

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('deleteLine' as const), at: position }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: position }),
  fc.record({ op: fc.constant('swapLines' as const), at: position, with: position }),
  fc.record({ op: fc.constant('insertLine' as const), at: position, line: fc.constantFrom(...insertedLines) }),
  fc.record({ op: fc.constant('deleteChars' as const), at: position, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('insertText' as const), at: position, text: fc.oneof(fc.constantFrom(...interesting), fc.string({ maxLength: 4 })) }),
  fc.record({ op: fc.constant('duplicateChars' as const), at: position, count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('indentWithTab' as const), at: position }),
  fc.record({ op: fc.constant('lineEndings' as const), eol: fc.constantFrom('\r\n' as const, '\r' as const) }),
);

export function applyMutation(text: string, mutation: Mutation): string {
  const lines = text.split('\n');
  const lineAt = (fraction: number): number => Math.floor(fraction * lines.length);
  const offsetAt = (fraction: number): number => Math.floor(fraction * (text.length + 1));
  switch (mutation.op) {
    case 'deleteLine':
      lines.splice(lineAt(mutation.at), 1);
      return lines.join('\n');
    case 'duplicateLine': {
      const index = lineAt(mutation.at);
      lines.splice(index, 0, lines[index]!);
      return lines.join('\n');
    }
    case 'swapLines': {
      const [a, b] = [lineAt(mutation.at), lineAt(mutation.with)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'insertLine':
      lines.splice(lineAt(mutation.at), 0, mutation.line);
      return lines.join('\n');
    case 'indentWithTab': {
      const index = lineAt(mutation.at);
      lines[index] = lines[index]!.replace(/^( *)/, (spaces) => '\t'.repeat(Math.max(1, spaces.length >> 1)));
      return lines.join('\n');
    }
    case 'deleteChars': {
      const at = offsetAt(mutation.at);
      return text.slice(0, at) + text.slice(at + mutation.count);
    }
    case 'insertText': {
      const at = offsetAt(mutation.at);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'duplicateChars': {
      const at = offsetAt(mutation.at);
      return text.slice(0, at) + text.slice(at, at + mutation.count) + text.slice(at);
    }
    case 'lineEndings':
      return text.replace(/\r\n|\r|\n/g, mutation.eol);
  }
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyMutation, text);
}

/**
 * Edits where Dockerfile parsers disagree: escape characters and escaped escapes at line ends,
 * blank, comment and lone-escape lines inside continuations, parser directives, heredocs, flags
 * and exec forms. No lone CR (the model follows the editor there, BuildKit does not).
 */
const lineEndings = ['\\', '\\\\', '\\\\\\', ' \\', '\\ ', ' \\\\ ', '\\\t', '`', '``', ' `', 'C:\\', 'C:\\\\', ' c:\\', '#', ' # not a comment \\'];

const dockerfileLines = [
  '',
  '   ',
  '# comment',
  '# comment \\',
  '  # indented comment',
  '\\',
  '  \\  ',
  '`',
  '# escape=`',
  '# escape=\\',
  '#escape = `',
  '# syntax=docker/dockerfile:1',
  '# check=skip=all',
  'RUN <<EOF',
  'RUN <<-EOF cat > C:\\x.txt',
  'COPY <<A <<"B" /dst/',
  'EOF',
  '\tEOF',
  'A',
  'B',
  'RUN echo a \\',
  'RUN ["cmd", "/S", "/C", "echo a b"]',
  'CMD ["a", 1]',
  'ENV A=b \\',
  'ENV NAME',
  'ENV A b c',
  'LABEL a=b c',
  'ARG V="x y"',
  'ONBUILD RUN x \\',
  'HEALTHCHECK --interval=5s CMD ["ping", "-n", "1", "x"]',
  'COPY --from=build --chown="a":"b" C:\\app\\ C:\\app\\',
  'COPY -- a b',
  'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS base',
  'WORKDIR C:\\\\app\\\\',
  'MAINTAINER me',
  'EXPOSE 80 443',
];

export type DockerfileMutation = Mutation | { op: 'endLine'; at: number; ending: string } | { op: 'insertDockerfileLine'; at: number; line: string };

export const dockerfileMutationArbitrary: fc.Arbitrary<DockerfileMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('endLine' as const), at: position, ending: fc.constantFrom(...lineEndings) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insertDockerfileLine' as const), at: position, line: fc.constantFrom(...dockerfileLines) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteLine' as const), at: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateLine' as const), at: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines' as const), at: position, with: position }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insertText' as const), at: position, text: fc.constantFrom('\\', '`', ' ', '\t', '"', "'", '[', ']', '#', '=', '<<', '--', '\n', '\r\n', '\\\n', 'é') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('lineEndings' as const), eol: fc.constant('\r\n' as const) }) },
);

export function applyDockerfileMutation(text: string, mutation: DockerfileMutation): string {
  if (mutation.op !== 'endLine' && mutation.op !== 'insertDockerfileLine') return applyMutation(text, mutation);
  const lines = text.split('\n');
  const index = Math.floor(mutation.at * lines.length);
  if (mutation.op === 'insertDockerfileLine') lines.splice(index, 0, mutation.line);
  else lines[index] = lines[index]!.replace(/\r$/, '') + mutation.ending + (lines[index]!.endsWith('\r') ? '\r' : '');
  return lines.join('\n');
}
