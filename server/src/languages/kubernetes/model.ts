// A YAML stream as rules see it: Kubernetes objects, the pod specs inside them (any workload kind,
// CRDs included), containers with their images, and RuntimeClass objects. Which OS a pod targets
// is inferred in engine/pod-os.ts, which needs the workspace.
import { Composer, isMap, isPair, isSeq, parseAllDocuments, Parser, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { NamespaceInfo, RuntimeClassInfo } from '../../core/summary';
import { LineIndex, type Range } from '../../core/text';
import { describeImage, parseImageReference, podSecurityEnforcement, type ImageInfo, type ImageReference } from '../../kb';
import { asMap, forgetAnchors, getMap, getPair, getPath, getSeq, isTemplated, ownPairs, pairKeyText, scalarText, stringAt, type YamlContext } from './yaml-util';

export interface KubernetesModel {
  text: string;
  lines: LineIndex;
  /** True when the file holds Go/Helm template markers: values they produce are unknown. */
  isTemplate: boolean;
  templateSpans: ReadonlyArray<readonly [number, number]>;
  documents: KubeDocument[];
  objects: KubeObject[];
  /** This version's parsed documents, for reuse by the next version (parseKubernetes). */
  chunks: ChunkCache;
}

export interface KubeDocument {
  index: number;
  ctx: YamlContext;
  objects: KubeObject[];
}

export interface KubeObject {
  /** The model of the version being checked: an object of an unchanged document is carried over to the next version. */
  model: KubernetesModel;
  ctx: YamlContext;
  apiVersion: string;
  kind: string;
  name?: string;
  root: YAMLMap;
  /** Where to report problems about the object as a whole: its `kind` value. */
  readonly kindRange: Range;
  annotations: Map<string, string>;
  podSpecs: PodSpec[];
}

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerImage {
  text: string;
  readonly range: Range;
  ref?: ImageReference;
  info?: ImageInfo;
}

export interface Container {
  group: ContainerGroup;
  index: number;
  name?: string;
  map: YAMLMap;
  image?: ContainerImage;
}

export interface PodSpec {
  object: KubeObject;
  ctx: YamlContext;
  map: YAMLMap;
  /** Key path from the object root, e.g. ['spec', 'template', 'spec']. */
  path: readonly string[];
  containers: Container[];
}

const maxListDepth = 4;

/** How every YAML stream is read; the syntax check reads a document again the same way. */
export const parseOptions = { prettyErrors: false, uniqueKeys: false, merge: true, strict: false } as const;

/**
 * Parses a YAML stream. With the model of the previous version of the same file, every document
 * whose text did not change is reused (its node offsets moved, not re-parsed): typing in one
 * document of a 10,000-line stream then parses only that document. Without templates, the objects
 * read from such a document are reused too, as nothing in them depends on other documents: a
 * keystroke then allocates for one document, not for the whole stream, which keeps the memory
 * peak of a long typing session down. The previous model must not be used afterwards, as its
 * nodes now carry the new offsets and its objects point to the new model.
 */
export function parseKubernetes(text: string, previous?: KubernetesModel): KubernetesModel {
  const { model, masked } = prepare(text);
  // Two templates of the same length mask to the same text, so in a template file a chunk's text
  // does not pin the values read from it.
  const reuseObjects = !model.isTemplate && previous?.isTemplate === false;
  // Tolerant parse: each document is read even when another one in the stream is broken.
  for (const chunk of parseChunks(masked, previous?.chunks, model.chunks)) {
    if (reuseObjects && chunk.documents) {
      for (const document of chunk.documents) {
        document.index = model.documents.length;
        for (const object of document.objects) object.model = model;
        model.documents.push(document);
        model.objects.push(...document.objects);
      }
      continue;
    }
    chunk.documents = chunk.docs.map((doc) => {
      const document = readDocument(doc, model.documents.length, model);
      model.documents.push(document);
      model.objects.push(...document.objects);
      return document;
    });
  }
  return model;
}

/**
 * The objects of a YAML stream, one document at a time, read as parseKubernetes reads them. Only
 * the current document's nodes are alive: the workspace index summarises a closed 10,000-line
 * manifest at the memory cost of its largest document rather than of the whole stream. The model
 * the objects point to lists no documents or objects, as none is kept.
 */
export function* kubernetesObjects(text: string): Generator<KubeObject[]> {
  const { model, masked } = prepare(text);
  let index = 0;
  for (const chunk of parseChunks(masked)) for (const doc of chunk.docs) yield readDocument(doc, index++, model).objects;
}

/** A model without documents yet, and the text the parser reads. */
function prepare(text: string): { model: KubernetesModel; masked: string } {
  const templateSpans = findTemplateSpans(text);
  // The yaml parser reads a lone CR as text, while YAML 1.2 and LSP read it as a line break; a CR
  // becomes an LF of the same length, so every offset still points into the original text.
  const lineBreaks = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const masked = templateSpans.length > 0 ? maskTemplates(lineBreaks, templateSpans) : lineBreaks;
  const model: KubernetesModel = { text, lines: new LineIndex(text), isTemplate: templateSpans.length > 0, templateSpans, documents: [], objects: [], chunks: new Map() };
  return { model, masked };
}

function readDocument(doc: Document.Parsed, index: number, model: KubernetesModel): KubeDocument {
  const ctx: YamlContext = { doc, templates: { spans: model.templateSpans } };
  const document: KubeDocument = { index, ctx, objects: [] };
  collectObjects(doc.contents, ctx, model, document.objects, 0);
  return document;
}

/** The documents of one chunk of a stream, where the chunk starts, and what was read from them. */
interface Chunk {
  offset: number;
  docs: Document.Parsed[];
  documents?: KubeDocument[];
}

/** Parsed chunks by their text; a stream may hold the same document twice. */
export type ChunkCache = Map<string, Chunk[]>;

const documentStart = /^---(?=[ \t\r\n]|$)/gm;

/**
 * Splits the stream at `---` lines (a `---` at the start of a line always starts a document: block
 * content below a top-level key is indented) and parses each chunk, or takes it from `previous`;
 * each chunk's documents go into `cache` when given. Streams with directives or `...` end markers
 * are parsed whole, as the split would not hold. Lazy: a chunk is parsed when its documents are
 * asked for.
 */
function* parseChunks(text: string, previous?: ChunkCache, cache?: ChunkCache): Generator<Chunk> {
  if (/^(?:%|\.\.\.(?:[ \t\r\n]|$))/m.test(text)) {
    // What parseAllDocuments does, without collecting every document first.
    for (const doc of new Composer(parseOptions).compose(new Parser().parse(text))) yield { offset: doc.range[0], docs: [doc] };
    return;
  }
  const starts = [0, ...[...text.matchAll(documentStart)].map((match) => match.index!).filter((index) => index > 0)];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    let parsed = previous?.get(chunk)?.pop();
    if (parsed) {
      if (parsed.offset !== start) for (const doc of parsed.docs) shiftDocument(doc, start - parsed.offset);
      parsed.offset = start;
    } else {
      const docs = parseAllDocuments(chunk, parseOptions);
      parsed = { offset: start, docs: Array.isArray(docs) ? docs : [] };
      for (const doc of parsed.docs) shiftDocument(doc, start);
    }
    if (cache) {
      const entries = cache.get(chunk) ?? [];
      entries.push(parsed);
      cache.set(chunk, entries);
    }
    yield parsed;
  }
}

