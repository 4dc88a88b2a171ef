// The VS Code snippet syntax (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar),
// as far as our snippet files use it: parsed so the server can fill in a Windows version, and
// expanded the way VS Code does so tests can check what a user ends up with.
// The escaping rules follow VS Code's SnippetParser: outside choices only `$`, `}` and `\` are
// escapable, and a backslash before anything else stays a backslash (so `C:\app` is literal).

export type SnippetNode =
  | { kind: 'text'; value: string }
  /** `$1`, `${1}`, or `${1/regex/format/options}` (a transformed mirror). */
  | { kind: 'tabstop'; index: number; transform?: Transform }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

export interface Transform {
  /** As written between the slashes, `\/` already unescaped. */
  regex: string;
  format: FormatPart[];
  options: string;
  /** The source text `/regex/format/options`, kept so the snippet can be written back unchanged. */
  source: string;
}

export type FormatPart =
  | { kind: 'text'; value: string }
  | { kind: 'group'; group: number; modifier?: 'upcase' | 'downcase' | 'capitalize' | 'camelcase' | 'pascalcase'; ifValue?: string; elseValue?: string };

class SnippetSyntaxError extends Error {}

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): SnippetNode[] {
    const nodes = this.sequence(false);
    if (this.pos < this.text.length) throw this.error('unexpected text');
    return nodes;
  }

  private error(message: string): SnippetSyntaxError {
    return new SnippetSyntaxError(`${message} at offset ${this.pos}: ${JSON.stringify(this.text.slice(this.pos, this.pos + 30))}`);
  }

  /** Text and markers up to the end, or up to the `}` closing the enclosing placeholder. */
  private sequence(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.text.length) {
      const char = this.text[this.pos]!;
      if (char === '\\') {
        const next = this.text[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += char;
          this.pos += 1;
        }
        continue;
      }
      if (char === '}' && nested) break;
      if (char === '$') {
        const marker = this.marker();
        if (marker) {
          flush();
          nodes.push(marker);
          continue;
        }
      }
      text += char;
      this.pos += 1;
    }
    flush();
    return nodes;
  }

  /** A marker at `$`, or undefined (and nothing consumed) when the `$` is plain text. */
  private marker(): SnippetNode | undefined {
    const rest = this.text.slice(this.pos);
    const simple = /^\$(?:(\d+)|([_a-zA-Z][_a-zA-Z0-9]*))/.exec(rest);
    if (simple) {
      this.pos += simple[0].length;
      return simple[1] !== undefined ? { kind: 'tabstop', index: Number(simple[1]) } : { kind: 'variable', name: simple[2]! };
    }
    const open = /^\$\{(?:(\d+)|([_a-zA-Z][_a-zA-Z0-9]*))/.exec(rest);
    if (!open) return undefined;
    this.pos += open[0].length;
    const index = open[1] !== undefined ? Number(open[1]) : undefined;
    const name = open[2];
    const next = this.text[this.pos];
    if (next === '}') {
      this.pos += 1;
      return index !== undefined ? { kind: 'tabstop', index } : { kind: 'variable', name: name! };
    }
    if (next === ':') {
      this.pos += 1;
      const children = this.sequence(true);
      this.expect('}');
      return index !== undefined ? { kind: 'placeholder', index, children } : { kind: 'variable', name: name!, children };
    }
    if (next === '|' && index !== undefined) {
      this.pos += 1;
      const options = this.choiceOptions();
      return { kind: 'choice', index, options };
    }
    if (next === '/' && index !== undefined) {
      const transform = this.transform();
      this.expect('}');
      return { kind: 'tabstop', index, transform };
    }
    throw this.error(name !== undefined && next === '/' ? 'variable transforms are not supported' : 'malformed marker');
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) throw this.error(`expected "${char}"`);
    this.pos += 1;
  }

  private choiceOptions(): string[] {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.text.length) {
      const char = this.text[this.pos]!;
      if (char === '\\' && [',', '|', '\\'].includes(this.text[this.pos + 1] ?? '')) {
        current += this.text[this.pos + 1];
        this.pos += 2;
      } else if (char === ',') {
        options.push(current);
        current = '';
        this.pos += 1;
      } else if (char === '|' && this.text[this.pos + 1] === '}') {
        options.push(current);
        this.pos += 2;
        return options;
      } else {
        current += char;
        this.pos += 1;
      }
    }
    throw this.error('unterminated choice');
  }

  /** `/regex/format/options` */
  private transform(): Transform {
    const start = this.pos;
    this.expect('/');
    let regex = '';
    while (this.text[this.pos] !== '/') {
      if (this.pos >= this.text.length) throw this.error('unterminated transform');
      if (this.text[this.pos] === '\\' && this.text[this.pos + 1] === '/') {
        regex += '/';
        this.pos += 2;
      } else {
        regex += this.text[this.pos++];
      }
    }
    this.pos += 1;
    const format = this.formatParts();
    this.expect('/');
    const options = /^[a-z]*/.exec(this.text.slice(this.pos))![0];
    this.pos += options.length;
    return { regex, format, options, source: this.text.slice(start, this.pos) };
  }

  private formatParts(): FormatPart[] {
    const parts: FormatPart[] = [];
    let text = '';
    const flush = (): void => {
      if (text) parts.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.text.length && this.text[this.pos] !== '/') {
      const char = this.text[this.pos]!;
      if (char === '\\' && ['/', '$', '\\', '}'].includes(this.text[this.pos + 1] ?? '')) {
        text += this.text[this.pos + 1];
        this.pos += 2;
        continue;
      }
      const rest = this.text.slice(this.pos);
      const group = /^\$(\d+)|^\$\{(\d+)\}/.exec(rest);
      if (group) {
        flush();
        parts.push({ kind: 'group', group: Number(group[1] ?? group[2]) });
        this.pos += group[0].length;
        continue;
      }
      const modified = /^\$\{(\d+):\/(upcase|downcase|capitalize|camelcase|pascalcase)\}/.exec(rest);
      if (modified) {
        flush();
        parts.push({ kind: 'group', group: Number(modified[1]), modifier: modified[2] as 'upcase' });
        this.pos += modified[0].length;
        continue;
      }
      const conditional = /^\$\{(\d+):([+?-]?)/.exec(rest);
      if (conditional) {
        flush();
        this.pos += conditional[0].length;
        const group = Number(conditional[1]);
        const mode = conditional[2];
        if (mode === '+') parts.push({ kind: 'group', group, ifValue: this.formatText(['}']) });
        else if (mode === '?') {
          const ifValue = this.formatText([':']);
          this.expect(':');
          parts.push({ kind: 'group', group, ifValue, elseValue: this.formatText(['}']) });
        } else parts.push({ kind: 'group', group, elseValue: this.formatText(['}']) });
        this.expect('}');
        continue;
      }
      text += char;
      this.pos += 1;
    }
    flush();
    return parts;
  }

  /** Literal text inside a conditional format, up to one of `stops`. */
  private formatText(stops: string[]): string {
    let text = '';
    while (this.pos < this.text.length && !stops.includes(this.text[this.pos]!)) {
      if (this.text[this.pos] === '\\' && this.pos + 1 < this.text.length) {
        text += this.text[this.pos + 1];
        this.pos += 2;
      } else {
        text += this.text[this.pos++];
      }
    }
    return text;
  }
}

