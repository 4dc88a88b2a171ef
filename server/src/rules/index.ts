// The explicit list of rules: a rule exists when it is listed here (through its language's index).
import { dockerfileRules } from './dockerfile';
import { kubernetesRules } from './kubernetes';
import { yamlRules } from './yaml';
import type { AnyRule } from '../engine/types';

export const allRules: readonly AnyRule[] = [...dockerfileRules, ...kubernetesRules, ...yamlRules];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));

export function findRule(id: string): AnyRule | undefined {
  return allRules.find((rule) => rule.id === id);
}