/**
 * Moves every offset of a parsed document by `delta`, so it reads as part of the whole stream.
 * A plain walk with its own stack: it runs on every later document at each keystroke, and a
 * 10,000-level nesting must not overflow the call stack.
 */
function shiftDocument(doc: Document.Parsed, delta: number): void {
  if (delta === 0) return;
  const shift = (range: number[] | null | undefined): void => {
    if (range) for (let i = 0; i < range.length; i++) range[i]! += delta;
  };
  shift(doc.range);
  for (const problem of [...doc.errors, ...doc.warnings]) shift(problem.pos);
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    shift((node as { range?: number[] }).range);
    if (isMap(node) || isSeq(node)) for (const item of node.items) stack.push(item);
  }
  forgetAnchors(doc);
}

function collectObjects(node: unknown, ctx: YamlContext, model: KubernetesModel, out: KubeObject[], depth: number): void {
  const root = asMap(node, ctx);
  if (!root) return;
  const apiVersion = stringAt(root, 'apiVersion', ctx);
  const kindPair = getPair(root, 'kind', ctx);
  const kind = scalarText(kindPair?.value, ctx);
  // A document without apiVersion and kind is not a Kubernetes object (values files, compose, CI config).
  if (!apiVersion || !kind || !kindPair) return;
  if (kind === 'List' && depth < maxListDepth) {
    for (const item of getSeq(root, 'items', ctx)?.items ?? []) collectObjects(item, ctx, model, out, depth + 1);
    return;
  }
  const kindRange = versionRange(kindPair.value as Node);
  const object: KubeObject = {
    model,
    ctx,
    apiVersion,
    kind,
    name: stringAt(getMap(root, 'metadata', ctx), 'name', ctx),
    root,
    get kindRange() {
      return kindRange(this);
    },
    annotations: readStringMap(getMap(getMap(root, 'metadata', ctx), 'annotations', ctx), ctx),
    podSpecs: [],
  };
  for (const path of podSpecPaths(kind)) {
    const map = asMap(getPath(root, path, ctx), ctx);
    if (map && looksLikePodSpec(map, ctx)) {
      object.podSpecs.push(buildPodSpec(object, map, path));
      break;
    }
  }
  out.push(object);
}

