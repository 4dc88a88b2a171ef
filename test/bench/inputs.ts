// Deterministic bench inputs: the same bytes on every run and machine, so numbers from two runs
// compare. Every file is a realistic Windows-container file (multi-stage builds on servercore and
// nanoserver, IIS and .NET workloads) with a few real mistakes in it, so the checker has findings
// to report and the other servers have something to parse.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small seeded PRNG (mulberry32): deterministic and good enough to vary generated text. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bases = [
  'mcr.microsoft.com/windows/servercore:ltsc2022',
  'mcr.microsoft.com/windows/nanoserver:ltsc2022',
  'mcr.microsoft.com/dotnet/sdk:8.0-windowsservercore-ltsc2022',
  'mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022',
  'mcr.microsoft.com/windows/servercore:latest',
  'mcr.microsoft.com/windows/servercore/iis',
  'mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022',
];

function dockerStage(index: number, random: () => number): string[] {
  const base = bases[Math.floor(random() * bases.length)]!;
  const lines = [
    `# Stage ${index}: builds component ${index} of the service.`,
    `FROM ${base} AS stage${index}`,
    `SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]`,
    `WORKDIR C:\\src\\component${index}`,
    `ENV COMPONENT_${index}_HOME=C:\\component${index} \``,
    `    DOTNET_CLI_TELEMETRY_OPTOUT=1`,
    `COPY component${index}/*.csproj ./`,
    `RUN dotnet restore --runtime win-x64; \``,
    `    Write-Host 'restored component ${index}'`,
    `COPY component${index}/ ./`,
    `RUN $ErrorActionPreference = 'Stop'; \``,
  ];
  const steps = 2 + Math.floor(random() * 4);
  for (let step = 0; step < steps; step++) lines.push(`    New-Item -ItemType Directory -Force -Path C:\\out\\c${index}\\s${step} | Out-Null; \``);
  lines.push(
    `    dotnet publish -c Release -o C:\\out\\c${index} --no-restore`,
    `COPY --from=stage${Math.max(0, index - 1)} C:\\out C:\\deps`,
    `EXPOSE ${8000 + index}`,
    `HEALTHCHECK CMD ["powershell", "-Command", "exit 0"]`,
    '',
  );
  return lines;
}

/** A multi-stage Windows Dockerfile of exactly `lineCount` lines. */
export function windowsDockerfile(lineCount: number, seed = 1): string {
  const random = prng(seed);
  const lines = ['# escape=`', '# Generated for the benchmark: a multi-stage Windows build.', ''];
  // Whole stages only (a cut one would leave a dangling continuation), then comment lines to size.
  for (let stage = 0; ; stage++) {
    const next = dockerStage(stage, random);
    if (lines.length + next.length > lineCount - 3) break;
    lines.push(...next);
  }
  while (lines.length < lineCount - 3) lines.push(`# padding ${lines.length}`);
  lines.push('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022', 'COPY --from=stage0 C:\\out C:\\app', 'ENTRYPOINT ["C:\\\\app\\\\service.exe"]');
  return lines.join('\n') + '\n';
}

const images = [
  'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022',
  'mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022',
  'mcr.microsoft.com/windows/nanoserver:ltsc2022',
  'mcr.microsoft.com/windows/servercore:ltsc2019',
  'contoso.azurecr.io/orders-api:1.4.2',
];

function deployment(index: number, random: () => number): string[] {
  const image = images[Math.floor(random() * images.length)]!;
  // One workload in three forgets the OS node selector: a finding for the checker.
  const selector = index % 3 === 0 ? [] : ['      nodeSelector:', '        kubernetes.io/os: windows'];
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: web-${index}`,
    '  labels:',
    `    app: web-${index}`,
    '    tier: frontend',
    'spec:',
    `  replicas: ${1 + (index % 4)}`,
    '  selector:',
    '    matchLabels:',
    `      app: web-${index}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: web-${index}`,
    '    spec:',
    ...selector,
    '      tolerations:',
    '      - key: os',
    '        operator: Equal',
    '        value: windows',
    '        effect: NoSchedule',
    '      containers:',
    `      - name: web-${index}`,
    `        image: ${image}`,
    '        ports:',
    '        - containerPort: 80',
    '        env:',
    '        - name: ASPNETCORE_URLS',
    '          value: http://+:80',
    `        - name: INSTANCE`,
    `          value: "${index}"`,
    '        resources:',
    '          limits:',
    '            cpu: "1"',
    '            memory: 800Mi',
    '          requests:',
    '            cpu: 250m',
    '            memory: 300Mi',
    '        volumeMounts:',
    '        - name: logs',
    '          mountPath: C:\\logs',
    '      volumes:',
    '      - name: logs',
    '        emptyDir: {}',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: web-${index}`,
    'spec:',
    '  selector:',
    `    app: web-${index}`,
    '  ports:',
    '  - port: 80',
    '    targetPort: 80',
    '---',
  ];
}

