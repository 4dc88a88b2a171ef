// Runs the e2e suite in desktop VS Code, downloaded by @vscode/test-electron into .vscode-test/.
// For contributors with internet access; CI uses run-code-server.ts, because its machines cannot
// download VS Code. Both load the same suite (out/test/e2e/suite/index.js).
//
// Usage: node out/test/e2e/run-electron.js   (after `npm run build` and `tsc -b`; on a headless
// Linux machine run it under xvfb-run)
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // This file compiles to out/test/e2e/, three levels below the repository root.
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      // Other installed extensions could contribute diagnostics or snippets of their own.
      launchArgs: [path.join(repoRoot, 'test', 'e2e', 'workspace'), '--disable-extensions'],
    });
  } catch (error) {
    console.error(`e2e run failed: ${String(error)}`);
    process.exit(1);
  }
}

void main();
