// Manifest text for Kubernetes rule tests: a workload whose pod spec is given at its indentation
// (six spaces), so tests can state exact line and column numbers against a fixed frame.

/** apps/v1 `kind` named `name`, with `podSpec` as its spec.template.spec (lines 8 onwards). */
export function podTemplate(kind: 'Deployment' | 'DaemonSet', name: string, podSpec: string): string {
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}
spec:
  template:
    spec:
${podSpec}`;
}
