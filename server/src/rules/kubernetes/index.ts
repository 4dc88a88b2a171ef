// Every Kubernetes rule, listed explicitly: a rule that is not here does not run.
import type { AnyRule } from '../../engine/types';
import windowsNodeSelector from './windows-node-selector';

export const kubernetesRules: readonly AnyRule[] = [windowsNodeSelector];