export function parseSnippet(body: string): SnippetNode[] {
  return new Parser(body).parse();
}

/** VS Code joins an array body with newlines. */
export function snippetBodyText(body: string | readonly string[]): string {
  return typeof body === 'string' ? body : body.join('\n');
}

export function walk(nodes: readonly SnippetNode[], visit: (node: SnippetNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if ((node.kind === 'placeholder' || node.kind === 'variable') && node.children) walk(node.children, visit);
  }
}

/** The choices of each tabstop index that has one. */
export function choicesOf(nodes: readonly SnippetNode[]): Map<number, string[]> {
  const choices = new Map<number, string[]>();
  walk(nodes, (node) => {
    if (node.kind === 'choice' && !choices.has(node.index)) choices.set(node.index, node.options);
  });
  return choices;
}

export interface ExpandOptions {
  /** The option picked for a choice tabstop; the first option when not given. */
  choices?: ReadonlyMap<number, string>;
  /** Values of snippet variables (TM_FILENAME, ...); an unknown variable is an error. */
  variables?: Readonly<Record<string, string>>;
}

/**
 * The text a user ends up with after picking the given choices and tabbing through the rest with
 * the defaults: VS Code applies a transform when the cursor leaves its tabstop.
 */
export function expandSnippet(nodes: readonly SnippetNode[], options: ExpandOptions = {}): string {
  // The first placeholder or choice of an index defines its value; every other occurrence mirrors it.
  const definitions = new Map<number, SnippetNode>();
  walk(nodes, (node) => {
    if ((node.kind === 'placeholder' || node.kind === 'choice') && !definitions.has(node.index)) definitions.set(node.index, node);
  });
  const values = new Map<number, string>();
  const valueOf = (index: number, seen: ReadonlySet<number>): string => {
    const known = values.get(index);
    if (known !== undefined) return known;
    if (seen.has(index)) throw new SnippetSyntaxError(`tabstop ${index} is defined in terms of itself`);
    const definition = definitions.get(index);
    let value = '';
    if (definition?.kind === 'choice') {
      value = options.choices?.get(index) ?? definition.options[0] ?? '';
      if (!definition.options.includes(value)) throw new SnippetSyntaxError(`"${value}" is not a choice of tabstop ${index}`);
    } else if (definition?.kind === 'placeholder') {
      value = render(definition.children, new Set([...seen, index]));
    }
    values.set(index, value);
    return value;
  };
  const render = (list: readonly SnippetNode[], seen: ReadonlySet<number>): string =>
    list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'choice':
          case 'placeholder':
            return valueOf(node.index, seen);
          case 'tabstop': {
            const value = node.index === 0 ? '' : valueOf(node.index, seen);
            return node.transform ? applyTransform(node.transform, value) : value;
          }
          case 'variable': {
            const value = options.variables?.[node.name];
            if (value !== undefined && value !== '') return value;
            if (node.children) return render(node.children, seen);
            if (value !== undefined) return value;
            throw new SnippetSyntaxError(`unknown variable $${node.name} (write \\$ for a literal dollar sign)`);
          }
        }
      })
      .join('');
  return render(nodes, new Set());
}

