// The server's layers import downwards only, and no files import each other in a circle (DESIGN.md,
// "Layers"): a newcomer can read the code from the bottom up, and a language model can be tested
// without a workspace. Every import counts, `import type` and `export ... from` included, as a type
// import ties the layers together as much as any other.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const sourceRoot = join(__dirname, '..', '..', '..', 'server', 'src');

/** Bottom up; a file may import its own row and the rows below it. */
const rows: ReadonlyArray<{ name: string; owns: (path: string) => boolean }> = [
  { name: 'core, kb', owns: (path) => path.startsWith('core/') || path.startsWith('kb/') },
  { name: 'languages', owns: (path) => path.startsWith('languages/') },
  { name: 'engine', owns: (path) => path.startsWith('engine/') || path.startsWith('templates/') },
  { name: 'rules', owns: (path) => path.startsWith('rules/') },
  { name: 'workspace', owns: (path) => path.startsWith('workspace/') },
  { name: 'front ends', owns: (path) => path.startsWith('lsp/') || path.startsWith('output/') || /^[^/]+\.ts$/.test(path) },
];

function rowOf(path: string): number {
  return rows.findIndex((row) => row.owns(path));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return name.endsWith('.ts') ? [path] : [];
    });
}

/** The source file a relative specifier names, as TypeScript resolves it; undefined for packages. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const found = [`${base}.ts`, join(base, 'index.ts')].find(existsSync);
  assert.ok(found, `${relative(sourceRoot, from)} imports '${specifier}', which names no source file`);
  return found;
}

interface Import {
  from: string;
  to: string;
  specifier: string;
}

/** Every import of the server's sources between its own files, with paths relative to server/src. */
function importsOf(root: string): Import[] {
  return sourceFiles(root).flatMap((file) =>
    ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.flatMap(({ fileName: specifier }) => {
      const target = resolveImport(file, specifier);
      return target ? [{ from: relative(root, file), to: relative(root, target), specifier }] : [];
    }),
  );
}

function upwardImports(imports: readonly Import[]): string[] {
  const problems: string[] = [];
  for (const { from, to, specifier } of imports) {
    const [fromRow, toRow] = [rowOf(from), rowOf(to)];
    if (fromRow < 0) problems.push(`${from} is in no layer`);
    else if (toRow > fromRow) problems.push(`${from} (${rows[fromRow]!.name}) imports '${specifier}' (${rows[toRow]!.name})`);
  }
  return [...new Set(problems)];
}

/** Each circle of files importing each other (Tarjan's strongly connected components), as the imports that close it. */
function circles(imports: readonly Import[]): string[] {
  const edges = new Map<string, Import[]>();
  for (const entry of imports) edges.set(entry.from, [...(edges.get(entry.from) ?? []), entry]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const { to } of edges.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file)!, index.get(to)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (edges.get(file) ?? []).some((edge) => edge.to === file)) components.push(component);
  };
  for (const file of edges.keys()) if (!index.has(file)) visit(file);
  return components.map((component) => {
    const members = new Set(component);
    const within = imports.filter((entry) => members.has(entry.from) && members.has(entry.to));
    return `circle: ${within.map(({ from, specifier }) => `${from} imports '${specifier}'`).join('; ')}`;
  });
}

describe('layers', () => {
  const imports = importsOf(sourceRoot);

  it('reads the imports of the server sources', () => {
    // A parser that found nothing would pass every check below.
    assert.ok(imports.length > 300, `only ${imports.length} imports found under ${sourceRoot}`);
    assert.ok(imports.some((entry) => entry.from === 'engine/runner.ts' && entry.to === 'core/text.ts'));
  });

  it('imports only downwards', () => {
    assert.deepEqual(upwardImports(imports), []);
  });

  it('has no circles', () => {
    assert.deepEqual(circles(imports), []);
  });

  it('would name an upward import and a circle', () => {
    const planted: Import[] = [
      { from: 'languages/a.ts', to: 'engine/b.ts', specifier: '../engine/b' },
      { from: 'engine/b.ts', to: 'engine/c.ts', specifier: './c' },
      { from: 'engine/c.ts', to: 'engine/b.ts', specifier: './b' },
    ];
    assert.deepEqual(upwardImports(planted), [`languages/a.ts (languages) imports '../engine/b' (engine)`]);
    assert.deepEqual(circles(planted), [`circle: engine/b.ts imports './c'; engine/c.ts imports './b'`]);
  });
});
