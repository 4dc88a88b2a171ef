// Text edits that add keys to YAML maps the way a person would: appended after the last entry,
// at the map's own indentation, block or flow style as the map already is, comments untouched.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Fix, TextEdit } from '../../core/text';
import type { ContainerImage, KubernetesModel } from './model';
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
 * Existing maps along the path are reused; the first missing key and everything under it is added,
 * after the last entry of its block map, or before the first with `placement: 'first'` (so that it
 * stays clear of entries another edit of the same fix cuts from the end).
 * Undefined when a key on the path holds a list or a block of text: replacing it would lose what
 * the user wrote, so there is no fix to offer.
 */
export function insertPath(model: KubernetesModel, map: YAMLMap, path: readonly string[], value: string, placement: 'last' | 'first' = 'last'): TextEdit | undefined {
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
    // A one-line scalar (a null written out, a word) is replaced by the map.
    if (!isScalar(child) || child.type === 'BLOCK_LITERAL' || child.type === 'BLOCK_FOLDED') return undefined;
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
  if (placement === 'first' && firstKey?.range && lines.lineText(lines.position(firstKey.range[0]).line).trimStart().startsWith(text.slice(firstKey.range[0], firstKey.range[1]))) {
    const at = lines.offset({ line: lines.position(firstKey.range[0]).line, character: 0 });
    return { range: lines.range(at, at), newText: renderBlock(rest, value, ' '.repeat(keyColumn), unit, eol) + eol };
  }
  const end = contentEnd(current, text);
  const at = lines.lineEnd(lines.position(Math.max(end - 1, 0)).line);
  return { range: lines.range(at, at), newText: eol + renderBlock(rest, value, ' '.repeat(keyColumn), unit, eol) };
}