/** VS Code's Transform.resolve: replace matches by the format; with no match, else-branches still apply. */
export function applyTransform(transform: Transform, value: string): string {
  const regex = new RegExp(transform.regex, transform.options);
  let matched = false;
  const result = value.replace(regex, (...args: unknown[]) => {
    matched = true;
    const groups = args.slice(0, args.findIndex((arg) => typeof arg === 'number')) as Array<string | undefined>;
    return formatMatch(transform.format, groups);
  });
  if (!matched && transform.format.some((part) => part.kind === 'group' && part.elseValue !== undefined)) return formatMatch(transform.format, []);
  return result;
}

function formatMatch(format: readonly FormatPart[], groups: ReadonlyArray<string | undefined>): string {
  return format
    .map((part) => {
      if (part.kind === 'text') return part.value;
      const value = groups[part.group];
      switch (part.modifier) {
        case 'upcase':
          return value ? value.toLocaleUpperCase() : '';
        case 'downcase':
          return value ? value.toLocaleLowerCase() : '';
        case 'capitalize':
          return value ? value[0]!.toLocaleUpperCase() + value.slice(1) : '';
        case 'camelcase':
        case 'pascalcase': {
          const words = (value ?? '').split(/[^a-zA-Z0-9]+/).filter(Boolean);
          const joined = words.map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase()).join('');
          return part.modifier === 'camelcase' && joined ? joined[0]!.toLowerCase() + joined.slice(1) : joined;
        }
      }
      if (value && part.ifValue !== undefined) return part.ifValue;
      if (!value && part.elseValue !== undefined) return part.elseValue;
      return value ?? '';
    })
    .join('');
}

/** Writes nodes back as snippet text, escaping what the parser would otherwise read as syntax. */
export function toSnippetText(nodes: readonly SnippetNode[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return node.value.replace(/[\\$}]/g, (char) => `\\${char}`);
        case 'tabstop':
          return node.transform ? `\${${node.index}${node.transform.source}}` : `\${${node.index}}`;
        case 'placeholder':
          return `\${${node.index}:${toSnippetText(node.children)}}`;
        case 'choice':
          return `\${${node.index}|${node.options.map((option) => option.replace(/[\\,|]/g, (char) => `\\${char}`)).join(',')}|}`;
        case 'variable':
          return node.children ? `\${${node.name}:${toSnippetText(node.children)}}` : `\${${node.name}}`;
      }
    })
    .join('');
}
