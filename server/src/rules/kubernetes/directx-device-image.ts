// A container that asks a Windows device plugin for a GPU gets it mounted the way `docker run
// --device class/5B45201D-...` mounts one, and Microsoft's requirements for GPU acceleration apply:
// Nano Server images are not supported, as they carry no DirectX runtime to use the device with.
// Server Core is left alone: Microsoft lists it as unsupported too, but the device plugins' own
// examples run on it and the Unreal Containers images add the DirectX DLLs to it, so an image built
// on it may well work.
// https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/gpu-acceleration
import type { Node, Pair } from 'yaml';
import { defineRule } from '../../engine/types';
import { directxDeviceResources } from '../../kb';
import { nodeRange, type Container, type PodSpec } from '../../languages/kubernetes/model';
import { inTemplateBlock } from '../../languages/kubernetes/windows';
import { getMap, ownPairs, pairKeyText, type YamlContext } from '../../languages/kubernetes/yaml-util';

const directxResources: ReadonlySet<string> = new Set(directxDeviceResources.names);

export default defineRule({
  id: 'kubernetes/directx-device-image',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'warning',
    description: 'A container that requests a DirectX GPU device must not run a Nano Server image: GPU acceleration in Windows containers needs the DirectX runtime Nano Server lacks.',
    messages: {
      nanoServer:
        'Container "{{container}}" requests {{resource}}, a GPU for DirectX, but its image {{image}} is based on Nano Server, which Microsoft does not support for GPU acceleration: Nano Server has no DirectX runtime to use the device with. Base the image on the full Windows image (mcr.microsoft.com/windows/server, or mcr.microsoft.com/windows before Windows Server 2022).',
    },
    fixable: false,
    hasSuggestions: false,
    sources: [...directxDeviceResources.sources, 'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/container-base-images'],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        const model = pod.object.model;
        for (const container of pod.containers) {
          const image = container.image;
          if (image?.info?.variant !== 'nanoserver') continue;
          const request = directxRequest(container, pod.ctx);
          if (!request || inTemplateBlock(model, request.key as Node)) continue;
          context.report({
            range: nodeRange(model, request.key as Node),
            messageId: 'nanoServer',
            data: { container: container.name ?? '', resource: pairKeyText(request) ?? '', image: image.text },
            related: [{ uri: context.uri, range: image.range, message: 'This image is based on Nano Server.' }],
          });
        }
      },
    };
  },
});

/** The container's first DirectX device entry, limits before requests (a limit alone also requests it). */
function directxRequest(container: Container, ctx: YamlContext): Pair | undefined {
  const resources = getMap(container.map, 'resources', ctx);
  for (const key of ['limits', 'requests']) {
    const found = ownPairs(getMap(resources, key, ctx)).find((pair) => directxResources.has(pairKeyText(pair) ?? ''));
    if (found) return found;
  }
  return undefined;
}