function pod(index: number, random: () => number): string[] {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: job-${index}`,
    'spec:',
    ...(index % 2 === 0 ? ['  nodeSelector:', '    kubernetes.io/os: windows'] : []),
    '  containers:',
    `  - name: job-${index}`,
    `    image: ${images[Math.floor(random() * images.length)]!}`,
    '    command: ["powershell", "-Command", "Write-Host done"]',
    '---',
  ];
}

/** A multi-document Windows manifest of exactly `lineCount` lines. */
export function windowsManifest(lineCount: number, seed = 2): string {
  const random = prng(seed);
  const lines: string[] = ['# Generated for the benchmark: Windows workloads and their services.'];
  let index = 0;
  for (; ; index++) {
    const next = deployment(index, random);
    if (lines.length + next.length > lineCount - 4) break;
    lines.push(...next);
  }
  // The rest as bare pods, so a short manifest is still a Windows workload rather than padding.
  for (; ; index++) {
    const next = pod(index, random);
    if (lines.length + next.length > lineCount - 4) break;
    lines.push(...next);
  }
  while (lines.length < lineCount - 4) lines.push(`# padding ${lines.length}`);
  // Every unit ends with its own document separator, so the closing ConfigMap needs none.
  lines.push('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: generated-end');
  return lines.join('\n') + '\n';
}

export interface BenchFile {
  name: string;
  /** File name inside the bench folder: it decides the language for every server. */
  fileName: string;
  languageId: 'dockerfile' | 'yaml';
  text: string;
  /** Where typing starts: the end of this 0-based line, then a new line is typed below it. */
  typeAfterLine: number;
  /** What is typed there, one character per didChange. */
  typed: string;
}

/** Picks the last line at or before the middle that satisfies `ok`, so typing lands in valid context. */
function lineNear(text: string, ok: (line: string, next: string) => boolean): number {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line > 0; line--) if (ok(lines[line]!, lines[line + 1] ?? '')) return line;
  return 0;
}

export function benchFiles(): BenchFile[] {
  // Dockerfiles: a new instruction typed between two instructions in the middle of the file.
  const dockerTyped = 'RUN Write-Host typing-a-new-instruction-into-the-windows-build; exit 0';
  // Manifests: a new label typed into a Deployment's metadata in the middle of the stream.
  const yamlTyped = '    typed-label: windows-frontend-typed-one-key-at-a-time';
  const dockerSpot = (line: string, next: string): boolean => line.startsWith('EXPOSE') && next.startsWith('HEALTHCHECK');
  const yamlSpot = (line: string): boolean => line === '    tier: frontend';
  const docker100 = windowsDockerfile(100);
  const docker2000 = windowsDockerfile(2000, 3);
  const manifest150 = windowsManifest(150);
  const manifest10000 = windowsManifest(10000, 4);
  return [
    { name: 'Dockerfile 100 lines', fileName: 'small.Dockerfile', languageId: 'dockerfile', text: docker100, typeAfterLine: lineNear(docker100, dockerSpot), typed: dockerTyped },
    { name: 'Dockerfile 2,000 lines', fileName: 'large.Dockerfile', languageId: 'dockerfile', text: docker2000, typeAfterLine: lineNear(docker2000, dockerSpot), typed: dockerTyped },
    { name: 'manifest 150 lines', fileName: 'small.yaml', languageId: 'yaml', text: manifest150, typeAfterLine: lineNear(manifest150, yamlSpot), typed: yamlTyped },
    { name: 'manifest 10,000 lines', fileName: 'large.yaml', languageId: 'yaml', text: manifest10000, typeAfterLine: lineNear(manifest10000, yamlSpot), typed: yamlTyped },
  ];
}

/**
 * Writes `count` files (Dockerfiles and manifests, 30 to 150 lines as in a typical repository,
 * nested 3 folders deep as in a monorepo) under `root`. Returns the number of lines written.
 */
export function writeWorkspace(root: string, count: number, seed = 5): number {
  const random = prng(seed);
  let lines = 0;
  for (let index = 0; index < count; index++) {
    const dir = join(root, `team${index % 10}`, `service${Math.floor(index / 10) % 50}`, `part${Math.floor(index / 500)}`);
    mkdirSync(dir, { recursive: true });
    const size = 30 + Math.floor(random() * 120);
    const isDockerfile = index % 2 === 0;
    const text = isDockerfile ? windowsDockerfile(size, seed + index) : windowsManifest(size, seed + index);
    writeFileSync(join(dir, isDockerfile ? `app${index}.Dockerfile` : `app${index}.yaml`), text);
    lines += size;
  }
  writeFileSync(join(root, '.wincontainers.yaml'), 'targetWindowsVersion: ltsc2022\n');
  return lines;
}
