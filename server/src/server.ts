// The language server: connection, documents and handler registration. Analysis lives in the
// engine; this file decides when to run it and turns its results into LSP messages.
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { configFileName, type ResolvedConfig } from './engine/config';
import { docsBaseFrom } from './engine/docs';
import { echo } from './engine/echo';
import { completionsAt, hoverAt, type AssistContext } from './engine/assist';
import { analyzeParsed, parse, type AnalyzeOptions, type ParsedDocument } from './engine/runner';
import { fixAllAction, fixAllKind, quickFixes, type AnalysedDocument } from './lsp/code-actions';
import { ConfigStore } from './lsp/config-store';
import { noticeToDiagnostic, toDiagnostic } from './lsp/diagnostics';
import { Scheduler } from './lsp/scheduler';
import { WorkspaceIndexer } from './lsp/workspace-indexer';
import { targetChoices, withInferredTarget } from './workspace/build';
import { WorkspaceIndex } from './workspace/index';
import { allRules } from './rules';
import { shippedDocsBase, shippedTemplates } from './shipped';

const settingsSection = 'windowsContainers';
/** Client request: the target Windows version for a document and where it comes from (the status bar shows it). */
const targetRequest = 'windowsContainers/target';
type TargetInfo = { label: string; build: number; origin: string; inferred: boolean } | null;
/** Client request: the Windows versions a user can target today, newest first. */
const targetChoicesRequest = 'windowsContainers/targetChoices';
/** Server notification: the inferred target may have changed. */
const targetChangedNotification = 'windowsContainers/didChangeTarget';
/**
 * Client notification, `{ validatedElsewhere: boolean }`, also an initialization option
 * (`yamlValidatedElsewhere`): whether another extension (Red Hat's YAML) shows YAML syntax errors.
 */
const yamlValidationNotification = 'windowsContainers/didChangeYamlValidation';
/** What the editor leaves out while another extension shows YAML syntax errors; the CLI always reports them. */
const shownByYamlExtension: ReadonlySet<string> = new Set(['yaml/syntax']);

/**
 * How long checks wait for the client's answer to workspace/configuration. A client that never
 * answers would otherwise leave every document without diagnostics for good; after this the
 * defaults apply, and a late answer still counts when it comes.
 */
