// Windows containers only run on hosts whose build the image supports: with process isolation the
// builds must match (from Windows Server 2022 on, a host also runs the previous LTSC), with Hyper-V
// isolation the image must not be newer than the host. One build has to pull every stage and run
// the RUN steps of each, so stages that need different hosts cannot be built together, and an
// image the target host cannot run fails at `docker run` or on the Kubernetes node.
// https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility
import { defineRule, type Fix } from '../../engine/types';
import { canRunHyperV, canRunProcessIsolated, describeRelease, preferredImageBuildForHost, suggestRetag, windowsReleases } from '../../kb';
import { dependenciesOf, imageSourcesOf, rootStage } from '../../languages/dockerfile/build';
import { retagFix, tagOfReference } from '../../languages/dockerfile/edits';
import type { BaseImage, DockerfileModel, Stage } from '../../languages/dockerfile/model';

export default defineRule({
  id: 'dockerfile/windows-version-mismatch',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'error',
    description: 'Windows stages built together, and the host that runs them, must be on compatible Windows builds.',
    messages: {
      stages:
        'This stage is on {{build}}, but stage {{other}} that it is built with is on {{otherBuild}}: no Windows host pulls both and runs their RUN steps with process isolation, so the build fails with "The container operating system does not match the host operating system".',
      process:
        'The target host runs {{target}}, which cannot run {{build}} images with process isolation ("The container operating system does not match the host operating system"). Use the {{suggestion}} image.',
      hyperv:
        'The target host runs {{target}}, which cannot run {{build}} images even with Hyper-V isolation: the image is newer than the host. Use the {{suggestion}} image.',
      copiedPull:
        'The target host runs {{target}}, which cannot pull {{build}} images to copy from: an image newer than the host does not pull ("a Windows version 10.0.{{imageBuild}}-based image is incompatible"). Use the {{suggestion}} image.',
      copiedStage:
        'This stage is on {{stageBuild}} and copies from {{image}}, which is on {{build}}: no Windows host pulls the newer image and runs the stage\'s RUN steps with process isolation, so the build fails.',
    },
    fixable: true,
    hasSuggestions: true,
    sources: [
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility',
      'https://github.com/containerd/platforms/blob/main/platform_windows_compat.go',
      'https://github.com/moby/moby/blob/master/daemon/images/image_windows.go',
    ],
  },
  create(context) {
    const target = context.config.target;
    const hyperv = context.config.isolation === 'hyperv';
    const runsOnTarget = (build: number): boolean => target === undefined || (hyperv ? canRunHyperV(target.build, build) : canRunProcessIsolated(target.build, build));

    return {
      dockerfile(model: DockerfileModel) {
        if (target) {
          const wanted = preferredImageBuildForHost(target.build) ?? target.build;
          for (const stage of model.stages) {
            const builds = buildsOf(stage);
            if (!stage.base || stage.base.info.hostProcessOnly || !builds || builds.some(runsOnTarget)) continue;
            const retagged = suggestRetag(stage.base.ref, wanted);
            const tag = retagged && tagOfReference(retagged);
            const fix = tag ? retagFix(model, stage.base, tag) : undefined;
            context.report({
              range: stage.base.tagRange ?? stage.base.range,
              messageId: hyperv ? 'hyperv' : 'process',
              data: { target: describeRelease(target.build), build: describeBuilds(builds), suggestion: describeRelease(wanted) },
              fix,
            });
          }
          // An image a stage copies from is only pulled, in either isolation: it must not be newer than the host.
          for (const stage of model.stages) {
            if (stage.os !== 'windows') continue;
            for (const image of imageSourcesOf(model, stage)) {
              const builds = imageBuilds(image);
              if (!builds || builds.some((build) => build <= target.build)) continue;
              const retagged = suggestRetag(image.ref, wanted);
              const tag = retagged && tagOfReference(retagged);
              context.report({
                range: image.tagRange ?? image.range,
                messageId: 'copiedPull',
                data: { target: describeRelease(target.build), build: describeBuilds(builds), imageBuild: Math.min(...builds), suggestion: describeRelease(wanted) },
                fix: tag ? retagFix(model, image, tag) : undefined,
              });
            }
          }
        }
        // Stages that all run on the target host can be built together there; Hyper-V builds any
        // stage on a host that is not older. Only without a target is the pairing left to check.
        if (target || hyperv) return;
        for (const stage of model.stages) {
          const stageBuilds = buildsOf(stage);
          if (!stageBuilds) continue;
          const stageRuns = runs(model, rootStage(stage));
          for (const image of imageSourcesOf(model, stage)) {
            const builds = imageBuilds(image);
            if (!builds || oneHostBuilds([{ builds: stageBuilds, runs: stageRuns }, { builds, runs: false }])) continue;
            const retagged = stageBuilds.length === 1 ? suggestRetag(image.ref, stageBuilds[0]!) : undefined;
            const tag = retagged && tagOfReference(retagged);
            const suggestion = tag ? retagFix(model, image, tag) : undefined;
            context.report({
              range: image.tagRange ?? image.range,
              messageId: 'copiedStage',
              data: { stageBuild: describeBuilds(stageBuilds), image: image.ref.raw.trim(), build: describeBuilds(builds) },
              suggest: suggestion ? [suggestion] : [],
            });
          }
        }
        for (const group of buildGroups(model)) {
          const final = rootStage(group[group.length - 1]!);
          const finalBuilds = buildsOf(final);
          if (!finalBuilds) continue;
          for (const stage of group) {
            const builds = buildsOf(stage);
            if (stage === final || !stage.base || !builds) continue;
            if (oneHostBuilds([{ builds, runs: runs(model, stage) }, { builds: finalBuilds, runs: runs(model, final) }])) continue;
            const retagged = finalBuilds.length === 1 ? suggestRetag(stage.base.ref, finalBuilds[0]!) : undefined;
            const tag = retagged && tagOfReference(retagged);
            const suggestion: Fix | undefined = tag ? retagFix(model, stage.base, tag) : undefined;
            context.report({
              range: stage.base.tagRange ?? stage.base.range,
              messageId: 'stages',
              data: { build: describeBuilds(builds), other: final.name ?? String(final.index), otherBuild: describeBuilds(finalBuilds) },
              suggest: suggestion ? [suggestion] : [],
              related: [{ uri: context.uri, range: final.base?.tagRange ?? final.fromRange, message: `Stage ${final.name ?? final.index} is on ${describeBuilds(finalBuilds)}` }],
            });
          }
        }
      },
    };
  },
});

