/**
 * The one module rules ask the Windows knowledge base through. The facts live as data in
 * releases.ts, images.ts, dockerfile.ts and kubernetes.ts; the modules beside them interpret them.
 */
export type {
  BaseImageLifecycle,
  BaseVariant,
  ImageFamily,
  ImageOs,
  IsoDate,
  LinuxOnlyImage,
  ProductLifecycle,
  RetagRule,
  TagExample,
  TagKind,
  TagScheme,
  VariantFacts,
  WindowsRelease,
} from './types';
export { baseImageLifecycles, kubernetesWindowsNodes, stableAbi, windowsReleases } from './releases';
export { imageFamilies, latestTagRemoved, linuxOnlyImages, productLifecycles, tagWords, variantFactsTable } from './images';
export {
  derivedImages,
  familiesWithoutPosixTools,
  linuxOnlyCommands,
  linuxPathsThatWorkOnWindows,
  linuxSystemPaths,
  posixToolkits,
  shellWrappers,
  windowsFeatureInstall,
} from './dockerfile';
export type { DerivedImage, LinuxOnlyCommand, LinuxSystemPath, ShellWrapper } from './dockerfile';
export {
  directxDeviceResources,
  dns1123Subdomain,
  documentedWindowsTaint,
  fieldsForbiddenOnLinux,
  fieldsForbiddenOnWindows,
  hostProcessAccounts,
  linuxExecutable,
  linuxExecutables,
  linuxHostPath,
  linuxHostPaths,
  podSecurityEnforcement,
  runAsUserNameLimits,
  volumeFeaturesUnsupportedOnWindows,
} from './kubernetes';
export type { FieldCondition, FieldLevel, LinuxHostPath, NodeTaint, PodField, VolumeFeature, VolumeFeatureScope } from './kubernetes';
export { canRunHyperV, canRunProcessIsolated, preferredImageBuildForHost } from './compatibility';
export { describeImage, type ImageInfo } from './describe-image';
export { parseImageReference, type ImageReference } from './image-reference';
export { releaseTagFor, suggestRetag, windowsTagsForSharedTag } from './retag';
export {
  hostSupportStatus,
  imageLifecycleNotes,
  imageSupport,
  kubernetesNodeSupport,
  productSupport,
  productSupportMessages,
  productSupportSources,
  endsWithinNotice,
  monthAndYear,
  supportedLtscReleases,
  supportStatus,
  variantFacts,
} from './support';
export type { ImageSupport, ProductSupport, SupportStatus } from './support';
export { targetVersionChoices, targetVersionPattern } from './target-setting';
export { describeRelease, newestLtscRelease, parseWindowsVersion, releaseForBuild, releaseForName, supportedNodeBuildLabel } from './versions';