const settingsTimeoutMs = 3_000;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const configs = new ConfigStore((message) => connection.console.warn(message));
  const analysed = new Map<string, AnalysedDocument>();
  let pullSettings = false;
  let omitRules: ReadonlySet<string> | undefined;
  // The client may point the findings' links at hosted pages instead of the shipped ones.
  let docsBase = shippedDocsBase();
  const templates = shippedTemplates();
  // Nothing is checked before the first settings arrive, so no finding flashes with the wrong severity.
  let settingsLoaded: () => void = () => undefined;
  const settingsReady = new Promise<void>((resolve) => (settingsLoaded = resolve));

  const lastParse = new Map<string, ParsedDocument>();
  /** Topics of the workspace index each open document's last analysis read. */
  const reads = new Map<string, Set<string>>();
  const indexer = new WorkspaceIndexer({
    configFor: (folderUri) => configs.configForFolder(folderUri),
    excludesFor: (folderUri) => configs.excludesFor(folderUri),
    isOpen: (uri) => documents.get(uri) !== undefined,
    pendingChecks: () => scheduler.pending(),
    log: (message) => connection.console.info(message),
    changed: (topics, origin) => revalidateDependents(topics, origin),
  });

  /** For promises no caller awaits: a failure is logged, never an unhandled rejection. */
  const logFailure =
    (what: string) =>
    (error: unknown): void =>
      connection.console.error(`windows-containers: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

  /** One function for the life of the server: the index caches the inferred target per describer. */
  const describeUri = (uri: string): string => configs.describe(uri);

  /** The configured target, else the one the workspace's windows-build selectors agree on. */
  function configFor(uri: string): ResolvedConfig {
    return withInferredTarget(configs.configFor(uri), indexer.index, describeUri);
  }

  function optionsFor(uri: string, read?: Set<string>): AnalyzeOptions {
    if (read && !configs.configFor(uri).target) read.add(WorkspaceIndex.targetTopic);
    return { rules: allRules, docsBase, config: configFor(uri), workspace: indexer.index.view(read), frontEnd: 'editor', omitRules };
  }

  function assistContext(uri: string): AssistContext {
    return { config: configFor(uri), today: new Date(), workspace: indexer.index.view(), templates };
  }

  let inferredTarget = '';
  /** Re-checks the open documents that read a changed topic; `origin` is being checked already. */
  function revalidateDependents(topics: Set<string>, origin?: string): void {
    // Most edits move ranges without changing the inferred target: only a new value counts.
    if (topics.has(WorkspaceIndex.targetTopic)) {
      const now = JSON.stringify(indexer.index.inferTarget(describeUri) ?? null);
      if (now === inferredTarget) topics.delete(WorkspaceIndex.targetTopic);
      inferredTarget = now;
    }
    for (const document of documents.all()) {
      const read = reads.get(document.uri);
      if (document.uri === origin || !read || ![...topics].some((topic) => read.has(topic))) continue;
      analysed.delete(document.uri);
      scheduler.schedule(document.uri);
    }
    if (topics.has(WorkspaceIndex.targetTopic)) void connection.sendNotification(targetChangedNotification);
  }

  /** Analyses the document's current version, reusing the result when nothing changed since. */
  function analyseNow(document: TextDocument): AnalysedDocument {
    const cached = analysed.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const source = { uri: document.uri, text: document.getText(), languageId: document.languageId };
    // The last parse of this document, even when a settings or workspace change dropped its result.
    const parsed = parse(source, lastParse.get(document.uri));
    lastParse.set(document.uri, parsed);
    // The buffer is the truth for an open file: other files' checks see it before it is saved.
    indexer.updateFromParse(parsed);
    const read = new Set<string>();
    const analysis = analyzeParsed(parsed, optionsFor(document.uri, read));
    reads.set(document.uri, read);
    const result: AnalysedDocument = { document: source, version: document.version, analysis };
    analysed.set(document.uri, result);
    const diagnostics = [...analysis.findings.map(toDiagnostic), ...analysis.notices.map(noticeToDiagnostic)];
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    return result;
  }

  const scheduler = new Scheduler((uri) => {
    const document = documents.get(uri);
    if (!document) return;
    try {
      analyseNow(document);
    } catch (error) {
      // One document's failure must not take the server down: log it and clear that document.
      analysed.delete(uri);
      connection.console.error(`windows-containers: internal error while checking ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
    }
  });

  function revalidateAll(): void {
    analysed.clear();
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
    publishConfigFileNotices();
    void connection.sendNotification(targetChangedNotification);
  }

  function publishConfigFileNotices(): void {
    for (const { uri, notices } of configs.fileNotices()) {
      // An open config file is reported from its editor buffer instead.
      if (documents.get(uri)) continue;
      void connection.sendDiagnostics({ uri, diagnostics: notices.map(noticeToDiagnostic) });
    }
  }

  async function pullFolderSettings(): Promise<void> {
    if (!pullSettings) return;
    const pulled = readFolderSettings();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), settingsTimeoutMs)));
    let outcome;
    try {
      outcome = await Promise.race([pulled, late]);
    } finally {
      clearTimeout(timer);
    }
    if (outcome !== 'late') return;
    connection.console.warn(`windows-containers: the client did not answer workspace/configuration within ${settingsTimeoutMs / 1000} s; checking with the defaults until it does`);
    pulled.then(revalidateAll, logFailure('reading the settings'));
  }

  async function readFolderSettings(): Promise<void> {
    const folders = configs.folderUris;
    const scopes = folders.length > 0 ? folders : [undefined];
    const values = await connection.workspace.getConfiguration(scopes.map((scopeUri) => ({ scopeUri, section: settingsSection })));
    if (folders.length === 0) configs.setGlobalSettings(values[0]);
    else folders.forEach((uri, index) => configs.setFolderSettings(uri, values[index]));
    if (folders.length > 0) {
      const excludes = await connection.workspace.getConfiguration(folders.map((scopeUri) => ({ scopeUri, section: 'files.exclude' })));
      folders.forEach((uri, index) => configs.setFolderExcludes(uri, excludes[index]));
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { settings?: unknown; docsBaseUrl?: string; yamlValidatedElsewhere?: unknown };
    if (typeof options.docsBaseUrl === 'string') docsBase = docsBaseFrom(options.docsBaseUrl);
    if (options.yamlValidatedElsewhere === true) omitRules = shownByYamlExtension;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    configs.setFolders(folders);
    if (options.settings !== undefined) configs.setGlobalSettings(options.settings);
    pullSettings = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, fixAllKind] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-'] },
      },
      serverInfo: { name: 'windows-containers-language-server' },
    };
  });

  connection.onInitialized(async () => {
    // Not awaited: a client that never answers them must not hold back the settings (which have
    // their own timeout) and with them every check. A client that refuses them only sends no
    // change events for them.
    if (pullSettings) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: settingsSection }).catch(() => undefined);
    }
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${configFileName}` }] }).catch(() => undefined);
    await pullFolderSettings().catch((error) => connection.console.warn(`windows-containers: could not read settings: ${String(error)}`));
    settingsLoaded();
    revalidateAll();
    indexer.scan(configs.folderUris).catch(logFailure('the workspace scan'));
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as Record<string, unknown> | null | undefined)?.[settingsSection];
    if (pushed !== undefined && !pullSettings) configs.setGlobalSettings(pushed);
    await pullFolderSettings().catch((error) => connection.console.warn(`windows-containers: could not read settings: ${String(error)}`));
    revalidateAll();
  });

  connection.onNotification(yamlValidationNotification, (params: { validatedElsewhere?: unknown } | null) => {
    const next = params?.validatedElsewhere === true ? shownByYamlExtension : undefined;
    if (next === omitRules) return;
    omitRules = next;
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const uris = (Array.isArray(params?.changes) ? params.changes : []).map((change) => change?.uri).filter((uri): uri is string => typeof uri === 'string');
    const configChanged = uris.some((uri) => uri.endsWith(`/${configFileName}`));
    if (configChanged) {
      configs.reloadFiles();
      revalidateAll();
      indexer.scan(configs.folderUris).catch(logFailure('the workspace scan'));
      return;
    }
    // An open document's buffer is already in the index; its file on disk is not the truth.
    indexer.queueFromDisk(uris.filter((uri) => !documents.get(uri)));
  });

  // TextDocuments reports an open as a content change too; the scheduler tells a first check from an edit.
  documents.onDidChangeContent((event) => void settingsReady.then(() => scheduler.schedule(event.document.uri)));
  documents.onDidSave((event) => {
    if (event.document.uri.endsWith(`/${configFileName}`)) {
      configs.reloadFiles();
      revalidateAll();
    }
  });
  documents.onDidClose((event) => {
    scheduler.forget(event.document.uri);
    analysed.delete(event.document.uri);
    reads.delete(event.document.uri);
    lastParse.delete(event.document.uri);
    // Unsaved edits die with the buffer: the index goes back to what is on disk.
    indexer.updateFromDisk(event.document.uri).catch(logFailure(`reading ${echo(event.document.uri)}`));
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    if (event.document.uri.endsWith(`/${configFileName}`)) publishConfigFileNotices();
  });

  connection.onCodeAction((params) => {
    const document = openDocument(params);
    try {
      const current = analyseNow(document);
      const only = params.context.only;
      const wants = (kind: string): boolean => !only || only.some((requested) => kind === requested || kind.startsWith(requested + '.'));
      const actions: CodeAction[] = wants(CodeActionKind.QuickFix) ? quickFixes(current, params.context.diagnostics) : [];
      if (only?.some((requested) => fixAllKind.startsWith(requested))) {
        const fixAll = fixAllAction(current, optionsFor(document.uri), fixAllKind);
        if (fixAll) actions.push(fixAll);
      }
      return actions;
    } catch (error) {
      connection.console.error(`windows-containers: code actions failed for ${document.uri}: ${String(error)}`);
      return [];
    }
  });

  /** Requests name an open document; anything else is the client's mistake and gets an error. */
  function openDocument(params: { textDocument?: { uri?: unknown } } | null | undefined): TextDocument {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri is missing');
    const document = documents.get(uri);
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `unknown document ${uri}: open it with textDocument/didOpen first`);
    return document;
  }

  connection.onHover((params) => {
    const document = openDocument(params);
    try {
      return hoverAt(analyseNow(document).analysis, params.position, assistContext(document.uri)) ?? null;
    } catch (error) {
      connection.console.error(`windows-containers: hover failed for ${document.uri}: ${String(error)}`);
      return null;
    }
  });

  connection.onCompletion((params) => {
    const document = openDocument(params);
    try {
      return completionsAt(analyseNow(document).analysis, document.getText(), params.position, assistContext(document.uri));
    } catch (error) {
      connection.console.error(`windows-containers: completion failed for ${document.uri}: ${String(error)}`);
      return [];
    }
  });

  connection.onRequest(targetRequest, (params: { uri?: string }): TargetInfo => {
    const configured = params.uri ? configs.configFor(params.uri).target : undefined;
    const target = params.uri ? configFor(params.uri).target : undefined;
    return target ? { label: target.label, build: target.build, origin: target.origin, inferred: configured === undefined } : null;
  });

  connection.onRequest(targetChoicesRequest, () => targetChoices(new Date()));

  // The handlers catch what they expect; this only keeps a missed rejection from ending the process.
  process.on('unhandledRejection', logFailure('a background task'));

  documents.listen(connection);
  connection.listen();
}

/**
 * Over stdio the server answers a message that is not JSON with a JSON-RPC parse error (-32700,
 * id null), as the spec asks; vscode-jsonrpc would drop it silently. IPC (VS Code) carries objects.
 *
 * A framing error is another matter: after a header without a valid Content-Length (or a
 * Content-Length that does not match the body) the reader has lost the message boundaries for
 * good, and would go on alive but deaf, which an editor never notices. The server exits instead,
 * so the editor restarts it. A message left incomplete for the reader's partial-message timeout
 * (10 s) is the same desynchronisation.
 */
function connect(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  const lostStep = (why: string): void => {
    process.stderr.write(`windows-containers: the message stream from the client is out of step (${echo(why.split('\n')[0]!)}); exiting so that the editor restarts the server\n`);
    process.exit(1);
  };
  reader.onError((error) => {
    // JSON.parse of a whole body throws a SyntaxError: the framing held, only that message is bad.
    if (!(error instanceof SyntaxError)) return lostStep(error.message);
    void writer.write({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: ${error.message}` } } as ResponseMessage);
  });
  reader.onPartialMessage((info) => lostStep(`a message still incomplete after ${info.waitingTime} ms`));
  return createConnection(ProposedFeatures.all, reader, writer);
}

startServer(connect());
