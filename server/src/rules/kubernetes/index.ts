// Every Kubernetes rule, listed explicitly: a rule that is not here does not run.
import type { AnyRule } from '../../engine/types';
import builtImageLinux from './built-image-linux';
import builtImageWindowsBuild from './built-image-windows-build';
import deprecatedImage from './deprecated-image';
import deprecatedNodeLabel from './deprecated-node-label';
import directxDeviceImage from './directx-device-image';
import frameworkEndOfSupport from './framework-end-of-support';
import gmsaCredentialSpecName from './gmsa-credential-spec-name';
import hostprocessPod from './hostprocess-pod';
import hostprocessPodSecurity from './hostprocess-pod-security';
import hypervIsolation from './hyperv-isolation';
import linuxHostPath from './linux-host-path';
import linuxNodeSelector from './linux-node-selector';
import linuxShellCommand from './linux-shell-command';
import osConflict from './os-conflict';
import runAsUserName from './run-as-user-name';
import windowsBaseImageTag from './windows-base-image-tag';
import windowsBuildMismatch from './windows-build-mismatch';
import windowsEndOfSupport from './windows-end-of-support';
import windowsForbiddenField from './windows-forbidden-field';
import windowsHostNetwork from './windows-host-network';
import windowsIgnoredField from './windows-ignored-field';
import windowsNodeSelector from './windows-node-selector';
import windowsOsName from './windows-os-name';
import windowsTaintToleration from './windows-taint-toleration';
import windowsVolumeFeature from './windows-volume-feature';

export const kubernetesRules: readonly AnyRule[] = [
  builtImageLinux,
  builtImageWindowsBuild,
  windowsNodeSelector,
  windowsForbiddenField,
  windowsIgnoredField,
  hostprocessPod,
  runAsUserName,
  gmsaCredentialSpecName,
  osConflict,
  deprecatedNodeLabel,
  deprecatedImage,
  windowsBaseImageTag,
  windowsBuildMismatch,
  windowsEndOfSupport,
  frameworkEndOfSupport,
  windowsTaintToleration,
  linuxNodeSelector,
  linuxShellCommand,
  linuxHostPath,
  windowsVolumeFeature,
  windowsHostNetwork,
  hypervIsolation,
  windowsOsName,
  directxDeviceImage,
  hostprocessPodSecurity,
];
