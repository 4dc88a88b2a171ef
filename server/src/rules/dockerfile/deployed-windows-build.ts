// The Dockerfile side of a cross-file mistake: the image is built on one Windows build and a
// manifest of the workspace schedules it onto nodes of another that cannot run it. Kubernetes
// runs Windows containers with process isolation only, so containerd's compatibility rule decides.
import { fileName } from '../../engine/describe';
import { defineRule, type Fix } from '../../engine/types';
import { canRunProcessIsolated, describeRelease, suggestRetag } from '../../kb';
import type { DockerfileModel } from '../../languages/dockerfile/model';

export default defineRule({
  id: 'dockerfile/deployed-windows-build',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'error',
    description: 'The image must be built on a Windows build that the nodes its manifests deploy it to can run.',
    messages: {
      mismatch:
        'This image is built on {{imageBuild}}, but {{workload}} in {{file}} deploys it to nodes of {{nodeBuild}}, which cannot run it: Kubernetes uses process isolation, and the build must be one the node supports.',
    },
    fixable: false,
    hasSuggestions: true,
    sources: [
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility',
      'https://kubernetes.io/docs/concepts/windows/intro/',
      'https://github.com/containerd/platforms/blob/main/platform_windows_compat.go',
    ],
  },
  create(context) {
    return {
      dockerfile(model: DockerfileModel) {
        const final = model.stages[model.stages.length - 1];
        const imageBuild = final?.windowsBuild;
        const base = final?.rootBase;
        if (!final || final.os !== 'windows' || imageBuild === undefined || !base) return;
        const reported = new Set<number>();
        const lines = context.lines;
        for (const deployment of context.workspace.deploymentsOf(context.uri)) {
          const node = deployment.nodeBuild;
          // HostProcess containers run on the host itself and are exempt from build matching. Nodes of
          // the target build are already checked against the target; saying it twice is noise.
          if (!node || deployment.usage.hostProcess || reported.has(node.build) || node.build === context.config.target?.build || canRunProcessIsolated(node.build, imageBuild)) continue;
          reported.add(node.build);
          // Only an image written out literally can be rewritten; one made of ARGs is the user's to change.
          const written = lines.text.slice(lines.offset(base.range.start), lines.offset(base.range.end));
          const retagged = written.includes('$') ? undefined : suggestRetag(base.ref, node.build);
          const suggest: Fix[] = retagged ? [{ title: `Build on ${retagged}`, edits: [{ range: base.range, newText: retagged }] }] : [];
          context.report({
            range: base.tagRange ?? base.range,
            messageId: 'mismatch',
            data: { imageBuild: describeRelease(imageBuild), workload: deployment.usage.workload, file: fileName(deployment.usage.uri), nodeBuild: describeRelease(node.build) },
            suggest,
            related: [
              { uri: node.uri, range: node.range, message: `Nodes of ${describeRelease(node.build)}` },
              { uri: deployment.usage.uri, range: deployment.usage.range, message: `${deployment.usage.workload} deploys the image built here` },
            ],
          });
        }
      },
    };
  },
});