/** Pod, CronJob and PodTemplate have their own shapes; every other workload (built-in or custom) uses spec.template.spec. */
function podSpecPaths(kind: string): string[][] {
  switch (kind) {
    case 'Pod':
      return [['spec']];
    case 'PodTemplate':
      return [['template', 'spec']];
    case 'CronJob':
      return [['spec', 'jobTemplate', 'spec', 'template', 'spec']];
    default:
      return [['spec', 'template', 'spec']];
  }
}

function looksLikePodSpec(map: YAMLMap, ctx: YamlContext): boolean {
  return getPair(map, 'containers', ctx) !== undefined || getPair(map, 'initContainers', ctx) !== undefined;
}

function buildPodSpec(object: KubeObject, map: YAMLMap, path: readonly string[]): PodSpec {
  const ctx = object.ctx;
  const containers: Container[] = [];
  for (const group of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    getSeq(map, group, ctx)?.items.forEach((item, index) => {
      const container = asMap(item, ctx);
      if (!container) return;
      const imagePair = getPair(container, 'image', ctx);
      const imageText = scalarText(imagePair?.value, ctx);
      let image: ContainerImage | undefined;
      if (imagePair && imageText !== undefined) {
        const ref = parseImageReference(imageText);
        const range = versionRange(imagePair.value as Node);
        image = {
          text: imageText,
          get range() {
            return range(object);
          },
          ref,
          info: ref ? describeImage(ref) : undefined,
        };
      }
      containers.push({ group, index, name: stringAt(container, 'name', ctx), map: container, image });
    });
  }
  return { object, ctx, map, path, containers };
}

function readStringMap(map: YAMLMap | undefined, ctx: YamlContext): Map<string, string> {
  const result = new Map<string, string>();
  for (const pair of ownPairs(map)) {
    const key = pairKeyText(pair);
    const value = scalarText(pair.value, ctx);
    if (key !== undefined && value !== undefined) result.set(key, value);
  }
  return result;
}

/**
 * A node's range in the object's current version. The object may be carried over to a version
 * where its lines moved, so the range is read when asked; once per version, as rules match
 * evidence to containers by the identity of their ranges.
 */
