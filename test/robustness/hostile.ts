// Hostile inputs, as bytes on disk (what the CLI reads) and as the text an editor would send (the
// same bytes decoded as UTF-8). Shared by the engine, CLI and LSP tests so all three front ends are
// tried on exactly the same files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { maxCheckedBytes } from '../../server/src/engine/runner';
import { prng } from '../bench/inputs';

export interface HostileInput {
  name: string;
  /** Decides the language for the CLI and the engine (by name) and for the LSP (language id). */
  fileName: string;
  languageId: 'dockerfile' | 'yaml';
  bytes: Buffer;
}

export function textOf(input: HostileInput): string {
  return input.bytes.toString('utf8');
}

export const windowsDockerfile = [
  '# escape=`',
  'FROM mcr.microsoft.com/windows/servercore:latest AS build',
  'SHELL ["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]',
  'RUN Install-WindowsFeature Web-Server; `',
  '    Remove-Item -Recurse C:\\inetpub\\wwwroot\\*',
  'FROM mcr.microsoft.com/windows/nanoserver',
  'COPY --from=build C:\\inetpub C:\\inetpub',
  'ENTRYPOINT ["C:\\\\ServiceMonitor.exe", "w3svc"]',
  '',
].join('\n');

export const windowsPod = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '  - name: web',
  '    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022',
  '    ports:',
  '    - containerPort: 80',
  '',
].join('\n');

function utf8(name: string, fileName: string, text: string): HostileInput {
  return { name, fileName, languageId: fileName.endsWith('.yaml') ? 'yaml' : 'dockerfile', bytes: Buffer.from(text, 'utf8') };
}

/** Billion laughs: 9 levels of 9 aliases, 9^9 nodes if anything expands them, inside a Windows pod. */
function aliasBomb(): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: bomb', '  labels: &l0 {a: lol}', 'spec:'];
  lines.push('  x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]');
  for (let level = 1; level <= 9; level++) lines.push(`  x${level}: &x${level} [${Array(9).fill(`*x${level - 1}`).join(', ')}]`);
  // Merge keys are expanded by some YAML readers; nest them too.
  for (let level = 1; level <= 9; level++) lines.push(`  m${level}: &l${level} {<<: [${Array.from({ length: 9 }, () => `*l${level - 1}`).join(', ')}], k${level}: v}`);
  lines.push('  nodeSelector: *l9', '  tolerations: *x9', '  containers:', '  - name: web', '    image: mcr.microsoft.com/windows/nanoserver:ltsc2022', '    env: *x9', '    args: *x9');
  return lines.join('\n') + '\n';
}

const depth = 10_000;

/** About `bytes` bytes of valid, repetitive content of the language. */
function large(languageId: 'dockerfile' | 'yaml', bytes: number): string {
  const unit =
    languageId === 'dockerfile'
      ? 'FROM mcr.microsoft.com/windows/servercore:latest\nRUN powershell -Command Write-Host hello; exit 0\n'
      : `---\n${windowsPod}`;
  return unit.repeat(Math.ceil(bytes / unit.length));
}

function binary(bytes: number, seed: number): Buffer {
  const random = prng(seed);
  return Buffer.from(Array.from({ length: bytes }, () => Math.floor(random() * 256)));
}

/** Byte sequences that are not UTF-8: a lone continuation byte, an overlong form, a truncated sequence, an encoded surrogate. */
const invalidUtf8 = Buffer.from([0x80, 0xc0, 0xaf, 0xe2, 0x82, 0xed, 0xa0, 0x80, 0xff, 0xfe]);

export const fiveMegabytes = 5 * 1024 * 1024;

