// On a Windows node the kubelet turns a hostPath like /var/run/docker.sock into C:\var\run\docker.sock
// and containerd creates a missing source, so a Linux socket or /proc, /sys, /dev mount "works" and
// holds nothing. The Windows services listen on named pipes instead. Plain paths such as /var/log or
// /var/lib/kubelet are fine: they map to C:\var\log and the kubelet's own C:\var\lib\kubelet.
// https://kubernetes.io/docs/concepts/storage/windows-storage/
import type { Node } from 'yaml';
import { defineRule, type Fix } from '../../engine/types';
import { linuxHostPath } from '../../kb';
import { nodeRange, valueIsTemplated, type PodSpec } from '../../languages/kubernetes/model';
import { inTemplateBlock } from '../../languages/kubernetes/windows';
import { asMap, getMap, getPair, getSeq, scalarText } from '../../languages/kubernetes/yaml-util';

export default defineRule({
  id: 'kubernetes/linux-host-path',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'error',
    description: 'A Windows pod must not mount Linux sockets or /proc, /sys, /dev from the host: Windows nodes have named pipes instead.',
    messages: {
      socket: 'Volume "{{volume}}" mounts {{path}}, a Linux socket: on a Windows node it becomes an empty C:{{windowsPath}} directory. The Windows service listens on the named pipe {{pipe}}.',
      socketNoPipe: 'Volume "{{volume}}" mounts {{path}}, a Linux socket: on a Windows node it becomes an empty C:{{windowsPath}} directory.',
      system: 'Volume "{{volume}}" mounts {{path}}, which exists only on Linux: on a Windows node it becomes an empty C:{{windowsPath}} directory.',
    },
    fixable: false,
    hasSuggestions: true,
    sources: [
      'https://kubernetes.io/docs/concepts/storage/windows-storage/',
      'https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/',
      'https://github.com/moby/moby/blob/master/client/client_windows.go',
      'https://github.com/kubernetes/kubernetes/blob/master/pkg/volume/util/util.go',
    ],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        const model = pod.object.model;
        // HostProcess containers cannot mount named pipes; they open them on the host directly.
        const canMountPipe = !context.facts.hostProcess(pod).any;
        for (const item of getSeq(pod.map, 'volumes', pod.ctx)?.items ?? []) {
          const volume = asMap(item, pod.ctx);
          const pathPair = getPair(getMap(volume, 'hostPath', pod.ctx), 'path', pod.ctx);
          if (!pathPair || valueIsTemplated(model, pathPair, pod.ctx) || inTemplateBlock(model, pathPair.key as Node)) continue;
          const path = scalarText(pathPair.value, pod.ctx);
          const entry = path !== undefined ? linuxHostPath(path) : undefined;
          if (!path || !entry) continue;
          const range = nodeRange(model, pathPair.value as Node);
          const data = { volume: scalarText(getPair(volume, 'name', pod.ctx)?.value, pod.ctx) ?? '', path, windowsPath: path.replace(/\//g, '\\'), pipe: entry.windowsPath ?? '' };
          if (entry.kind === 'system') {
            context.report({ range, messageId: 'system', data });
            continue;
          }
          // The pipe is what the service listens on, but the program in the container must also
          // speak npipe (DOCKER_HOST=npipe:////./pipe/docker_engine): a choice for the user.
          const suggest: Fix[] = entry.windowsPath && canMountPipe
            ? [{ title: `Mount the named pipe ${entry.windowsPath}`, edits: [{ range, newText: `'${entry.windowsPath}'` }] }]
            : [];
          context.report({ range, messageId: entry.windowsPath ? 'socket' : 'socketNoPipe', data, suggest });
        }
      },
    };
  },
});
