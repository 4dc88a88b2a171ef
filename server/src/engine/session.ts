// One analysis session, shared by the language server and the CLI: it keeps the last parse of each
// document (for incremental reuse), the analysis of each document's version, the workspace index and
// the topics of the index each analysis read, and says which documents a change invalidates. It
// publishes nothing and schedules nothing: front ends ask it for analyses and act on invalidations.
import type { WorkspaceView } from '../core/workspace-view';
import { defaultConfig, type ResolvedConfig, type TargetVersion } from './config';
import { analyzeParsed, parse, type Analysis, type AnalyzeOptions, type ParsedDocument, type SourceDocument } from './runner';
import type { AnyRule, FrontEnd } from './types';

/**
 * What the session needs of the workspace index (workspace/index.ts implements it). Handed in rather
 * than imported: the index sits above the engine, and reads the engine's parses to summarize them.
 */
export interface SessionIndex<Summary> {
  /** Replaces what is known of one file; returns the topics whose answers may have changed. */
  set(pathOrUri: string, summary: Summary | undefined): Set<string>;
  /** The workspace as one analysis sees it; each question it asks is added to `read`. */
  view(read?: Set<string>): WorkspaceView;
  /** The Windows target the workspace agrees on, when the settings name none. */
  inferTarget(describe: (uri: string) => string): TargetVersion | undefined;
  /** The topic read by every analysis whose target is inferred. */
  readonly targetTopic: string;
}

export interface SessionOptions<Summary, Index extends SessionIndex<Summary>> {
  index: Index;
  /** A document's summary for the index, from its parse; undefined when no other file can refer to it. */
  summarize(parsed: ParsedDocument): Summary | undefined;
  frontEnd: FrontEnd;
  rules: readonly AnyRule[];
  /** A document's settings before a target is inferred; the defaults when not given. */
  configFor?(uri: string): ResolvedConfig;
  /**
   * How messages name a file. One function for the session's life: the index caches the inferred
   * target per describer.
   */
  describe?(uri: string): string;
}

export interface VersionedDocument extends SourceDocument {
  version: number;
}

export interface AnalyzedDocument {
  document: SourceDocument;
  version: number;
  analysis: Analysis;
}

/** The open documents whose analyses a change made stale, and whether the inferred target moved. */
export interface Invalidation {
  documents: string[];
  targetChanged: boolean;
}

/** An analysis without its parse, which the caller does not keep. */
export interface DocumentFindings extends Pick<Analysis, 'findings' | 'notices'> {
  tooLarge: boolean;
}

/** The configured target, or else the one the workspace's windows-build selectors agree on. */
export function withInferredTarget(config: ResolvedConfig, index: Pick<SessionIndex<unknown>, 'inferTarget'>, describe: (uri: string) => string): ResolvedConfig {
  if (config.target) return config;
  const target = index.inferTarget(describe);
  return target ? { ...config, target } : config;
}

const nothingInvalidated: Invalidation = { documents: [], targetChanged: false };

export class AnalysisSession<Summary, Index extends SessionIndex<Summary> = SessionIndex<Summary>> {
  readonly index: Index;
  /** Rules not run in this session, whatever their severity; call invalidateAll() after changing it. */
  omitRules: ReadonlySet<string> | undefined;
  private readonly lastParse = new Map<string, ParsedDocument>();
  /** Parses update() made whose analysis has not been asked for yet. */
  private readonly unanalyzed = new Map<string, { version: number; parsed: ParsedDocument }>();
  private readonly analyses = new Map<string, AnalyzedDocument>();
  /** Topics of the index each document's last analysis read: what invalidates it. */
  private readonly reads = new Map<string, Set<string>>();
  private readonly configured: (uri: string) => ResolvedConfig;
  private readonly describe: (uri: string) => string;
  /** The inferred target when last asked, as JSON: most index changes leave it as it was. */
  private inferredTarget = '';

  constructor(private readonly options: SessionOptions<Summary, Index>) {
    this.index = options.index;
    this.configured = options.configFor ?? (() => defaultConfig);
    this.describe = options.describe ?? ((uri) => uri);
  }

  /** The configured target, else the one the workspace's windows-build selectors agree on. */
  configFor(uri: string): ResolvedConfig {
    return withInferredTarget(this.configured(uri), this.index, this.describe);
  }

