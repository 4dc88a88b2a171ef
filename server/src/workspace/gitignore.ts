// One .gitignore, answering "is this path ignored?" in about constant time whatever the number of
// rules. The `ignore` package tries every rule's regular expression on every path (the last match
// wins), and a generated 5,000-line .gitignore made a 50,000-file walk take 42 s. Most rules are
// a literal name, a `*.ext` or a `prefix*`, or an anchored literal path: those are looked up in
// maps; only the rest are tried one by one, and only those that could still change the answer.
// Those cost about half a microsecond each per path: past `maxMatchedRules` of them a file is cut short.
import ignore, { type Ignore } from 'ignore';

/** A rule as the ignore package compiles it (its internals, checked before use: see `rulesOf`). */
interface CompiledRule {
  negative: boolean;
  regex: RegExp;
}

type Kind = 'name' | 'suffix' | 'prefix' | 'path';

/** Per kind, for rules matching files and folders (`any`) and folders only (`dir`): text -> highest rule index. */
type Lookup = Record<Kind, { any: Map<string, number>; dir: Map<string, number> }>;

const literal = String.raw`((?:\\[^A-Za-z0-9]|[^\\^$.|?*+()[\]{}/])+)`;
/** The shapes of the ignore package's regular expressions that name a literal (see its make-regex rules). */
const shapes: ReadonlyArray<{ kind: Kind; pattern: RegExp }> = [
  { kind: 'name', pattern: new RegExp(String.raw`^\(\?:\^\|\\/\)${literal}(\(\?=\$\|\\/\$\)|\\/\$)$`) },
  { kind: 'suffix', pattern: new RegExp(String.raw`^\(\?:\^\|\\/\)\[\^\\/\]\*${literal}(\(\?=\$\|\\/\$\)|\\/\$)$`) },
  { kind: 'prefix', pattern: new RegExp(String.raw`^\(\?:\^\|\\/\)${literal}\[\^/\]\*(\(\?=\$\|\\/\$\)|\\/\$)$`) },
  { kind: 'path', pattern: new RegExp(String.raw`^\^${String.raw`((?:\\[^A-Za-z0-9]|[^\\^$.|?*+()[\]{}])+)`}(\(\?=\$\|\\/\$\)|\\/\$)$`) },
];

/** ASCII case folding only: under the `i` flag without `u`, no other character matches an ASCII one. */
function foldAscii(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32)) : text;
}

/**
 * The most rules one path may have to be tried against. Hand-written .gitignore files have a few
 * dozen wildcard rules, generated ones are mostly literal names; a hostile one of 100,000 `*q*N`
 * lines (0.9 MB, under the size bound) cost 168 ms per path. At this bound a path costs about
 * 0.5 ms in the worst case. The bound is on what one path pays (the unanchored rules plus the
 * longest list under one first folder), so many rules each anchored to its own folder still fit.
 */
export const maxMatchedRules = 1_000;

function rulesOf(matcher: Ignore): CompiledRule[] | undefined {
  const rules = (matcher as unknown as { _rules?: { _rules?: unknown } })._rules?._rules;
  if (!Array.isArray(rules)) return undefined;
  const compiled = rules.map((rule: { negative?: unknown; regex?: unknown }) => ({ negative: rule.negative, regex: rule.regex }));
  return compiled.every((rule) => typeof rule.negative === 'boolean' && rule.regex instanceof RegExp) ? (compiled as CompiledRule[]) : undefined;
}

/** The literal first folder of an anchored rule (`^build\/...` from `/build/**` or `build/x`), folded; a path's first segment (or the whole of a path without a slash) must equal it. */
function firstFolderOf(source: string): string | undefined {
  // The literal must be followed by a slash (`\/`, or `(?:\/` of a `/**/`): nothing else can extend its folder name.
  const match = new RegExp(String.raw`^\^((?:\\[^A-Za-z0-9/]|[^\\^$.|?*+()[\]{}/])+)(?:\\/|\(\?:\\/)`).exec(source);
  if (!match) return undefined;
  const folder = match[1]!.replace(/\\(.)/g, '$1');
  return /^[\x20-\x7e]+$/.test(folder) ? foldAscii(folder) : undefined;
}

