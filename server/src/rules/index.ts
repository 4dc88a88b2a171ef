// The explicit list of rules: a rule exists when it is listed here (through its language's index).
import type { AnyRule } from '../engine/types';
import { dockerfileRules } from './dockerfile';
import { kubernetesRules } from './kubernetes';
import { yamlRules } from './yaml';

export const allRules: readonly AnyRule[] = [...dockerfileRules, ...kubernetesRules, ...yamlRules];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));