  /** What an analysis of the document runs with; its questions to the index are added to `read`. */
  optionsFor(uri: string, read?: Set<string>): AnalyzeOptions {
    if (read && !this.configured(uri).target) read.add(this.index.targetTopic);
    return this.analyzeOptions(this.configFor(uri), this.index.view(read));
  }

  private analyzeOptions(config: ResolvedConfig, workspace: WorkspaceView, today?: Date): AnalyzeOptions {
    return { rules: this.options.rules, config, workspace, today, frontEnd: this.options.frontEnd, omitRules: this.omitRules };
  }

  /**
   * An open document's new version: its parse reuses the unchanged parts of the document's last one,
   * and its buffer replaces its file in the index (it is the truth before it is saved). Returns the
   * other documents that read what it changed. Nothing to do for a version already taken in.
   */
  update(document: VersionedDocument): Invalidation {
    if (this.analyses.get(document.uri)?.version === document.version || this.unanalyzed.get(document.uri)?.version === document.version) return nothingInvalidated;
    // The last parse, even when a settings or workspace change dropped the analysis made from it.
    const parsed = parse({ uri: document.uri, text: document.text, languageId: document.languageId }, this.lastParse.get(document.uri));
    this.lastParse.set(document.uri, parsed);
    this.unanalyzed.set(document.uri, { version: document.version, parsed });
    return this.invalidatedBy(this.index.set(document.uri, this.options.summarize(parsed)), document.uri);
  }

  /**
   * The analysis of this version of an open document, made once per version. Takes the version in
   * when update() did not; call update() first to learn which other documents that invalidated.
   */
  analysisOf(document: VersionedDocument): AnalyzedDocument {
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    if (this.unanalyzed.get(document.uri)?.version !== document.version) this.update(document);
    const { parsed } = this.unanalyzed.get(document.uri)!;
    // Taken before the analysis: one that fails parses again next time.
    this.unanalyzed.delete(document.uri);
    const read = new Set<string>();
    const analysis = analyzeParsed(parsed, this.optionsFor(document.uri, read));
    this.reads.set(document.uri, read);
    const analyzed: AnalyzedDocument = { document: parsed.document, version: document.version, analysis };
    this.analyses.set(document.uri, analyzed);
    return analyzed;
  }

  /**
   * One analysis that keeps nothing: the CLI's step per file, whose parse is let go once its findings
   * and summary are out. Against the index as it stands, or `workspace` when given; with `config`
   * when the caller resolved it already.
   */
  analyze(document: SourceDocument, given: { config?: ResolvedConfig; today?: Date; workspace?: WorkspaceView } = {}): DocumentFindings & { summary: Summary | undefined } {
    const parsed = parse(document);
    const config = given.config ?? this.configFor(document.uri);
    const workspace = given.workspace ?? this.index.view();
    const { findings, notices } = analyzeParsed(parsed, this.analyzeOptions(config, workspace, given.today));
    return { findings, notices, tooLarge: parsed.tooLarge === true, summary: this.options.summarize(parsed) };
  }

  /**
   * The open documents whose last analysis read one of `topics`, their analyses dropped. `origin`,
   * whose own change it was, is being analyzed already. The target topic counts only when the
   * inferred target's value changed: most edits move ranges and leave it as it was.
   */
  invalidatedBy(topics: ReadonlySet<string>, origin?: string): Invalidation {
    if (topics.size === 0) return nothingInvalidated;
    const targetTopic = this.index.targetTopic;
    let targetChanged = false;
    if (topics.has(targetTopic)) {
      const now = JSON.stringify(this.index.inferTarget(this.describe) ?? null);
      targetChanged = now !== this.inferredTarget;
      this.inferredTarget = now;
    }
    const documents: string[] = [];
    for (const [uri, read] of this.reads) {
      if (uri === origin) continue;
      let stale = false;
      for (const topic of topics) {
        if (read.has(topic) && (topic !== targetTopic || targetChanged)) {
          stale = true;
          break;
        }
      }
      if (!stale) continue;
      this.analyses.delete(uri);
      documents.push(uri);
    }
    return { documents, targetChanged };
  }

  /** Settings changed: every analysis is stale (the parses stay, for reuse). */
  invalidateAll(): void {
    this.analyses.clear();
  }

  /** A closed document: its parse, analysis and reads go. Its file in the index is the caller's to restore. */
  close(uri: string): void {
    this.lastParse.delete(uri);
    this.unanalyzed.delete(uri);
    this.analyses.delete(uri);
    this.reads.delete(uri);
  }
}
