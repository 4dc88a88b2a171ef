// Renders the knowledge-base tables that rule pages show (support dates, product lifecycles, the
// Windows nodes Kubernetes supports, Insider names) between `<!-- kb:<name> -->` and `<!-- /kb -->`,
// so a page never states a date or replacement the KB does not hold.
import { baseImageLifecycles, imageFamilies, kubernetesWindowsNodes, productLifecycles, releaseForName, windowsReleases } from '../../server/src/kb';

const variantNames: Record<string, string> = { servercore: 'Server Core', nanoserver: 'Nano Server', server: 'Windows Server', windows: 'Windows' };

const blocks: Record<string, () => string[]> = {
  'base-image-lifecycle': () => [
    '| Release | Variants | Mainstream end | Extended end |',
    '| --- | --- | --- | --- |',
    ...baseImageLifecycles.map((row) => {
      const release = releaseForName(row.release)!;
      return `| ${release.name} (\`${release.tagNames.join('`, `')}\`) | ${row.variants.map((v) => variantNames[v]).join(', ')} | ${row.mainstreamEnd} | ${row.extendedEnd ?? 'none'} |`;
    }),
    '',
    ...windowsReleases
      .filter((release) => release.lifecycleDates)
      .map((release) => {
        const dates = release.lifecycleDates!;
        const given = [dates.mainstreamEnd && `mainstream ${dates.mainstreamEnd}`, dates.extendedEnd && `extended ${dates.extendedEnd}`].filter(Boolean).join(', ');
        return `- ${release.name}: the Microsoft Lifecycle pages give ${given} for the OS. Image messages use the container page's dates above; node messages in manifests use the Lifecycle dates.`;
      }),
  ],
  'product-lifecycles': () => [
    '| Images | Versions | What happened | Date | Instead |',
    '| --- | --- | --- | --- | --- |',
    ...productLifecycles.map((entry) => {
      const versions = entry.versions ? `\`${entry.versions.source}\`${entry.releases ? ` on ${entry.releases.join(', ')}` : ''}` : 'all';
      const what = { 'end-of-support': 'end of support', 'no-longer-produced': 'no longer produced', 'not-updated': 'no longer updated (hover only)' }[entry.kind];
      return `| ${entry.families.join(', ')} | ${versions} | ${what} | ${entry.date ?? 'not announced'} | ${entry.advice} |`;
    }),
    '',
    `Checked against the sources on ${productLifecycles.map((entry) => entry.checked).sort().at(-1)}.`,
  ],
  'kubernetes-windows-nodes': () => [
    `Kubernetes supports Windows nodes of ${kubernetesWindowsNodes.supportedReleases.map((id) => releaseForName(id)!.name).join(' and ')} only, since Kubernetes ${kubernetesWindowsNodes.since} (checked ${kubernetesWindowsNodes.checked}).`,
  ],
  'insider-names': () =>
    imageFamilies
      .filter((family) => family.preview)
      .map((family) => {
        const names = family.repositories.map((repository) => `\`${family.registries[0] === 'docker.io' ? '' : family.registries[0] + '/'}${repository}\``).join(', ');
        return `- ${names}${family.deprecated?.replacement ? `: old name, now \`${family.deprecated.replacement}\`` : ''}`;
      }),
};

/** The page with every KB block rendered again; throws on a block name that does not exist. */
export function renderKbBlocks(page: string): string {
  return page.replace(/(<!-- kb:([\w-]+) -->\n)[\s\S]*?(<!-- \/kb -->)/g, (_all, open: string, name: string, close: string) => {
    const render = blocks[name];
    if (!render) throw new Error(`unknown KB block ${name}`);
    return `${open}${render().join('\n')}\n${close}`;
  });
}
