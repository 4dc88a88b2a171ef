// Reading YAML nodes safely: aliases and merge keys resolved with a depth cap and memoised, so an
// alias bomb costs one lookup per node instead of expanding; Helm/Go template placeholders are
// treated as unknown values.
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/** Spans of `{{ ... }}` in the original text; values overlapping one are unknown to us. */
export interface TemplateSpans {
  spans: ReadonlyArray<readonly [number, number]>;
}

export interface YamlContext {
  doc: Document.Parsed;
  templates: TemplateSpans;
}

const maxAliasDepth = 8;

/** Anchors of a document by name, in document order (an anchor may be defined again later). */
const anchorIndexes = new WeakMap<Document.Parsed, Map<string, Array<{ offset: number; node: Node }>>>();

function anchorIndex(doc: Document.Parsed): Map<string, Array<{ offset: number; node: Node }>> {
  let index = anchorIndexes.get(doc);
  if (index) return index;
  index = new Map();
  const found = index;
  visit(doc, (_key, node) => {
    // The visitor also sees the null of an empty value (`key:`, or a tab-indented line).
    const anchored = node as { anchor?: string; range?: [number, number, number] } | null;
    if (!anchored?.anchor || !anchored.range || isAlias(node)) return;
    const list = found.get(anchored.anchor) ?? [];
    list.push({ offset: anchored.range[0], node: node as Node });
    found.set(anchored.anchor, list);
  });
  anchorIndexes.set(doc, index);
  return index;
}

/** The anchor index holds offsets: a document whose offsets moved must build it again. */
export function forgetAnchors(doc: Document.Parsed): void {
  anchorIndexes.delete(doc);
}

/**
 * An alias means the closest anchor of that name before it (YAML 1.2, 3.2.2.2). Looked up in an
 * index built once per document: the library's Alias.resolve walks the whole document each time.
 */
function resolveAlias(alias: Alias, doc: Document.Parsed): Node | undefined {
  const candidates = anchorIndex(doc).get(alias.source);
  const at = alias.range?.[0] ?? Number.MAX_SAFE_INTEGER;
  let best: Node | undefined;
  for (const candidate of candidates ?? []) if (candidate.offset < at) best = candidate.node;
  return best;
}

export function resolveNode(node: unknown, ctx: YamlContext, depth = 0): Node | undefined {
  if (node === null || node === undefined) return undefined;
  if (isAlias(node)) {
    if (depth >= maxAliasDepth) return undefined;
    return resolveNode(resolveAlias(node, ctx.doc), ctx, depth + 1);
  }
  return node as Node;
}

export function asMap(node: unknown, ctx: YamlContext): YAMLMap | undefined {
  const resolved = resolveNode(node, ctx);
  return isMap(resolved) ? resolved : undefined;
}

export function asSeq(node: unknown, ctx: YamlContext): YAMLSeq | undefined {
  const resolved = resolveNode(node, ctx);
  return isSeq(resolved) ? resolved : undefined;
}

/** `<<` merge keys parse to a symbol-valued scalar when merge keys are enabled. */
function isMergeKey(pair: Pair): boolean {
  return isScalar(pair.key) && (pair.key.value === '<<' || (typeof pair.key.value === 'symbol' && pair.key.source === '<<'));
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number') ? String(pair.key.value) : undefined;
}

/** Keys already looked up through the merge keys of a map: with nested merges each (map, key) is resolved once. */
const mergedPairCache = new WeakMap<YAMLMap, Map<string, Pair | null>>();

/** The pair for `key`, looking through `<<` merge keys as Kubernetes tooling (kubectl) does. Own keys win. */
export function getPair(map: YAMLMap | undefined, key: string, ctx: YamlContext, depth = 0): Pair | undefined {
  if (!map || depth > maxAliasDepth) return undefined;
  // Own keys need no cache: a scan of a map's few keys costs less than a lookup table per map,
  // which rules would build for every map they read, on every keystroke.
  let hasMergeKey = false;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    if (keyText(item) === key) return item;
    if (!hasMergeKey && isMergeKey(item)) hasMergeKey = true;
  }
  if (!hasMergeKey) return undefined;
  let cache = mergedPairCache.get(map);
  const cached = cache?.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const found = mergedPair(map, key, ctx, depth);
  if (!cache) mergedPairCache.set(map, (cache = new Map()));
  cache.set(key, found ?? null);
  return found;
}

/** The pair for `key` from the first merge key of `map` whose source has it. */
function mergedPair(map: YAMLMap, key: string, ctx: YamlContext, depth: number): Pair | undefined {
  for (const item of map.items) {
    if (!isPair(item) || !isMergeKey(item)) continue;
    const sources = isSeq(resolveNode(item.value, ctx)) ? (resolveNode(item.value, ctx) as YAMLSeq).items : [item.value];
    for (const source of sources) {
      const merged = getPair(asMap(source, ctx), key, ctx, depth + 1);
      if (merged) return merged;
    }
  }
  return undefined;
}

export function getNode(map: YAMLMap | undefined, key: string, ctx: YamlContext): Node | undefined {
  return resolveNode(getPair(map, key, ctx)?.value, ctx);
}

export function getMap(map: YAMLMap | undefined, key: string, ctx: YamlContext): YAMLMap | undefined {
  return asMap(getPair(map, key, ctx)?.value, ctx);
}

export function getSeq(map: YAMLMap | undefined, key: string, ctx: YamlContext): YAMLSeq | undefined {
  return asSeq(getPair(map, key, ctx)?.value, ctx);
}

/** Follows a key path through maps. */
export function getPath(map: YAMLMap | undefined, path: readonly string[], ctx: YamlContext): Node | undefined {
  let node: Node | undefined = map;
  for (const key of path) {
    const current = asMap(node, ctx);
    if (!current) return undefined;
    node = getNode(current, key, ctx);
  }
  return node;
}

export function isTemplated(node: { range?: readonly [number, number, number] | null } | null | undefined, ctx: YamlContext): boolean {
  const range = node?.range;
  if (!range) return false;
  return ctx.templates.spans.some(([start, end]) => start < range[1] && range[0] < end);
}

/** A scalar's text; undefined for non-scalars, null values and anything a template produces. */
export function scalarText(node: unknown, ctx: YamlContext): string | undefined {
  const resolved = resolveNode(node, ctx);
  if (!isScalar(resolved) || isTemplated(resolved, ctx)) return undefined;
  const value = resolved.value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function stringAt(map: YAMLMap | undefined, key: string, ctx: YamlContext): string | undefined {
  return scalarText(getPair(map, key, ctx)?.value, ctx);
}

export function pairKeyText(pair: Pair): string | undefined {
  return keyText(pair);
}

/** Pairs of a map, with merge keys left out (they are read through getPair). */
export function ownPairs(map: YAMLMap | undefined): Pair[] {
  return map ? map.items.filter((item): item is Pair => isPair(item) && !isMergeKey(item)) : [];
}
