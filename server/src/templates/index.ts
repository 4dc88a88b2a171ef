// The snippets of snippets/*.json as completion templates with the workspace's target Windows
// version already picked: the image tag and the node.kubernetes.io/windows-build label come out
// agreeing without the user choosing anything. VS Code offers the snippets themselves (with the
// version as a choice) from the extension's contribution, so the server adds a template only when
// it knows the target: otherwise it would list every snippet twice.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import type { ResolvedConfig } from '../engine/config';
import type { Position } from '../engine/types';
import { describeRelease, parseWindowsVersion } from '../kb';
import { applyTransform, parseSnippet, snippetBodyText, toSnippetText, expandSnippet, walk, type SnippetNode } from './snippet-syntax';

export type TemplateLanguage = 'dockerfile' | 'kubernetes';

/** One entry of a VS Code snippet file. */
export interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description?: string;
  isFileTemplate?: boolean;
}

export interface Template {
  name: string;
  prefix: string;
  description: string;
  language: TemplateLanguage;
  nodes: SnippetNode[];
  /** The tabstop whose choices are Windows versions (ltsc2022, 1809, ...), when there is one. */
  versionTabstop?: { index: number; builds: Map<string, number> };
}

export const snippetFiles: Readonly<Record<TemplateLanguage, string>> = { dockerfile: 'dockerfile.json', kubernetes: 'yaml.json' };

export function templatesFrom(language: TemplateLanguage, entries: Readonly<Record<string, SnippetEntry>>): Template[] {
  return Object.entries(entries).map(([name, entry]) => {
    const nodes = parseSnippet(snippetBodyText(entry.body));
    const prefix = Array.isArray(entry.prefix) ? entry.prefix[0]! : entry.prefix;
    return { name, prefix, description: entry.description ?? name, language, nodes, ...versionTabstopOf(nodes) };
  });
}

function versionTabstopOf(nodes: readonly SnippetNode[]): Pick<Template, 'versionTabstop'> {
  let found: Template['versionTabstop'];
  walk(nodes, (node) => {
    if (found || node.kind !== 'choice') return;
    const builds = new Map(node.options.map((option) => [option, parseWindowsVersion(option)] as const));
    if ([...builds.values()].every((build) => build !== undefined)) found = { index: node.index, builds: builds as Map<string, number> };
  });
  return found ? { versionTabstop: found } : {};
}

/**
 * The template with its Windows-version tabstop replaced by `option` everywhere: the choice, its
 * mirrors and its transformed mirrors (the windows-build label) become plain text.
 */
function withVersion(template: Template, option: string): SnippetNode[] {
  const index = template.versionTabstop?.index;
  const replace = (list: readonly SnippetNode[]): SnippetNode[] =>
    list.map((node): SnippetNode => {
      if ((node.kind === 'choice' || node.kind === 'placeholder' || node.kind === 'tabstop') && node.index === index) {
        return { kind: 'text', value: node.kind === 'tabstop' && node.transform ? applyTransform(node.transform, option) : option };
      }
      if (node.kind === 'placeholder') return { ...node, children: replace(node.children) };
      if (node.kind === 'variable' && node.children) return { ...node, children: replace(node.children) };
      return node;
    });
  return replace(template.nodes);
}

/** The template's version option for the target build; only an exact release, so a label never names a build the tag does not. */
function optionFor(template: Template, targetBuild: number): string | undefined {
  for (const [option, build] of template.versionTabstop?.builds ?? []) if (build === targetBuild) return option;
  return undefined;
}

export interface TemplateContext {
  language: TemplateLanguage;
  text: string;
  position: Position;
  config: ResolvedConfig;
  templates: readonly Template[];
}

/**
 * Whole-file templates at an otherwise empty Dockerfile, or at an empty YAML document (between
 * `---` separators) of a file that is empty or already holds Kubernetes objects.
 */
export function templateCompletions(context: TemplateContext, holdsKubernetesObjects = false): CompletionItem[] {
  const target = context.config.target;
  if (!target) return [];
  const lines = context.text.split(/\r?\n/);
  const line = lines[context.position.line] ?? '';
  const before = line.slice(0, context.position.character);
  const word = /^[A-Za-z][\w-]*$|^$/.exec(before.trimStart());
  if (!word || before.trimStart() !== before || line.slice(context.position.character).trim() !== '') return [];
  if (!isEmptyAround(context.language, lines, context.position.line, holdsKubernetesObjects)) return [];

  const range = { start: { line: context.position.line, character: 0 }, end: context.position };
  return context.templates
    .filter((template) => template.language === context.language)
    .flatMap((template) => {
      const option = optionFor(template, target.build);
      if (option === undefined) return [];
      const nodes = withVersion(template, option);
      const preview = expandSnippet(nodes);
      const item: CompletionItem = {
        label: template.prefix,
        labelDetails: { description: `${template.name} for ${option}` },
        kind: CompletionItemKind.Snippet,
        detail: `${template.name} (${option}): ${describeRelease(target.build)}, the target from ${target.origin}`,
        documentation: { kind: 'markdown', value: `${template.description}\n\n\`\`\`${context.language === 'dockerfile' ? 'dockerfile' : 'yaml'}\n${preview}\n\`\`\`` },
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: toSnippetText(nodes) },
        filterText: template.prefix,
      };
      return [item];
    });
}

function isBlank(line: string, language: TemplateLanguage): boolean {
  const trimmed = line.trim();
  return trimmed === '' || (language === 'kubernetes' && trimmed.startsWith('#'));
}

function isEmptyAround(language: TemplateLanguage, lines: readonly string[], current: number, holdsKubernetesObjects: boolean): boolean {
  const others = (from: number, to: number): string[] => lines.slice(from, to).filter((_, i) => from + i !== current);
  if (language === 'dockerfile') return others(0, lines.length).every((line) => isBlank(line, language));
  const separator = (line: string): boolean => /^---(?:\s|$)/.test(line);
  let start = current;
  while (start > 0 && !separator(lines[start - 1]!)) start--;
  let end = current + 1;
  while (end < lines.length && !separator(lines[end]!)) end++;
  if (!others(start, end).every((line) => isBlank(line, language))) return false;
  // A compose file or a CI workflow is YAML too: templates only where Kubernetes objects belong.
  return holdsKubernetesObjects || lines.every((line, i) => i === current || isBlank(line, language) || separator(line));
}
