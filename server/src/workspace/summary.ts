// What the workspace index keeps of each file: the few facts other files' checks ask about (which
// Windows build a Dockerfile produces, which images a manifest deploys and onto which Windows
// build, which images compose/skaffold files build from which Dockerfile). Summaries come from
// the same parse models the rules use.
import { dirname, resolve } from 'node:path';
import { Composer, isMap, Parser, type Node } from 'yaml';
import type { DockerfileSummary, ImageLink, YamlSummary } from '../core/summary';
import { LineIndex, type Range } from '../core/text';
import { emptyWorkspace } from '../core/workspace-view';
import { defaultConfig } from '../engine/config';
import { KubernetesFacts } from '../engine/facts';
import { runtimeClassNodeBuild } from '../engine/pod-os';
import { parseImageReference, type ImageReference } from '../kb';
import type { DockerfileModel } from '../languages/dockerfile/model';
import { kubernetesObjects, type KubeObject, type KubernetesModel } from '../languages/kubernetes/model';
import { asMap, getMap, getNode, getPair, getSeq, ownPairs, pairKeyText, scalarText, stringAt, type YamlContext } from '../languages/kubernetes/yaml-util';

/** Registry defaults are ignored (`nginx` = `docker.io/library/nginx`); tags are compared separately. */
export function imageKey(ref: ImageReference): string {
  return `${ref.registry === 'docker.io' ? '' : ref.registry + '/'}${ref.repository.replace(/^library\//, '')}`;
}

export function summarizeDockerfile(path: string, uri: string, model: DockerfileModel): DockerfileSummary | undefined {
  const final = model.stages[model.stages.length - 1];
  if (!final) return undefined;
  return { kind: 'dockerfile', path, uri, finalOs: final.os, finalBuild: final.windowsBuild, finalFromRange: final.rootBase?.range ?? final.fromRange };
}

export function summarizeYaml(path: string, uri: string, model: KubernetesModel): YamlSummary {
  return runSteps(summarizeDocuments(path, uri, model.text, [model.objects]));
}

/**
 * A closed file's summary, from its stream read one document at a time: no model is kept. Yields
 * after each document, so the caller may let other work run in the middle of a long stream.
 */
export function* summarizeYamlText(path: string, uri: string, text: string): Generator<void, YamlSummary> {
  const summary = yield* summarizeDocuments(path, uri, text, kubernetesObjects(text));
  // Image names and workloads are cut from the text, and V8 keeps a cut's whole source string
  // alive: the copies let the index drop each file's text, half of what it held for a 10,000-line
  // manifest.
  return structuredClone(summary);
}

