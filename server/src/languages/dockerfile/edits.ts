// Edits to a FROM line that quick fixes share: a new tag, a new repository name.
import { LineIndex, type Fix, type Range } from '../../core/text';
import type { BaseImage, DockerfileModel } from './model';

/** The text a range covers. */
export function textOf(lines: LineIndex, range: Range): string {
  return lines.text.slice(lines.offset(range.start), lines.offset(range.end));
}

/** How many FROM lines use the global ARG: editing its default changes every one of them. */
function fromLinesUsing(model: DockerfileModel, name: string): number {
  const use = new RegExp(`\\$(?:\\{${name}(?:[:}+-]|\\})|${name}(?![A-Za-z0-9_]))`);
  return model.stages.filter((stage) => use.test(stage.image?.text ?? '')).length;
}

/**
 * Writes a new tag for the base image: after the image name when it has none (`FROM image` pulls
 * `latest`), in the FROM line when the tag is literal, in the global ARG when the ARG is the whole
 * tag and no other FROM uses it. A digest pins the old image, so an image with one is not retagged.
 */
export function retagFix(model: DockerfileModel, base: BaseImage, tag: string, title = `Use tag ${tag}`): Fix | undefined {
  if (base.ref.digest) return undefined;
  if (base.ref.tag === undefined) return { title, edits: [{ range: { start: base.range.end, end: base.range.end }, newText: `:${tag}` }] };
  if (base.literalTagRange) return { title, edits: [{ range: base.literalTagRange, newText: tag }] };
  if (base.tagFromArg && fromLinesUsing(model, base.tagFromArg.name) === 1) {
    return { title: `Set ARG ${base.tagFromArg.name} to ${tag}`, edits: [{ range: base.tagFromArg.valueRange, newText: tag }] };
  }
  return undefined;
}

/** The tag of an image reference text (`name:tag`), undefined when it has none. */
export function tagOfReference(reference: string): string | undefined {
  const at = reference.indexOf('@');
  const name = at >= 0 ? reference.slice(0, at) : reference;
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(colon + 1) : undefined;
}