/**
 * The builds a stage's base image may resolve to: its own, or the Windows entries of a shared tag
 * (`dotnet/framework/sdk:4.8` has only 2019 and 2016 images). Undefined when unknown.
 */
function buildsOf(stage: Stage): number[] | undefined {
  if (stage.os !== 'windows') return undefined;
  if (stage.windowsBuild !== undefined) return [stage.windowsBuild];
  const shared = rootStage(stage).base?.info.sharedTagReleases;
  return shared?.length ? shared.map((release) => release.build) : undefined;
}

/** The Windows builds an image a stage copies from may resolve to, when known; a HostProcess image pulls on any build. */
function imageBuilds({ info }: BaseImage): number[] | undefined {
  if (info.os !== 'windows' || info.hostProcessOnly) return undefined;
  if (info.build !== undefined) return [info.build];
  return info.sharedTagReleases?.length ? info.sharedTagReleases.map((release) => release.build) : undefined;
}

/** A stage runs commands when it, or a stage built on it, has a RUN. */
function runs(model: DockerfileModel, stage: Stage): boolean {
  return model.stages.some((s) => rootStage(s) === stage && s.instructions.some((i) => i.keyword === 'RUN'));
}

/**
 * Whether some Windows host can pull an image of each stage (not newer than the host) and run the
 * stages that have RUN steps with process isolation.
 */
function oneHostBuilds(stages: ReadonlyArray<{ builds: number[]; runs: boolean }>): boolean {
  return windowsReleases.some((host) =>
    stages.every(({ builds, runs }) => builds.some((build) => build <= host.build && (!runs || canRunProcessIsolated(host.build, build)))),
  );
}

/** Windows stages that one build needs together (parents and COPY --from sources), in file order. */
function buildGroups(model: DockerfileModel): Stage[][] {
  const group = new Map<Stage, Stage>();
  const find = (stage: Stage): Stage => {
    let s = stage;
    while (group.get(s) && group.get(s) !== s) s = group.get(s)!;
    return s;
  };
  for (const stage of model.stages) group.set(stage, stage);
  for (const stage of model.stages) {
    for (const dependency of dependenciesOf(model, stage)) group.set(find(dependency.stage), find(stage));
  }
  const groups = new Map<Stage, Stage[]>();
  for (const stage of model.stages) {
    if (stage.os !== 'windows') continue;
    const key = find(stage);
    groups.set(key, [...(groups.get(key) ?? []), stage]);
  }
  return [...groups.values()].filter((stages) => stages.length > 1);
}

/** One build, or the Windows builds a shared tag may resolve to: "either A or B". */
function describeBuilds(builds: readonly number[]): string {
  const names = builds.map(describeRelease);
  return names.length === 1 ? names[0]! : `either ${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
}
