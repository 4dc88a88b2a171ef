// Where a YAML stream first fails to parse, as Kubernetes reads YAML. kubectl and the API server
// decode with sigs.k8s.io/yaml, which uses go-yaml, a port of libyaml; libyaml ignores indentation
// inside flow collections and quoted scalars, where the yaml library follows YAML 1.2 and ends them
// at a line indented no deeper than the block around them:
//
//   command: ["powershell",
//   "-Command", "Start-Service w3svc"]     kubectl reads one list; the yaml library reports an error
//
// So before one of the library's errors is believed, each span it cut short is read to its closing
// bracket or quote as libyaml reads it and joined onto one line (line breaks and comments become
// spaces, so every offset stays), and the document is parsed again.
import { CST, Lexer, parseAllDocuments, type YAMLError } from 'yaml';
import { parseOptions, type KubernetesModel } from './model';

export interface YamlSyntaxError {
  /** Offsets in the model's text. */
  start: number;
  end: number;
  /** The yaml library's error code, e.g. TAB_AS_INDENT or BAD_DQ_ESCAPE. */
  code: string;
  message: string;
}

interface Span {
  start: number;
  end: number;
  comments: Array<readonly [number, number]>;
}

/** Each cut span costs a pass over the document; a document with more than this many is not judged. */
const maxJoins = 50;

/**
 * A file with Jinja (`{% if %}`) or ERB (`<% end %>`) tags is a template for another tool, like a Helm
 * chart: what it renders may well parse.
 */
const foreignTemplateTag = /\{%|<%/;

/**
 * The first error of the first document that does not parse. Undefined for a template, whose
 * masked placeholders are not what the template renders.
 */
export function firstSyntaxError(model: KubernetesModel): YamlSyntaxError | undefined {
  const { documents } = model;
  if (model.isTemplate || !documents.some((document) => document.ctx.doc.errors.length > 0)) return undefined;
  if (foreignTemplateTag.test(model.text)) return undefined;
  // As parseKubernetes reads the text: a lone CR is a line break.
  const text = model.text.includes('\r') ? model.text.replace(/\r(?!\n)/g, '\n') : model.text;
  let regionStart = 0;
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i]!.ctx.doc;
    // A document's text runs up to the next one's `---`: lines the parser left out of a broken
    // document (the `]` of a cut list) are still its own.
    const regionEnd = i === documents.length - 1 ? text.length : Math.max(regionStart, documents[i + 1]!.ctx.doc.range[0]);
    if (doc.errors.length > 0) {
      const error = regionError(text.slice(regionStart, regionEnd), doc.errors, regionStart);
      if (error) return { ...error, start: regionStart + error.start, end: regionStart + error.end };
    }
    regionStart = regionEnd;
  }
  return undefined;
}

/**
 * The first error of one document's text, `source`; `parsed` are the errors the stream's parse found
 * in it, with offsets from `offset` on, which stand when no span had to be joined.
 */
function regionError(source: string, parsed: ReadonlyArray<YAMLError>, offset: number): YamlSyntaxError | undefined {
  let text = source;
  // A flow collection cut short is reported as BAD_INDENT and a quote as MISSING_CHAR: without either
  // nothing was cut, and the document's text need not be read again.
  const mayBeCut = parsed.some((error) => error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR');
  for (let joins = 0; mayBeCut; joins++) {
    const span = firstCutShortSpan(text);
    if (!span) break;
    if (joins === maxJoins) return undefined;
    text = joinLines(text, span);
  }
  let errors: ReadonlyArray<{ code: string; message: string; pos: readonly [number, number] }>;
  if (text === source) {
    errors = parsed.map((error) => ({ code: error.code, message: error.message, pos: [error.pos[0] - offset, error.pos[1] - offset] as const }));
  } else {
    try {
      const docs = parseAllDocuments(text, parseOptions);
      errors = (Array.isArray(docs) ? docs : []).flatMap((doc) => doc.errors);
    } catch {
      // The parser gave up (nesting deeper than its stack): nothing to say where.
      return undefined;
    }
  }
  if (errors.length === 0) return undefined;
  const first = errors.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
  // The library notices a missing closing quote where the text ends; the user needs the opening one.
  const [start, end] = first.code === 'MISSING_CHAR' && first.message.startsWith('Missing closing') ? unclosedQuote(text, first.pos[0]) : first.pos;
  const clamp = (offset: number): number => Math.max(0, Math.min(offset, source.length));
  return { start: clamp(start), end: clamp(Math.max(start, end)), code: first.code, message: first.message.split('\n')[0]! };
}

/** Lexer tokens with their offsets; the lexer's markers for documents, scalars and cut flows take no text. */
function* tokens(text: string): Generator<{ token: string; type: ReturnType<typeof CST.tokenType>; start: number }> {
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    yield { token, type, start: offset };
    if (type !== 'doc-mode' && type !== 'flow-error-end' && type !== 'scalar') offset += token.length;
  }
}