export class GitIgnoreFile {
  private readonly matcher: Ignore;
  /** Undefined when the ignore package's internals are not as expected: every path goes to it then. */
  private readonly rules?: CompiledRule[];
  private readonly lookup: Lookup = {
    name: { any: new Map(), dir: new Map() },
    suffix: { any: new Map(), dir: new Map() },
    prefix: { any: new Map(), dir: new Map() },
    path: { any: new Map(), dir: new Map() },
  };
  private readonly suffixLengths = new Set<number>();
  private readonly prefixLengths = new Set<number>();
  /** Indices of the rules that fit no shape, highest first; those anchored at a literal first folder apart, by that folder. */
  private readonly others: number[] = [];
  private readonly othersUnder = new Map<string, number[]>();
  /**
   * Set when the file has more rules than `maxMatchedRules` allows: only the rules before
   * `applied` (a prefix of the file, so that the answer is what Git gives for that prefix) count.
   */
  readonly truncated?: { applied: number; total: number };

  constructor(text: string) {
    this.matcher = ignore().add(text);
    const rules = rulesOf(this.matcher);
    if (!rules) return;
    let longestUnder = 0;
    for (const [index, rule] of rules.entries()) {
      const shaped = rule.regex.flags === 'i' ? this.shapeOf(rule.regex.source) : undefined;
      if (!shaped) {
        const folder = rule.regex.flags === 'i' ? firstFolderOf(rule.regex.source) : undefined;
        const list = folder === undefined ? this.others : this.othersUnder.get(folder) ?? [];
        const under = folder === undefined ? longestUnder : Math.max(longestUnder, list.length + 1);
        const others = this.others.length + (folder === undefined ? 1 : 0);
        if (others + under > maxMatchedRules) {
          this.truncated = { applied: index, total: rules.length };
          break;
        }
        longestUnder = under;
        list.push(index);
        if (folder !== undefined) this.othersUnder.set(folder, list);
        continue;
      }
      const { kind, text: key, dirOnly } = shaped;
      // The last rule that matches decides, so per text only the highest index counts.
      this.lookup[kind][dirOnly ? 'dir' : 'any'].set(key, index);
      if (kind === 'suffix') this.suffixLengths.add(key.length);
      if (kind === 'prefix') this.prefixLengths.add(key.length);
    }
    this.rules = this.truncated ? rules.slice(0, this.truncated.applied) : rules;
    // Pushed in rule order (prepending each would copy the list every time), read highest first.
    this.others.reverse();
    for (const list of this.othersUnder.values()) list.reverse();
  }

  /**
   * Whether the file or folder at `relative` ('/'-separated, below this file's folder) is ignored.
   * The caller has found no folder above it ignored: it prunes ignored folders as it walks.
   */
  ignores(relative: string, isDir: boolean): boolean {
    const path = isDir ? relative + '/' : relative;
    if (!this.rules) return this.matcher.ignores(path);
    const folded = foldAscii(relative);
    const name = folded.slice(folded.lastIndexOf('/') + 1);
    let best = -1;
    const consider = (kind: Kind, key: string): void => {
      const any = this.lookup[kind].any.get(key);
      if (any !== undefined && any > best) best = any;
      if (!isDir) return;
      const dir = this.lookup[kind].dir.get(key);
      if (dir !== undefined && dir > best) best = dir;
    };
    consider('name', name);
    consider('path', folded);
    for (const length of this.suffixLengths) if (length <= name.length) consider('suffix', name.slice(name.length - length));
    for (const length of this.prefixLengths) if (length <= name.length) consider('prefix', name.slice(0, length));
    // Each list is highest first, and only a higher index than the best so far can change the answer.
    // The first folder, or the whole of a path without a slash (see firstFolderOf).
    const slash = folded.indexOf('/');
    const first = slash < 0 ? folded : folded.slice(0, slash);
    for (const list of [this.others, this.othersUnder.get(first) ?? []]) {
      for (const index of list) {
        if (index <= best) break;
        if (this.rules[index]!.regex.test(path)) {
          best = index;
          break;
        }
      }
    }
    return best >= 0 && !this.rules[best]!.negative;
  }

  private shapeOf(source: string): { kind: Kind; text: string; dirOnly: boolean } | undefined {
    for (const { kind, pattern } of shapes) {
      const match = pattern.exec(source);
      if (!match) continue;
      const text = match[1]!.replace(/\\(.)/g, '$1');
      // Only ASCII literals: their case-insensitive match is exactly ASCII folding. A name, suffix
      // or prefix with a slash in it is no name (`**/a/b`): left to its regular expression.
      if (!/^[\x20-\x7e]*$/.test(text) || (kind !== 'path' && text.includes('/'))) return undefined;
      return { kind, text: foldAscii(text), dirOnly: match[2] === '\\/$' };
    }
    return undefined;
  }
}