function versionRange(node: Node): (object: KubeObject) => Range {
  let read: { model: KubernetesModel; range: Range } | undefined;
  return (object) => {
    const model = object.model;
    if (read?.model !== model) read = { model, range: nodeRange(model, node) };
    return read.range;
  };
}

export function nodeRange(model: KubernetesModel, node: { range?: readonly [number, number, number] | null } | null | undefined): Range {
  const range = node?.range;
  if (!range) return model.lines.range(0, 0);
  return model.lines.range(range[0], range[1]);
}

export function pairKeyRange(model: KubernetesModel, pair: Pair): Range {
  return nodeRange(model, pair.key as Node);
}

// ---- Helm/Go templates -------------------------------------------------------------------------

function findTemplateSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) break;
    const close = text.indexOf('}}', start + 2);
    const end = close < 0 ? text.length : close + 2;
    spans.push([start, end]);
    from = end;
  }
  return spans;
}

/**
 * Replaces each template with text of the same length so every offset stays valid: a template
 * that is alone on its line becomes blanks, one inside a value becomes a placeholder word.
 */
function maskTemplates(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  const chars = text.split('');
  for (const [start, end] of spans) {
    // Looks only as far as the nearest text on each side: each blank run is crossed by the spans on
    // its two sides at most, so many templates on one long line cost linear time, not quadratic.
    const alone = blankBackTo(text, start) && blankOnTo(text, end);
    for (let i = start; i < end; i++) {
      if (chars[i] === '\n' || chars[i] === '\r') continue;
      chars[i] = alone ? ' ' : '_';
    }
  }
  return chars.join('');
}

/** Whether only white space stands between the start of the line and `offset`. */
function blankBackTo(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const char = text[i]!;
    if (char === '\n') return true;
    if (!/\s/.test(char)) return false;
  }
  return true;
}

/** Whether only white space stands between `offset` and the end of the line. */
function blankOnTo(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') return true;
    if (!/\s/.test(char)) return false;
  }
  return true;
}

/**
 * In a template, a map may get keys we cannot see: a `{{ include }}`/`{{ toYaml }}` or an `{{ if }}`
 * block at its own level. Checks that report a missing key stay silent for such a map.
 */
export function mayHaveHiddenKeys(model: KubernetesModel, map: YAMLMap | undefined, ctx: YamlContext): boolean {
  if (!model.isTemplate) return false;
  if (!map) return true;
  if (map.items.some((item) => isPair(item) && isTemplated(item.key as Node, ctx))) return true;
  const first = map.items.find(isPair);
  if (!first || !first.key || !(first.key as Node).range) return isTemplated(map, ctx);
  const keyStart = (first.key as Node).range![0];
  const keyColumn = model.lines.position(keyStart).character;
  const startLine = model.lines.position(keyStart).line;
  const endLine = lastContentLine(model, map.range ? map.range[1] : keyStart);
  // A template line just above the first key (`{{- include "x" . | nindent 6 }}` opening a pod spec)
  // sits outside the map's range but adds keys at its level.
  for (let line = startLine - 1; line >= 0; line--) {
    const lineText = model.lines.lineText(line);
    const trimmed = lineText.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (!(trimmed.startsWith('{{') && trimmed.endsWith('}}'))) break;
    if (lineText.length - lineText.trimStart().length >= keyColumn) return true;
  }
  for (const [spanStart] of model.templateSpans) {
    const position = model.lines.position(spanStart);
    const lineText = model.lines.lineText(position.line);
    const indent = lineText.length - lineText.trimStart().length;
    const templateOnly = lineText.trim().startsWith('{{') && lineText.trim().endsWith('}}');
    if (position.line >= startLine && position.line <= endLine && templateOnly && indent <= keyColumn) return true;
    if (position.line > endLine && templateOnly && indent === keyColumn && nextContentIndent(model, endLine) < keyColumn) {
      if (position.line < nextContentLine(model, endLine)) return true;
    }
  }
  return false;
}