/** The first pair below `root` that `matches`, with the map that holds it (a depth cap keeps it bounded). */
function findPair(root: YAMLMap, matches: (pair: Pair) => boolean): { pair: Pair; map: YAMLMap } | undefined {
  const visit = (node: unknown, depth: number): { pair: Pair; map: YAMLMap } | undefined => {
    if (depth > 32) return undefined;
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        if (matches(item)) return { pair: item, map: node };
        const found = visit(item.value, depth + 1);
        if (found) return found;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const found = visit(item, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(root, 0);
}

/** A pair's own map, by identity: where it sits decides how it is cut out. */
function parentOf(root: YAMLMap, target: Pair): YAMLMap | undefined {
  return findPair(root, (pair) => pair === target)?.map;
}

/** Offset where a block pair's text starts: its line, unless something (a `- `) precedes it there. */
function blockPairCut(model: KubernetesModel, map: YAMLMap, pair: Pair): [number, number] | undefined {
  const { text, lines } = model;
  const keyNode = pair.key as Node | null;
  if (!keyNode?.range) return undefined;
  const keyLine = lines.position(keyNode.range[0]).line;
  const value = pair.value as Node | null;
  const end = value?.range && (!isScalar(value) || value.range[1] > value.range[0]) ? contentEnd(value, text) : keyNode.range[1] + 1;
  const endLine = lines.position(Math.max(end - 1, keyNode.range[0])).line;
  const nextLineStart = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : text.length;
  const startsLine = text.slice(lines.lineStart(keyLine), keyNode.range[0]).trim() === '';
  if (startsLine) {
    // The last line of a file without a final line break takes the break before it.
    if (nextLineStart === text.length && endLine + 1 >= lines.lineCount && keyLine > 0) return [lines.lineEnd(keyLine - 1), text.length];
    return [lines.lineStart(keyLine), nextLineStart];
  }
  // `- key: value` opens a sequence item: the next key moves up onto the dash line.
  const index = map.items.indexOf(pair);
  const next = map.items[index + 1] as Pair | undefined;
  const nextKey = next?.key as Node | undefined;
  if (!nextKey?.range) return undefined;
  return [keyNode.range[0], nextKey.range[0]];
}

function flowPairCut(map: YAMLMap, pair: Pair): [number, number] | undefined {
  const index = map.items.indexOf(pair);
  const end = (p: Pair): number | undefined => ((p.value as Node | null)?.range ?? (p.key as Node | null)?.range)?.[1];
  const start = (pair.key as Node | null)?.range?.[0];
  if (start === undefined) return undefined;
  if (index > 0) {
    const previousEnd = end(map.items[index - 1] as Pair);
    const ownEnd = end(pair);
    return previousEnd === undefined || ownEnd === undefined ? undefined : [previousEnd, ownEnd];
  }
  const nextStart = ((map.items[1] as Pair | undefined)?.key as Node | undefined)?.range?.[0];
  if (nextStart !== undefined) return [start, nextStart];
  const ownEnd = end(pair);
  return ownEnd === undefined ? undefined : [start, ownEnd];
}

/**
 * An edit that deletes `pair` from the map it sits in below `root`, and then every map on the way
 * up that would be left empty (a `securityContext:` that only held the field), never `root` itself.
 * `alsoRemoved` names pairs another fix deletes in the same pass, so a map they empty goes too.
 * Block and flow style; comments outside the deleted lines stay. undefined when the text is too
 * unusual to cut safely, or when the key is there twice: which one counts is up to the reader
 * (kubectl refuses the file), and deleting one would leave the other.
 */
export function removePair(model: KubernetesModel, root: YAMLMap, pair: Pair, alsoRemoved: (pair: Pair) => boolean = () => false): TextEdit | undefined {
  let target = pair;
  for (let depth = 0; depth < 16; depth++) {
    const parent = parentOf(root, target);
    if (!parent) return undefined;
    const key = pairKeyText(target);
    if (parent.items.some((item) => item !== target && isPair(item) && pairKeyText(item) === key)) return undefined;
    const emptied = parent.items.every((item) => item === target || (isPair(item) && alsoRemoved(item)));
    // A map held by a key goes with its last entry; a map that is a sequence item (a container) or
    // carries an anchor (aliases elsewhere still name it) stays.
    const holder = emptied && parent !== root && !parent.anchor ? pairHolding(root, parent) : undefined;
    if (holder) {
      target = holder;
      continue;
    }
    if (hasAnchor(target.value)) return undefined;
    const cut = parent.flow ? flowPairCut(parent, target) : blockPairCut(model, parent, target);
    return cut ? { range: model.lines.range(cut[0], cut[1]), newText: '' } : undefined;
  }
  return undefined;
}

/** The pair whose value is `map`, anywhere below `root`. */
function pairHolding(root: YAMLMap, map: YAMLMap): Pair | undefined {
  return findPair(root, (pair) => pair.value === map)?.pair;
}

/** How far a block sequence's dashes sit right of its key in this document (0 or the indent unit). */
function sequenceIndent(model: KubernetesModel, near: YAMLMap): number {
  const { lines } = model;
  for (const item of near.items) {
    if (!isPair(item) || !isSeq(item.value) || item.value.flow || item.value.items.length === 0) continue;
    const keyNode = item.key as Node | null;
    const first = item.value.items[0] as Node | null;
    if (!keyNode?.range || !first?.range) continue;
    const line = lines.position(first.range[0]).line;
    const dash = lines.lineText(line).indexOf('-');
    if (dash >= 0) return Math.max(0, dash - lines.position(keyNode.range[0]).character);
  }
  return 0;
}

function renderBlockItem(entries: ReadonlyArray<readonly [string, string]>, dashIndent: string, eol: string): string {
  return entries.map(([key, value], i) => `${dashIndent}${i === 0 ? '- ' : '  '}${key}: ${value}`).join(eol);
}

function renderFlowItem(entries: ReadonlyArray<readonly [string, string]>): string {
  return `{${entries.map(([key, value]) => `${key}: ${value}`).join(', ')}}`;
}

/**
 * An edit that appends a map item (`entries`, values already YAML scalars) to the sequence under
 * `key` in `map`, creating the key when missing, in the style the sequence or map already has.
 */
export function appendSequenceItem(model: KubernetesModel, map: YAMLMap, key: string, entries: ReadonlyArray<readonly [string, string]>): TextEdit {
  const { text, lines } = model;
  const eol = lines.eol;
  const unit = indentUnit(model, map);
  const pair = ownPair(map, key);
  const seq = pair?.value as Node | null | undefined;
  if (pair && isSeq(seq)) {
    if (seq.flow) {
      const close = text.lastIndexOf(']', seq.range![1]);
      const before = text.slice(seq.range![0] + 1, close).trimEnd();
      const at = seq.range![0] + 1 + before.length;
      return { range: lines.range(at, at), newText: `${seq.items.length === 0 ? '' : ', '}${renderFlowItem(entries)}` };
    }
    const firstItem = seq.items[0] as Node | undefined;
    const dash = firstItem?.range ? lines.lineText(lines.position(firstItem.range[0]).line).indexOf('-') : lines.position((pair.key as Node).range![0]).character;
    const at = lines.lineEnd(lines.position(Math.max(contentEnd(seq, text) - 1, 0)).line);
    return { range: lines.range(at, at), newText: eol + renderBlockItem(entries, ' '.repeat(Math.max(dash, 0)), eol) };
  }
  if (pair) {
    // `tolerations:` with no value, or a scalar there: the sequence goes under the key.
    const keyNode = pair.key as Node;
    const keyColumn = lines.position(keyNode.range![0]).character;
    const dashIndent = ' '.repeat(keyColumn + sequenceIndent(model, map));
    if (seq === null || seq === undefined || (isScalar(seq) && seq.range![0] === seq.range![1])) {
      const at = lines.lineEnd(lines.position(keyNode.range![0]).line);
      return { range: lines.range(at, at), newText: eol + renderBlockItem(entries, dashIndent, eol) };
    }
    return { range: lines.range(seq.range![0], seq.range![1]), newText: `[${renderFlowItem(entries)}]` };
  }
  if (map.flow) {
    const close = text.lastIndexOf('}', map.range![1]);
    const before = text.slice(map.range![0] + 1, close).trimEnd();
    const at = map.range![0] + 1 + before.length;
    return { range: lines.range(at, at), newText: `${map.items.length === 0 ? '' : ', '}${key}: [${renderFlowItem(entries)}]` };
  }
  const firstKey = map.items.find(isPair)?.key as Node | undefined;
  const keyColumn = firstKey?.range ? lines.position(firstKey.range[0]).character : 0;
  const at = lines.lineEnd(lines.position(Math.max(contentEnd(map, text) - 1, 0)).line);
  const dashIndent = ' '.repeat(keyColumn + (sequenceIndent(model, map) > 0 ? unit : 0));
  return { range: lines.range(at, at), newText: `${eol}${' '.repeat(keyColumn)}${key}:${eol}${renderBlockItem(entries, dashIndent, eol)}` };
}

/** Deleting an anchored node would leave its aliases dangling. */
function hasAnchor(node: unknown, depth = 0): boolean {
  if (depth > 32 || node === null || typeof node !== 'object') return false;
  if ((node as { anchor?: string }).anchor) return true;
  if (isMap(node)) return node.items.some((item) => isPair(item) && (hasAnchor(item.key, depth + 1) || hasAnchor(item.value, depth + 1)));
  if (isSeq(node)) return node.items.some((item) => hasAnchor(item, depth + 1));
  return false;
}

/**
 * A container's image replaced by another reference (a retag), quotes as written kept; undefined
 * when the written value does not spell the image as parsed (an escaped string), as the edit
 * would then change nothing.
 */
export function retagFix(model: KubernetesModel, image: ContainerImage, reference: string): Fix | undefined {
  const written = model.text.slice(model.lines.offset(image.range.start), model.lines.offset(image.range.end));
  if (!written.includes(image.text)) return undefined;
  return { title: `Use ${reference}`, edits: [{ range: image.range, newText: written.replace(image.text, reference) }] };
}
