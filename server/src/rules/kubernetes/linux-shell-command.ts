// Windows containers have no /bin/sh, bash or /usr/bin: a command, probe or hook that starts one
// fails with "executable file not found" and the container never starts (or the probe always
// fails). Use `cmd /S /C` or `powershell -Command` instead.
// https://kubernetes.io/docs/concepts/windows/intro/
import type { Node, YAMLMap } from 'yaml';
import { defineRule } from '../../engine/types';
import { linuxExecutable } from '../../kb';
import { nodeRange, valueIsTemplated, type Container, type PodSpec } from '../../languages/kubernetes/model';
import { inTemplateBlock } from '../../languages/kubernetes/windows';
import { asMap, getPair, getPath, getSeq, scalarText } from '../../languages/kubernetes/yaml-util';

const handlers: ReadonlyArray<{ path: readonly string[]; what: string }> = [
  { path: ['livenessProbe', 'exec'], what: 'liveness probe' },
  { path: ['readinessProbe', 'exec'], what: 'readiness probe' },
  { path: ['startupProbe', 'exec'], what: 'startup probe' },
  { path: ['lifecycle', 'postStart', 'exec'], what: 'postStart hook' },
  { path: ['lifecycle', 'preStop', 'exec'], what: 'preStop hook' },
];

export default defineRule({
  id: 'kubernetes/linux-shell-command',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'error',
    description: 'Commands, probes and lifecycle hooks of a Windows pod must not start Linux programs such as `/bin/sh` or `bash`.',
    messages: {
      linuxPath: 'The {{what}} of container "{{container}}" runs {{program}}, a Linux path: a Windows container has no such program. Use cmd /S /C or powershell -Command.',
      shell: 'The {{what}} of container "{{container}}" runs {{program}}, which {{image}} does not have: Windows images ship cmd (and Server Core powershell), not Linux shells.',
    },
    fixable: false,
    hasSuggestions: false,
    sources: ['https://kubernetes.io/docs/concepts/windows/intro/', 'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-docker/manage-windows-dockerfile'],
  },
  create(context) {
    function check(pod: PodSpec, container: Container, owner: YAMLMap | undefined, key: string, what: string, hostProcess: boolean): void {
      const pair = getPair(owner, key, pod.ctx);
      if (!pair || valueIsTemplated(pod.object.model, pair, pod.ctx) || inTemplateBlock(pod.object.model, pair.key as Node)) return;
      const first = getSeq(owner, key, pod.ctx)?.items[0];
      const program = scalarText(first, pod.ctx);
      if (program === undefined) return;
      const kind = linuxExecutable(program);
      const image = container.image;
      const name = container.name ?? `${container.group}[${container.index}]`;
      const range = nodeRange(pod.object.model, first as Node);
      if (kind === 'linux-directory') {
        context.report({ range, messageId: 'linuxPath', data: { what, container: name, program } });
      } else if (kind === 'shell' && !hostProcess && image?.info?.os === 'windows' && image.info.family) {
        // Only for images the KB knows the contents of: a custom image may install Git Bash or MSYS2,
        // and a HostProcess container may find a shell on the host.
        context.report({ range, messageId: 'shell', data: { what, container: name, program, image: image.text } });
      }
    }

    return {
      podSpec(pod: PodSpec) {
        const hostProcess = context.facts.hostProcess(pod);
        for (const entry of hostProcess.containers) {
          const { container } = entry;
          const isHostProcess = entry.effective !== false && entry.effective !== undefined;
          check(pod, container, container.map, 'command', 'command', isHostProcess);
          // Without `command`, args replace the image's CMD; Windows base images have no ENTRYPOINT,
          // so the first argument is the program.
          if (!getPair(container.map, 'command', pod.ctx) && container.image?.info?.family?.isBaseOs) {
            check(pod, container, container.map, 'args', 'args', isHostProcess);
          }
          for (const handler of handlers) {
            check(pod, container, asMap(getPath(container.map, handler.path, pod.ctx), pod.ctx), 'command', handler.what, isHostProcess);
          }
        }
      },
    };
  },
});