/** True when a key's value is produced by a template (inline, or on the lines under the key). */
export function valueIsTemplated(model: KubernetesModel, pair: Pair, ctx: YamlContext): boolean {
  if (!model.isTemplate) return false;
  if (isTemplated(pair.value as Node, ctx)) return true;
  const keyNode = pair.key as Node;
  if (!keyNode?.range) return false;
  const keyLine = model.lines.position(keyNode.range[0]).line;
  const keyColumn = model.lines.position(keyNode.range[0]).character;
  for (let line = keyLine + 1; line < model.lines.lineCount; line++) {
    const text = model.lines.lineText(line);
    const trimmed = text.trim();
    if (trimmed === '') continue;
    const indent = text.length - text.trimStart().length;
    if (trimmed.startsWith('{{')) {
      if (indent > keyColumn) return true;
      continue;
    }
    if (indent <= keyColumn) return false;
  }
  return false;
}

function lastContentLine(model: KubernetesModel, endOffset: number): number {
  let line = model.lines.position(Math.max(0, endOffset - 1)).line;
  while (line > 0) {
    const trimmed = model.lines.lineText(line).trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) break;
    line--;
  }
  return line;
}

function nextContentLine(model: KubernetesModel, afterLine: number): number {
  for (let line = afterLine + 1; line < model.lines.lineCount; line++) {
    const trimmed = model.lines.lineText(line).trim();
    if (trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith('{{')) return line;
  }
  return model.lines.lineCount;
}

function nextContentIndent(model: KubernetesModel, afterLine: number): number {
  const line = nextContentLine(model, afterLine);
  if (line >= model.lines.lineCount) return -1;
  const text = model.lines.lineText(line);
  return text.length - text.trimStart().length;
}

export const osLabel = 'kubernetes.io/os';
export const betaOsLabel = 'beta.kubernetes.io/os';
export const windowsBuildLabel = 'node.kubernetes.io/windows-build';

/** Reads a RuntimeClass object: which OS and Windows build its scheduling selector pins. */
export function readRuntimeClass(object: KubeObject, uri: string): RuntimeClassInfo | undefined {
  if (object.kind !== 'RuntimeClass' || !object.name) return undefined;
  const { ctx } = object;
  const selector = getMap(getMap(object.root, 'scheduling', ctx), 'nodeSelector', ctx);
  const os = (stringAt(selector, osLabel, ctx) ?? stringAt(selector, betaOsLabel, ctx))?.toLowerCase();
  const buildPair = getPair(selector, windowsBuildLabel, ctx);
  const build = scalarText(buildPair?.value, ctx);
  return {
    name: object.name,
    uri,
    range: object.kindRange,
    os: os === 'windows' || os === 'linux' ? os : undefined,
    windowsBuild: build,
    windowsBuildRange: buildPair ? nodeRange(object.model, buildPair.value as Node) : undefined,
    // containerd's Windows handlers for Hyper-V isolation are named runhcs-wcow-hypervisor[-<build>].
    hyperV: /hypervisor/i.test(stringAt(object.root, 'handler', ctx) ?? ''),
  };
}

/** Reads a core/v1 Namespace object: its name and the Pod Security level its label enforces. */
export function readNamespace(object: KubeObject, uri: string): NamespaceInfo | undefined {
  if (object.kind !== 'Namespace' || object.apiVersion !== 'v1' || !object.name) return undefined;
  const { ctx } = object;
  const enforcePair = getPair(getMap(getMap(object.root, 'metadata', ctx), 'labels', ctx), podSecurityEnforcement.label, ctx);
  const enforce = scalarText(enforcePair?.value, ctx);
  return {
    name: object.name,
    uri,
    range: enforcePair && enforce !== undefined ? nodeRange(object.model, enforcePair.value as Node) : object.kindRange,
    ...(enforce !== undefined ? { enforce } : {}),
  };
}
