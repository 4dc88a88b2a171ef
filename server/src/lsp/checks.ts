// The checks of open documents: when each is analyzed (debounced by the Scheduler) and the one place
// their diagnostics are published. Requests ask it for the analysis of a document's current version
// and publish nothing; an analysis that invalidates other documents schedules their checks.
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { AnalyzedDocument, AnalysisSession, Invalidation } from '../engine/session';
import { noticeToDiagnostic, toDiagnostic } from './diagnostics';
import { Scheduler } from './scheduler';

/** An open document as TextDocuments holds it. */
export interface OpenDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  getText(): string;
}

export interface ChecksHost {
  document(uri: string): OpenDocument | undefined;
  publish(params: PublishDiagnosticsParams): void;
  error(message: string): void;
  /** The target inferred from the workspace changed (the status bar shows it). */
  targetChanged(): void;
  /** Where a diagnostic's rule code links to; undefined for no link. */
  ruleLink(ruleId: string): string | undefined;
}

export class OpenDocumentChecks {
  private readonly scheduler = new Scheduler((uri) => this.check(uri));

  constructor(
    private readonly session: AnalysisSession<unknown>,
    private readonly host: ChecksHost,
  ) {}

  /** See Scheduler.schedule: without `delayMs`, an edit. */
  schedule(uri: string, delayMs?: number): void {
    this.scheduler.schedule(uri, delayMs);
  }

  /** While a check is waiting or the user is typing: when that is over (background work goes after). */
  pending(): Promise<void> | undefined {
    return this.scheduler.pending();
  }

  /**
   * The analysis of the document's current version, for a request as for its check, never published
   * here. The documents that read what this version changed are checked again.
   */
  analysisFor(document: OpenDocument): AnalyzedDocument {
    const current = { uri: document.uri, version: document.version, text: document.getText(), languageId: document.languageId };
    this.recheck(this.session.update(current));
    return this.session.analysisOf(current);
  }

  /** Checks again the documents a change invalidated. */
  recheck(invalidated: Invalidation): void {
    for (const uri of invalidated.documents) this.scheduler.schedule(uri);
    if (invalidated.targetChanged) this.host.targetChanged();
  }

  forget(uri: string): void {
    this.scheduler.forget(uri);
  }

  private check(uri: string): void {
    const document = this.host.document(uri);
    if (!document) return;
    try {
      const { analysis } = this.analysisFor(document);
      const diagnostics = [...analysis.findings.map((finding, index) => toDiagnostic(finding, index, (ruleId) => this.host.ruleLink(ruleId))), ...analysis.notices.map(noticeToDiagnostic)];
      this.host.publish({ uri, version: document.version, diagnostics });
    } catch (error) {
      // One document's failure must not take the server down: log it and clear that document.
      this.host.error(`windows-containers: internal error while checking ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.host.publish({ uri, version: document.version, diagnostics: [] });
    }
  }
}
