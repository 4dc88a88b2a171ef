// Hover and completion for Dockerfile documents.
import type { CompletionItem, Hover } from 'vscode-languageserver-types';
import type { AssistContext } from '../../engine/assist';
import type { Position } from '../../engine/types';
import type { DockerfileModel } from './model';

export function dockerfileHover(_model: DockerfileModel, _position: Position, _context: AssistContext): Hover | undefined {
  return undefined;
}

export function dockerfileCompletions(_model: DockerfileModel, _text: string, _position: Position, _context: AssistContext): CompletionItem[] {
  return [];
}