const isQuoted = (type: ReturnType<typeof CST.tokenType>): boolean => type === 'double-quoted-scalar' || type === 'single-quoted-scalar';

/**
 * The first flow collection or quoted scalar that the lexer ended at a line indented too little and
 * that libyaml reads on to its closing bracket or quote. Undefined when there is none, or when the
 * first one is not closed at all, which libyaml rejects too.
 */
function firstCutShortSpan(text: string): Span | undefined {
  let depth = 0;
  let flowStart = 0;
  for (const { token, type, start } of tokens(text)) {
    switch (type) {
      case 'flow-map-start':
      case 'flow-seq-start':
        if (depth++ === 0) flowStart = start;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        if (depth > 0) depth--;
        break;
      case 'flow-error-end':
        return depth > 0 ? flowSpan(text, flowStart) : undefined;
      default:
        if (depth === 0 && isQuoted(type) && quotedEnd(token, 0) !== token.length) {
          const end = quotedEnd(text, start);
          return end === undefined ? undefined : { start, end, comments: [] };
        }
    }
  }
  return undefined;
}

/** `---` or `...` at a line start ends a document, also inside a quote or a flow collection. */
function documentMarkerAt(text: string, offset: number): boolean {
  return (text.startsWith('---', offset) || text.startsWith('...', offset)) && /^(?:[ \t\r\n]|$)/.test(text.slice(offset + 3, offset + 4));
}

/** Just past the quote that closes the quoted scalar opening at `start`, as libyaml finds it. */
function quotedEnd(text: string, start: number): number | undefined {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && documentMarkerAt(text, i + 1)) return undefined;
    if (c === '\\' && quote === '"') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return undefined;
}

const flowBreak = /[ \t\r\n,[\]{}]/;

/** The flow collection opening at `start` up to its closing bracket, with the comments inside it. */
function flowSpan(text: string, start: number): Span | undefined {
  const comments: Array<readonly [number, number]> = [];
  let depth = 0;
  // Whether a node may start here (a quote then opens a quoted scalar), and whether the last one was quoted.
  let atNode = true;
  let afterQuoted = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      if (documentMarkerAt(text, i + 1)) return undefined;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '#' && /[ \t\r\n]/.test(text[i - 1] ?? '\n')) {
      const lineEnd = text.indexOf('\n', i);
      const end = lineEnd < 0 ? text.length : lineEnd;
      comments.push([i, end]);
      i = end - 1;
      continue;
    }
    if (atNode && (c === '"' || c === "'")) {
      const end = quotedEnd(text, i);
      if (end === undefined) return undefined;
      i = end - 1;
      atNode = false;
      afterQuoted = true;
      continue;
    }
    const quotedBefore = afterQuoted;
    afterQuoted = false;
    if (atNode && (c === '&' || c === '!')) {
      // An anchor or tag comes before the node it belongs to.
      while (i + 1 < text.length && !flowBreak.test(text[i + 1]!)) i++;
      continue;
    }
    if (c === '[' || c === '{') {
      depth++;
      atNode = true;
    } else if (c === ']' || c === '}') {
      if (--depth === 0) return { start, end: i + 1, comments };
      atNode = false;
    } else if (c === ',') {
      atNode = true;
    } else if (c === ':' || c === '?') {
      // `key: value`, and JSON's `"key":"value"`; a colon inside a plain scalar (`http://x`) is text.
      atNode = quotedBefore || flowBreak.test(text[i + 1] ?? ' ');
    } else {
      atNode = false;
    }
  }
  return undefined;
}

function joinLines(text: string, span: Span): string {
  const chars = text.slice(span.start, span.end).split('');
  for (const [start, end] of span.comments) chars.fill(' ', start - span.start, end - span.start);
  return text.slice(0, span.start) + chars.join('').replace(/[\r\n]/g, ' ') + text.slice(span.end);
}

/** The opening quote of the last quoted scalar before `offset` that is never closed, to its line end. */
function unclosedQuote(text: string, offset: number): readonly [number, number] {
  let found: number | undefined;
  for (const { token, type, start } of tokens(text)) {
    if (start > offset) break;
    if (isQuoted(type) && quotedEnd(token, 0) !== token.length) found = start;
  }
  if (found === undefined) return [offset, offset];
  const lineEnd = text.slice(found).search(/[\r\n]/);
  return [found, lineEnd < 0 ? text.length : found + lineEnd];
}
