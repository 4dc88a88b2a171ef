// Hover and completion for Kubernetes documents.
import type { CompletionItem, Hover } from 'vscode-languageserver-types';
import type { AssistContext } from '../../engine/assist';
import type { Position } from '../../engine/types';
import type { KubernetesModel } from './model';

export function kubernetesHover(_model: KubernetesModel, _position: Position, _context: AssistContext): Hover | undefined {
  return undefined;
}

export function kubernetesCompletions(_model: KubernetesModel, _text: string, _position: Position, _context: AssistContext): CompletionItem[] {
  return [];
}
