// HostProcess containers run directly on the Windows host. The API server (validateWindowsHostProcessPod)
// rejects a pod that mixes them with normal containers, gives pod and container different values,
// or lacks hostNetwork: true; the kubelet docs further require runAsUserName and forbid runAsNonRoot.
// https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/
import type { Node } from 'yaml';
import { defineRule } from '../../engine/types';
import { hostProcessAccounts } from '../../kb';
import { insertPath, removePair } from '../../languages/kubernetes/edit';
import { mayHaveHiddenKeys, nodeRange, pairKeyRange, type PodSpec } from '../../languages/kubernetes/model';
import { booleanField, containerNode, stringField } from '../../languages/kubernetes/windows';
import { getMap } from '../../languages/kubernetes/yaml-util';

const accounts = hostProcessAccounts.users.map((user) => `${hostProcessAccounts.domain}\\${user}`).join(', ');

export default defineRule({
  id: 'kubernetes/hostprocess-pod',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    // HostProcess settings are checked wherever they are written: the API server validates them on every pod, even one whose other fields say Linux (os-conflict's business).
    scope: 'any',
    defaultSeverity: 'error',
    description: 'A pod with HostProcess containers needs hostNetwork: true, only HostProcess containers, matching pod and container values, a runAsUserName, and no runAsNonRoot.',
    messages: {
      hostNetwork: 'hostNetwork must be true if pod contains any hostProcess containers: the API server rejects this {{kind}} without it.',
      notAll: 'Container "{{container}}" is not a HostProcess container, but others in this pod are: the API server requires all containers (init and ephemeral included) to be HostProcess containers.',
      mismatch: 'The pod sets hostProcess: {{pod}} and this container hostProcess: {{container}}: the API server requires identical values when both are set.',
      noUser: 'HostProcess container "{{container}}" has no runAsUserName: set it, at pod or container level, to {{accounts}} or a local user group.',
      runAsNonRoot: 'runAsNonRoot must be unset or false for HostProcess containers: they run as a host account ({{accounts}} or a local group member).',
    },
    fixable: true,
    hasSuggestions: true,
    sources: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/',
      'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go',
    ],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        const info = context.facts.hostProcess(pod);
        if (!info.any) return;
        const model = pod.object.model;
        const kind = pod.object.kind;
        const firstTrue = info.pod?.value === true ? info.pod.pair : info.containers.find((c) => c.own?.value === true)?.own?.pair;

        const hostNetwork = booleanField(pod, pod.map, ['hostNetwork']);
        if (hostNetwork?.value === false) {
          const valueNode = hostNetwork.pair.value as Node;
          context.report({
            range: nodeRange(model, valueNode),
            messageId: 'hostNetwork',
            data: { kind },
            fix: { title: 'Set hostNetwork: true', edits: [{ range: nodeRange(model, valueNode), newText: 'true' }] },
          });
        } else if (!hostNetwork && !mayHaveHiddenKeys(model, pod.map, pod.ctx) && firstTrue) {
          const addHostNetwork = insertPath(model, pod.map, ['hostNetwork'], 'true');
          context.report({
            range: pairKeyRange(model, firstTrue),
            messageId: 'hostNetwork',
            data: { kind },
            ...(addHostNetwork ? { fix: { title: 'Add hostNetwork: true', edits: [addHostNetwork] } } : {}),
          });
        }

        const podValue = info.pod?.value;
        for (const entry of info.containers) {
          const name = entry.container.name ?? `${entry.container.group}[${entry.container.index}]`;
          const own = entry.own;
          if (own && typeof own.value === 'boolean' && typeof podValue === 'boolean' && own.value !== podValue) {
            context.report({ range: nodeRange(model, own.pair.value as Node), messageId: 'mismatch', data: { pod: String(podValue), container: String(own.value) } });
            continue;
          }
          if (entry.effective === false || (entry.effective === undefined && !info.unknown)) {
            const node = own?.value === false ? (own.pair.value as Node) : containerNode(entry.container);
            context.report({ range: nodeRange(model, node), messageId: 'notAll', data: { container: name } });
          }
        }

        const podOptions = getMap(getMap(pod.map, 'securityContext', pod.ctx), 'windowsOptions', pod.ctx);
        const podUser = stringField(pod, podOptions, 'runAsUserName');
        for (const entry of info.containers) {
          if (entry.effective !== true) continue;
          const options = getMap(getMap(entry.container.map, 'securityContext', pod.ctx), 'windowsOptions', pod.ctx);
          const hidden = mayHaveHiddenKeys(model, options ?? entry.container.map, pod.ctx) || mayHaveHiddenKeys(model, podOptions ?? pod.map, pod.ctx);
          if (!podUser && !stringField(pod, options, 'runAsUserName') && !hidden) {
            const name = entry.container.name ?? `${entry.container.group}[${entry.container.index}]`;
            context.report({ range: nodeRange(model, containerNode(entry.container)), messageId: 'noUser', data: { container: name, accounts } });
          }
        }

        for (const map of [pod.map, ...info.containers.filter((c) => c.effective === true).map((c) => c.container.map)]) {
          const runAsNonRoot = booleanField(pod, getMap(map, 'securityContext', pod.ctx), ['runAsNonRoot']);
          if (runAsNonRoot?.value !== true) continue;
          const edit = removePair(model, pod.map, runAsNonRoot.pair);
          context.report({
            range: nodeRange(model, runAsNonRoot.pair.value as Node),
            messageId: 'runAsNonRoot',
            data: { accounts },
            ...(edit ? { suggest: [{ title: 'Remove runAsNonRoot', edits: [edit] }] } : {}),
          });
        }
      },
    };
  },
});

