// Hover and completion: answered from the same parse as the diagnostics, by the language module
// of the document (languages/dockerfile/assist.ts, languages/kubernetes/assist.ts); completion also
// offers the snippet templates, which the front end loads, with the target Windows version filled in.
import type { CompletionItem, Hover } from 'vscode-languageserver-types';
import type { WorkspaceView } from '../core/workspace-view';
import { describeRelease } from '../kb';
import { dockerfileCompletions, dockerfileHover } from '../languages/dockerfile/assist';
import { kubernetesCompletions, kubernetesHover } from '../languages/kubernetes/assist';
import { templateCompletions, type Template } from '../templates';
import type { ResolvedConfig } from './config';
import type { Analysis } from './runner';
import type { Position } from './types';

export interface AssistContext {
  config: ResolvedConfig;
  today: Date;
  workspace: WorkspaceView;
  /** The snippet templates, with their Windows-version choices. */
  templates: readonly Template[];
}

export function hoverAt(analysis: Analysis, position: Position, context: AssistContext): Hover | undefined {
  if (analysis.dockerfile) return withTargetLine(dockerfileHover(analysis.dockerfile, position, context), analysis, position, context);
  if (analysis.kubernetes) return kubernetesHover(analysis.kubernetes, position, context);
  return undefined;
}

/** On a FROM line, the hover also says which Windows version the checks target and where that comes from. */
function withTargetLine(hover: Hover | undefined, analysis: Analysis, position: Position, context: AssistContext): Hover | undefined {
  const target = context.config.target;
  const onFrom = analysis.dockerfile!.stages.some((stage) => stage.fromRange.start.line <= position.line && position.line <= stage.fromRange.end.line);
  if (!target || !onFrom) return hover;
  const line = `Target hosts: ${describeRelease(target.build)}, from ${target.origin}`;
  if (!hover) return { contents: { kind: 'markdown', value: line } };
  const contents = hover.contents;
  const text = typeof contents === 'object' && 'kind' in contents ? contents.value : Array.isArray(contents) ? contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n\n') : typeof contents === 'string' ? contents : contents.value;
  return { ...hover, contents: { kind: 'markdown', value: `${text}\n\n---\n\n${line}` } };
}

export function completionsAt(analysis: Analysis, text: string, position: Position, context: AssistContext): CompletionItem[] {
  if (analysis.dockerfile) {
    const templates = templateCompletions({ language: 'dockerfile', text, position, config: context.config, templates: context.templates });
    return [...dockerfileCompletions(analysis.dockerfile, text, position, context), ...templates];
  }
  if (analysis.kubernetes) {
    const templates = templateCompletions({ language: 'kubernetes', text, position, config: context.config, templates: context.templates }, analysis.kubernetes.objects.length > 0);
    return [...kubernetesCompletions(analysis.kubernetes, text, position, context), ...templates];
  }
  return [];
}
