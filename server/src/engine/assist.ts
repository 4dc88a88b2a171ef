// Hover and completion: answered from the same parse as the diagnostics, by the language module
// of the document (languages/dockerfile/assist.ts, languages/kubernetes/assist.ts).
import type { CompletionItem, Hover } from 'vscode-languageserver-types';
import { dockerfileCompletions, dockerfileHover } from '../languages/dockerfile/assist';
import { kubernetesCompletions, kubernetesHover } from '../languages/kubernetes/assist';
import type { ResolvedConfig } from './config';
import type { Analysis } from './runner';
import type { Position } from './types';
import type { WorkspaceView } from './workspace-view';

export interface AssistContext {
  config: ResolvedConfig;
  today: Date;
  workspace: WorkspaceView;
}

export function hoverAt(analysis: Analysis, position: Position, context: AssistContext): Hover | undefined {
  if (analysis.dockerfile) return dockerfileHover(analysis.dockerfile, position, context);
  if (analysis.kubernetes) return kubernetesHover(analysis.kubernetes, position, context);
  return undefined;
}

export function completionsAt(analysis: Analysis, text: string, position: Position, context: AssistContext): CompletionItem[] {
  if (analysis.dockerfile) return dockerfileCompletions(analysis.dockerfile, text, position, context);
  if (analysis.kubernetes) return kubernetesCompletions(analysis.kubernetes, text, position, context);
  return [];
}