export function hostileInputs(): HostileInput[] {
  return [
    utf8('YAML alias bomb (billion laughs)', 'bomb.yaml', aliasBomb()),
    utf8('10,000-level flow nesting', 'flow.yaml', `${windowsPod}  volumes: ${'['.repeat(depth)}${']'.repeat(depth)}\n`),
    utf8('10,000-level flow nesting of maps', 'flowmap.yaml', `${windowsPod}  volumes: ${'{a: '.repeat(depth)}b${'}'.repeat(depth)}\n`),
    utf8('10,000-level block nesting', 'block.yaml', `${windowsPod}  volumes:\n  ${'- '.repeat(depth)}x\n`),
    utf8('10,000-level nested containers lists', 'containers.yaml', `apiVersion: v1\nkind: Pod\nspec:\n  containers: ${'['.repeat(depth)}${']'.repeat(depth)}\n`),
    utf8('10,000 line continuations', 'continuations.Dockerfile', `# escape=\`\nFROM mcr.microsoft.com/windows/servercore:latest\nRUN Write-Host a \`\n${'    b `\n'.repeat(depth)}    c\n`),
    utf8('10,000 empty YAML documents', 'empty-documents.yaml', '---\n'.repeat(depth) + windowsPod),
    utf8('NUL bytes in a Dockerfile', 'nul.Dockerfile', windowsDockerfile.replace(/ /g, ' \0').replace(/:/g, '\0:')),
    utf8('NUL bytes in a manifest', 'nul.yaml', windowsPod.replace(/: /g, ':\0 ').replace(/web/g, 'w\0eb')),
    { name: 'binary data named Dockerfile', fileName: 'binary.Dockerfile', languageId: 'dockerfile', bytes: binary(64 * 1024, 7) },
    { name: 'binary data named .yaml', fileName: 'binary.yaml', languageId: 'yaml', bytes: binary(64 * 1024, 8) },
    { name: 'invalid UTF-8 in a Dockerfile', fileName: 'invalid-utf8.Dockerfile', languageId: 'dockerfile', bytes: Buffer.concat([Buffer.from('FROM mcr.microsoft.com/windows/servercore:'), invalidUtf8, Buffer.from('\nRUN echo '), invalidUtf8, Buffer.from('\n')]) },
    { name: 'invalid UTF-8 in a manifest', fileName: 'invalid-utf8.yaml', languageId: 'yaml', bytes: Buffer.concat([Buffer.from(windowsPod.replace('ltsc2022', 'ltsc2022-')), Buffer.from('  nodeSelector:\n    '), invalidUtf8, Buffer.from(': windows\n')]) },
    utf8('BOM before a Dockerfile', 'bom.Dockerfile', '\uFEFF' + windowsDockerfile),
    utf8('BOM before a manifest', 'bom.yaml', '\uFEFF' + windowsPod),
    utf8('CR-only line endings in a Dockerfile', 'cr.Dockerfile', windowsDockerfile.replace(/\n/g, '\r')),
    utf8('CR-only line endings in a manifest', 'cr.yaml', windowsPod.replace(/\n/g, '\r')),
    utf8('CRLF line endings in a Dockerfile', 'crlf.Dockerfile', windowsDockerfile.replace(/\n/g, '\r\n')),
    utf8('CRLF line endings in a manifest', 'crlf.yaml', windowsPod.replace(/\n/g, '\r\n')),
    utf8('tabs in a Dockerfile', 'tabs.Dockerfile', windowsDockerfile.replace(/^(\w+) /gm, '$1\t').replace(/^ {4}/gm, '\t')),
    utf8('tabs for indentation in a manifest', 'tabs.yaml', windowsPod.replace(/^( +)/gm, (spaces) => '\t'.repeat(spaces.length >> 1))),
    utf8('a 1 MB line', 'long-line.Dockerfile', `FROM mcr.microsoft.com/windows/servercore:latest\nRUN echo ${'x'.repeat(1024 * 1024)}\n`),
    utf8('a 5 MB Dockerfile', 'five-mb.Dockerfile', large('dockerfile', fiveMegabytes)),
    utf8('a 5 MB manifest', 'five-mb.yaml', large('yaml', fiveMegabytes)),
  ];
}

/**
 * The engine skips files over maxCheckedBytes (runner.ts); everything below must still be analyzed
 * in under 1 s. Half the limit shows whether that holds without spending the whole test budget.
 * Tried on the engine only: the CLI and the server run the same analysis, and each try of a slow
 * input costs the whole deadline.
 */
export function underLimitInput(): HostileInput {
  return utf8('a manifest of half the size limit', 'under-limit.yaml', large('yaml', maxCheckedBytes / 2));
}

/** Inputs that must give the same findings (rule and line) as another text: line endings, BOM and tabs change nothing. */
export function equivalentPairs(): Array<{ name: string; fileName: string; languageId: 'dockerfile' | 'yaml'; text: string; reference: string }> {
  return hostileInputs()
    .filter((input) => /^(BOM|CR-only|CRLF|tabs in a Dockerfile)/.test(input.name))
    .map((input) => ({ name: input.name, fileName: input.fileName, languageId: input.languageId, text: textOf(input), reference: input.languageId === 'dockerfile' ? windowsDockerfile : windowsPod }));
}

/**
 * A folder holding `files` at a depth whose path is over PATH_MAX (4096 on Linux): built bottom-up
 * by renames, as no single call may name a path that long.
 */
export function deepFolder(at: string, files: Readonly<Record<string, string>>): void {
  const segment = 'd'.repeat(250);
  let top = `${at}.0`;
  mkdirSync(top);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(top, name), text);
  for (let level = 1; level <= 18; level++) {
    const next = `${at}.${level}`;
    mkdirSync(next);
    renameSync(top, join(next, segment));
    top = next;
  }
  renameSync(top, at);
}

/** Removes a test tree, deep folders included (rm copes with paths over PATH_MAX; Node's rmSync need not). */
export function removeTree(path: string): void {
  if (process.platform === 'win32') rmSync(path, { recursive: true, force: true });
  else execFileSync('rm', ['-rf', path]);
}
