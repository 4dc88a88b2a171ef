// How the stages of one Dockerfile relate when it is built: which stages a stage needs (its parent
// and its `COPY --from` sources), which account runs each instruction, and the text the stage's
// chain has seen so far. Docker Engine builds Windows images with the classic builder, which
// builds every stage in order.
import type { PropertyInstruction } from 'dockerfile-ast';
import type { Range } from '../../core/text';
import { describeImage, parseImageReference, variantFacts, type ImageReference } from '../../kb';
import type { BaseImage, DockerfileModel, DockerInstruction, Stage } from './model';

export interface StageDependency {
  stage: Stage;
  /** The `--from` value, or the FROM image for a parent stage. */
  range: Range;
}

/** The stage a `--from=<name|index>` names, when it is an earlier stage of the file. */
export function stageNamed(model: DockerfileModel, before: Stage, reference: string): Stage | undefined {
  const key = reference.toLowerCase();
  if (/^\d+$/.test(key)) {
    const index = Number(key);
    return index < before.index ? model.stages[index] : undefined;
  }
  return model.stages.find((s) => s.index < before.index && s.name?.toLowerCase() === key);
}

/** The stages this stage needs: its parent and every stage it copies from. */
export function dependenciesOf(model: DockerfileModel, stage: Stage): StageDependency[] {
  const dependencies: StageDependency[] = [];
  if (stage.parent)
    dependencies.push({
      stage: stage.parent,
      range: stage.image?.range ?? stage.fromRange,
    });
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
    for (const flag of instruction.flags) {
      if (flag.name !== 'from' || !flag.value) continue;
      const source = stageNamed(model, stage, flag.value);
      if (source)
        dependencies.push({
          stage: source,
          range: flag.valueRange ?? flag.range,
        });
    }
  }
  return dependencies;
}

/** The stages that run on the same base image: the stage and its parents, root first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent) chain.unshift(s);
  return chain;
}

/** The stage whose FROM names the base image of this stage's chain. */
export function rootStage(stage: Stage): Stage {
  return stageChain(stage)[0]!;
}

/** The chain's instructions before `instruction` (all of them when it is undefined). */
export function instructionsBefore(stage: Stage, instruction?: DockerInstruction): DockerInstruction[] {
  const result: DockerInstruction[] = [];
  for (const s of stageChain(stage)) {
    for (const i of s.instructions) {
      if (i === instruction) return result;
      result.push(i);
    }
  }
  return result;
}

/**
 * The account each instruction of the stage runs as: the last USER of the chain, else the default
 * account of a Windows base OS image (ContainerUser on Nano Server). Undefined when unknown: other
 * images may set their own USER.
 */
export function usersOf(stage: Stage): Map<DockerInstruction, string | undefined> {
  const root = rootStage(stage);
  const base = root.base?.info;
  let user: string | undefined = base?.family?.isBaseOs && base.variant ? variantFacts(base.variant).defaultUser : undefined;
  const users = new Map<DockerInstruction, string | undefined>();
  for (const s of stageChain(stage)) {
    for (const instruction of s.instructions) {
      users.set(instruction, user);
      if (instruction.keyword === 'USER') {
        const name = instruction.args[0]?.getValue();
        user = name && !name.includes('$') ? name.split(':')[0] : undefined;
      }
    }
  }
  return users;
}

/** Whether the build runs a command in a Windows stage, so it needs a Windows builder. */
export function runsWindowsCommands(model: DockerfileModel): boolean {
  return model.stages.some((stage) => stage.os === 'windows' && stage.instructions.some((i) => i.keyword === 'RUN'));
}

/** Names that ARG and ENV instructions of the chain declare before `instruction`. */
export function declaredVariables(stage: Stage, instruction: DockerInstruction): Set<string> {
  const names = new Set<string>();
  for (const earlier of instructionsBefore(stage, instruction)) {
    if (earlier.keyword === 'ARG') {
      for (const arg of earlier.args) names.add(arg.getValue().split('=')[0]!.toLowerCase());
    } else if (earlier.keyword === 'ENV') {
      for (const property of (earlier.ast as PropertyInstruction).getProperties()) {
        const name = property.getName();
        if (name) names.add(name.toLowerCase());
      }
    }
  }
  return names;
}

/**
 * The images a stage reads files from without building on them: `COPY --from=<image>` and
 * `RUN --mount=from=<image>` whose value names no stage of the file (BuildKit then pulls it as an
 * image). Only values written literally are read: a variable's build argument is not known here,
 * and quotes or escapes would shift the ranges of the tag.
 */
export function imageSourcesOf(model: DockerfileModel, stage: Stage): readonly BaseImage[] {
  let images = imageSources.get(stage);
  if (!images) imageSources.set(stage, (images = readImageSources(model, stage)));
  return images;
}

/** Per stage of one parse (a new parse makes new stages): five rules ask for every stage. */
const imageSources = new WeakMap<Stage, readonly BaseImage[]>();

function readImageSources(model: DockerfileModel, stage: Stage): BaseImage[] {
  const images: BaseImage[] = [];
  for (const instruction of stage.instructions) {
    for (const written of instruction.memo('imageSources', () => writtenSources(instruction))) {
      if (stageNamed(model, stage, written.text) || /^\d+$/.test(written.text)) continue;
      const ref = parseImageReference(written.text);
      if (ref) images.push(sourceImage(written, ref));
    }
  }
  return images;
}

interface WrittenSource {
  text: string;
  range: Range;
}

function sourceImage({ text, range }: WrittenSource, ref: ImageReference): BaseImage {
  const image: BaseImage = { text, ref, info: describeImage(ref), range };
  if (ref.tag !== undefined) {
    const at = text.indexOf('@');
    const tagStart = range.start.character + (at >= 0 ? text.slice(0, at) : text).lastIndexOf(':') + 1;
    image.tagRange = image.literalTagRange = { start: { line: range.start.line, character: tagStart }, end: { line: range.start.line, character: tagStart + ref.tag.length } };
  }
  return image;
}

function writtenSources(instruction: DockerInstruction): WrittenSource[] {
  const sources: WrittenSource[] = [];
  for (const flag of instruction.flags) {
    const range = flag.valueRange;
    const value = flag.value;
    if (!range || !value || value.includes('$') || range.start.line !== range.end.line || range.end.character - range.start.character !== value.length) continue;
    if (instruction.keyword === 'COPY' && flag.name === 'from') sources.push({ text: value, range });
    if (instruction.keyword !== 'RUN' || flag.name !== 'mount') continue;
    // The mount's options are comma-separated `key=value` fields; `from` names its stage or image.
    let offset = 0;
    for (const field of value.split(',')) {
      const eq = field.indexOf('=');
      if (eq > 0 && field.slice(0, eq).toLowerCase() === 'from' && eq + 1 < field.length) {
        const start = { line: range.start.line, character: range.start.character + offset + eq + 1 };
        sources.push({ text: field.slice(eq + 1), range: { start, end: { line: start.line, character: start.character + field.length - eq - 1 } } });
      }
      offset += field.length + 1;
    }
  }
  return sources;
}
