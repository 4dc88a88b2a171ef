// The rule API: what a rule declares, what it receives and what it reports. Positions, ranges and
// edits come from core/text.ts.
import type { Fix, LineIndex, Range } from '../core/text';
import type { WorkspaceView } from '../core/workspace-view';
import type { DockerfileModel, Stage, DockerInstruction } from '../languages/dockerfile/model';
import type { KubernetesModel, KubeObject, PodSpec } from '../languages/kubernetes/model';
import type { ResolvedConfig } from './config';
import type { KubernetesFacts } from './facts';
import type { WindowsPod } from './pod-os';
import type { Severity } from './severity';

export type { Fix, Position, Range, TextEdit } from '../core/text';

export type { Notice, Severity, SeveritySetting } from './severity';

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/** The model a rule reads: `kubernetes` rules run on every YAML file the checker reads, as a Kubernetes stream. */
export type Language = 'dockerfile' | 'kubernetes';

/** Who runs the check: the CLI in CI, or the language server while the user types. */
export type FrontEnd = 'cli' | 'editor';

/**
 * Which stages or pods the runner calls a rule's handlers for, after kube-linter's
 * `scope.objectKinds`: the Windows gate is declared once instead of written in each handler, so a
 * rule cannot report on a Linux stage or pod by forgetting it.
 *
 * - `windows-stage` (Dockerfile rules): `stage` and `instruction` are called only for stages whose
 *   OS is Windows (a Windows base image, a Windows parent stage, or `--platform=windows/...`).
 *   `dockerfile` is called only for a file with at least one Windows stage, and gets the whole
 *   model: it is where a rule relates stages to each other (a Linux-only tag pulled by a build that
 *   runs on Windows, the stages one Windows build needs together), so it sees the other stages too
 *   and checks the OS of any stage it reports on.
 * - `windows-pod` (Kubernetes rules): `podSpec` is called only for pods inferred to be Windows
 *   (Windows evidence outside template blocks, none for Linux), with the evidence. `file` and
 *   `object` are called for every file and object: a RuntimeClass that pins Windows nodes is a
 *   Windows fact without being a pod, so a rule reporting from them judges the object itself.
 * - `any`: every handler for every stage or pod. The rule says in a comment why it looks at
 *   stages or pods that are not (certainly) Windows.
 */
export type Scope = 'windows-stage' | 'windows-pod' | 'any';

/** The scopes that mean something for a language: a stage scope for Dockerfiles, a pod scope for manifests. */
export type ScopeFor<L extends Language> = L extends 'dockerfile' ? 'windows-stage' | 'any' : 'windows-pod' | 'any';

export interface RuleMeta<MessageId extends string> {
  type: 'problem' | 'suggestion';
  language: Language;
  scope: Scope;
  /** One severity for both front ends, or one for each. */
  defaultSeverity: Severity | Readonly<Record<FrontEnd, Severity>>;
  /** One line, shown in the docs index and the SARIF rule list. */
  description: string;
  messages: Record<MessageId, string>;
  /** Whether some report carries a `fix`. */
  fixable: boolean;
  /** Whether some report carries `suggest` choices. */
  hasSuggestions: boolean;
  /** Microsoft, Kubernetes or Docker documents that justify the rule. */
  sources: readonly string[];
  /** Marks the underlined text as deprecated in the editor (strike-through). */
  deprecation?: boolean;
  /**
   * Reports on YAML documents that do not parse. Other rules' findings there are dropped, as such a
   * document may be read with the wrong structure.
   */
  reportsBrokenDocuments?: boolean;
}

export interface Report<MessageId extends string> {
  range: Range;
  messageId: MessageId;
  data?: Record<string, string | number>;
  /** Unambiguous, behaviour-safe edit: the preferred quick fix, applied by fix-all. */
  fix?: Fix;
  /** Choices for the user: offered as quick fixes, never applied automatically. */
  suggest?: Fix[];
  related?: RelatedLocation[];
}

export interface RuleContext<MessageId extends string, L extends Language = Language> {
  readonly uri: string;
  readonly text: string;
  /** Offsets <-> positions of `text`, built once per analysis for every rule. */
  readonly lines: LineIndex;
  readonly config: ResolvedConfig;
  readonly today: Date;
  readonly workspace: WorkspaceView;
  /**
   * What several rules ask about the same pod or object, answered once per analysis. A Dockerfile's
   * stages carry theirs in the model (OS, Windows build, the SHELL of each instruction), worked out
   * once per parse: they need neither configuration nor the workspace.
   */
  readonly facts: L extends 'kubernetes' ? KubernetesFacts : undefined;
  report(report: Report<MessageId>): void;
}

type InstructionHandler = (instruction: DockerInstruction, stage: Stage) => void;

export interface DockerfileHandlers {
  dockerfile?(model: DockerfileModel): void;
  stage?(stage: Stage): void;
  /** Called for every instruction; `instruction.keyword` is upper case. */
  instruction?: InstructionHandler;
}

export interface KubernetesHandlers<S extends ScopeFor<'kubernetes'> = ScopeFor<'kubernetes'>> {
  file?(model: KubernetesModel): void;
  object?(object: KubeObject): void;
  /** Under `windows-pod`, with what makes the pod a Windows pod. */
  podSpec?(pod: PodSpec, ...windows: S extends 'windows-pod' ? [windows: WindowsPod] : []): void;
}

/** The first part of a rule id: the language, or `yaml` for a rule about a YAML file itself rather than the objects in it. */
type RuleNamespace<L extends Language> = L extends 'kubernetes' ? 'kubernetes' | 'yaml' : L;

export interface RuleDefinition<MessageId extends string, L extends Language, S extends ScopeFor<L> = ScopeFor<L>> {
  id: `${RuleNamespace<L>}/${string}`;
  meta: RuleMeta<MessageId> & { language: L; scope: S };
  create(context: RuleContext<MessageId, L>): L extends 'dockerfile' ? DockerfileHandlers : KubernetesHandlers<Extract<S, ScopeFor<'kubernetes'>>>;
}

export type AnyRule = RuleDefinition<string, 'dockerfile'> | RuleDefinition<string, 'kubernetes'>;

/** Typed identity helper: checks that messageIds used in reports exist in meta.messages. */
export function defineRule<MessageId extends string, L extends Language, S extends ScopeFor<L>>(rule: RuleDefinition<MessageId, L, S>): RuleDefinition<MessageId, L, S> {
  return rule;
}

export function defaultSeverity(meta: Pick<RuleMeta<string>, 'defaultSeverity'>, frontEnd: FrontEnd): Severity {
  return typeof meta.defaultSeverity === 'string' ? meta.defaultSeverity : meta.defaultSeverity[frontEnd];
}

/** "error" or "error in the CLI, warning in the editor", as the docs show it. */
export function describeDefaultSeverity(meta: Pick<RuleMeta<string>, 'defaultSeverity'>): string {
  const { defaultSeverity: severity } = meta;
  return typeof severity === 'string' ? severity : `${severity.cli} in the CLI, ${severity.editor} in the editor`;
}

/** A report after the runner has applied configuration: what the editor, CLI and tests see. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The key of the message in the rule's `meta.messages`: what tests and tools match, never the text. */
  messageId: string;
  /** The values put into the message template. */
  data: Readonly<Record<string, string | number>>;
  message: string;
  range: Range;
  fix?: Fix;
  suggestions: Fix[];
  related: RelatedLocation[];
  deprecation: boolean;
}