/** Runs work cut into steps to its end. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function* summarizeDocuments(path: string, uri: string, text: string, documents: Iterable<readonly KubeObject[]>): Generator<void, YamlSummary> {
  const summary: YamlSummary = { kind: 'yaml', path, uri, runtimeClasses: [], namespaces: [], usages: [], links: [], nodeBuilds: [] };
  // The same facts the rules read, of the file alone: the index resolves RuntimeClasses itself,
  // and a summary asks nothing that depends on configuration.
  const facts = new KubernetesFacts(uri, defaultConfig, emptyWorkspace);
  for (const objects of documents) {
    for (const object of objects) addObject(summary, facts, object);
    yield;
  }
  if (/^services\s*:/m.test(text) || /skaffold\//.test(text)) summary.links.push(...buildLinks(path, uri, text));
  return summary;
}

function addObject(summary: YamlSummary, facts: KubernetesFacts, object: KubeObject): void {
  const { uri } = facts;
  const runtimeClass = facts.runtimeClassOf(object);
  if (runtimeClass) {
    summary.runtimeClasses.push(runtimeClass);
    const nodeBuild = runtimeClassNodeBuild(runtimeClass);
    if (nodeBuild) summary.nodeBuilds.push(nodeBuild);
  }
  const namespace = facts.namespaceOf(object);
  if (namespace) summary.namespaces.push(namespace);
  for (const pod of object.podSpecs) {
    const nodeBuild = facts.podNodeBuild(pod);
    if (nodeBuild) summary.nodeBuilds.push(nodeBuild);
    const hostProcess = facts.hostProcess(pod);
    const runtimeClassName = stringAt(pod.map, 'runtimeClassName', pod.ctx);
    pod.containers.forEach((container, index) => {
      const ref = container.image?.ref;
      if (!ref) return;
      summary.usages.push({
        uri,
        image: container.image!.text,
        key: imageKey(ref),
        tag: ref.tag,
        range: container.image!.range,
        workload: `${object.kind}${object.name ? ' ' + object.name : ''}`,
        hostProcess: hostProcess.containers[index]!.effective === true,
        nodeBuild,
        runtimeClassName,
      });
    });
  }
}

/** compose `build` + `image`, and skaffold `build.artifacts`: which Dockerfile builds which image. */
function buildLinks(path: string, uri: string, text: string): ImageLink[] {
  const links: ImageLink[] = [];
  const lines = new LineIndex(text);
  const folder = dirname(path);
  // Composed one document at a time, as parseAllDocuments would compose them all at once.
  for (const doc of new Composer({ prettyErrors: false, uniqueKeys: false }).compose(new Parser().parse(text))) {
    const ctx: YamlContext = { doc, templates: { spans: [] } };
    const root = asMap(doc.contents, ctx);
    if (!root) continue;
    const apiVersion = stringAt(root, 'apiVersion', ctx);
    if (apiVersion?.startsWith('skaffold/')) {
      for (const item of getSeq(getMap(root, 'build', ctx), 'artifacts', ctx)?.items ?? []) {
        const artifact = asMap(item, ctx);
        const imagePair = getPair(artifact, 'image', ctx);
        const ref = parseImageReference(scalarText(imagePair?.value, ctx) ?? '');
        if (!ref || !imagePair) continue;
        const context = stringAt(artifact, 'context', ctx) ?? '.';
        const dockerfile = stringAt(getMap(artifact, 'docker', ctx), 'dockerfile', ctx) ?? 'Dockerfile';
        // Skaffold tags images itself, so the written name carries no tag to match.
        links.push({ key: imageKey(ref), dockerfilePath: resolve(folder, context, dockerfile), uri, range: rangeOf(lines, imagePair.value as Node), via: 'skaffold' });
      }
      continue;
    }
    const services = getMap(root, 'services', ctx);
    if (apiVersion !== undefined || !services) continue;
    for (const pair of ownPairs(services)) {
      const service = asMap(pair.value, ctx);
      const imagePair = getPair(service, 'image', ctx);
      const ref = parseImageReference(scalarText(imagePair?.value, ctx) ?? '');
      const build = getNode(service, 'build', ctx);
      if (!ref || !imagePair || !build || pairKeyText(pair) === undefined) continue;
      const context = isMap(build) ? (stringAt(build, 'context', ctx) ?? '.') : scalarText(build, ctx);
      if (context === undefined) continue;
      const dockerfile = isMap(build) ? (stringAt(build, 'dockerfile', ctx) ?? 'Dockerfile') : 'Dockerfile';
      links.push({ key: imageKey(ref), tag: ref.tag, dockerfilePath: resolve(folder, context, dockerfile), uri, range: rangeOf(lines, imagePair.value as Node), via: 'compose' });
    }
  }
  return links;
}

function rangeOf(lines: LineIndex, node: Node): Range {
  return node.range ? lines.range(node.range[0], node.range[1]) : lines.range(0, 0);
}

/** The `images:` map of .wincontainers.yaml: image name -> Dockerfile, relative to the config's folder. */
export function configLinks(configPath: string, uri: string, images: Readonly<Record<string, string>>): ImageLink[] {
  const links: ImageLink[] = [];
  for (const [image, dockerfile] of Object.entries(images)) {
    const ref = parseImageReference(image);
    if (!ref) continue;
    links.push({ key: imageKey(ref), tag: ref.tag, dockerfilePath: resolve(dirname(configPath), dockerfile), uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, via: 'config' });
  }
  return links;
}
