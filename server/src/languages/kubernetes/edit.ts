// Text edits that add keys to YAML maps the way a person would: appended after the last entry,
// at the map's own indentation, block or flow style as the map already is, comments untouched.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from '../../engine/types';
import type { KubernetesModel } from './model';
import { pairKeyText } from './yaml-util';

function ownPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((item): item is Pair => isPair(item) && pairKeyText(item) === key);
}

/** Offset just after the last character of a node's content (trailing comments and blank lines excluded). */
function contentEnd(node: Node, text: string): number {
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1] as Pair | Node;
    if (isPair(last)) {
      const value = last.value as Node | null;
      if (value && value.range && (!isScalar(value) || value.range[1] > value.range[0])) return contentEnd(value, text);
      return (last.key as Node).range![1] + (text[(last.key as Node).range![1]] === ':' ? 1 : 0);
    }
    return contentEnd(last, text);
  }
  let end = node.range![1];
  while (end > node.range![0] && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** Indentation step of the document: how far a nested block map sits from its key (default 2). */
function indentUnit(model: KubernetesModel, near: YAMLMap): number {
  const column = (offset: number): number => model.lines.position(offset).character;
  const visit = (map: YAMLMap, depth: number): number | undefined => {
    if (depth > 6) return undefined;
    for (const item of map.items) {
      if (!isPair(item) || !isMap(item.value) || item.value.flow) continue;
      const child = item.value.items.find(isPair);
      const keyNode = item.key as Node | null;
      if (child && keyNode?.range && (child.key as Node)?.range) {
        const step = column((child.key as Node).range![0]) - column(keyNode.range[0]);
        if (step > 0) return step;
      }
      const deeper = visit(item.value, depth + 1);
      if (deeper !== undefined) return deeper;
    }
    return undefined;
  };
  return visit(near, 0) ?? 2;
}

function renderBlock(keys: readonly string[], value: string, indent: string, unit: string, eol: string): string {
  return keys.map((key, i) => `${indent}${unit.repeat(i)}${key}:${i === keys.length - 1 ? ' ' + value : ''}`).join(eol);
}

function renderFlow(keys: readonly string[], value: string): string {
  return keys.reduceRight((inner, key, i) => (i === keys.length - 1 ? `${key}: ${value}` : `${key}: {${inner}}`), '');
}

/**
 * An edit that sets `path` (keys below `map`) to the scalar `value`, creating the maps on the way.
 * Existing maps along the path are reused; the first missing key and everything under it is added.
 */
export function insertPath(model: KubernetesModel, map: YAMLMap, path: readonly string[], value: string): TextEdit {
  const { text, lines } = model;
  const eol = lines.eol;
  let current = map;
  let index = 0;
  for (; index < path.length - 1; index++) {
    const pair = ownPair(current, path[index]!);
    if (!pair) break;
    const child = pair.value as Node | null;
    if (isMap(child)) {
      current = child;
      continue;
    }
    // The key exists with no value (`nodeSelector:`): put the rest of the path under it.
    const keyNode = pair.key as Node;
    const keyColumn = lines.position(keyNode.range![0]).character;
    const unit = ' '.repeat(indentUnit(model, map));
    const rest = path.slice(index + 1);
    if (child === null || (isScalar(child) && child.value === null && child.range![0] === child.range![1])) {
      const at = lines.lineEnd(lines.position(keyNode.range![0]).line);
      return { range: lines.range(at, at), newText: eol + renderBlock(rest, value, ' '.repeat(keyColumn) + unit, unit, eol) };
    }
    // Any other value (null written out, a scalar) is replaced by the map.
    return { range: lines.range(child.range![0], child.range![1]), newText: `{${renderFlow(rest, value)}}` };
  }
  const rest = path.slice(index);
  if (current.flow) {
    const close = text.lastIndexOf('}', current.range![1]);
    const empty = current.items.length === 0;
    const before = text.slice(current.range![0] + 1, close).trimEnd();
    const at = current.range![0] + 1 + before.length;
    return { range: lines.range(at, at), newText: `${empty ? '' : ', '}${renderFlow(rest, value)}` };
  }
  const firstKey = current.items.find(isPair)?.key as Node | undefined;
  const keyColumn = firstKey?.range ? lines.position(firstKey.range[0]).character : 0;
  const unit = ' '.repeat(indentUnit(model, map));
  const end = contentEnd(current, text);
  const at = lines.lineEnd(lines.position(Math.max(end - 1, 0)).line);
  return { range: lines.range(at, at), newText: eol + renderBlock(rest, value, ' '.repeat(keyColumn), unit, eol) };
}
