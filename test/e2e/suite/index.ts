// Entry point that VS Code loads as extensionTestsPath, both under @vscode/test-electron
// (run-electron.ts) and under code-server (run-code-server.ts): VS Code calls run() inside the
// extension host and treats a rejected promise as a failed suite.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    // The spec reporter writes through console.log, which the extension host forwards to the
    // launcher in both setups (under code-server via the workbench's codeAutomationLog).
    reporter: 'spec',
    // The output ends up in CI logs, not in a terminal.
    color: false,
    // Each test polls with its own, shorter deadline; this only catches a hung await.
    timeout: 60_000,
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.e2e.js'))
    .sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));

  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      const stats = runner.stats;
      const passed = stats?.passes ?? 0;
      const failed = stats?.failures ?? 0;
      const skipped = stats?.pending ?? 0;
      console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
      if (failed > 0) reject(new Error(`${failed} e2e test(s) failed`));
      // A suite that found nothing to run has not shown that the extension works.
      else if (passed === 0) reject(new Error(`no e2e tests ran (looked for *.e2e.js in ${__dirname})`));
      else resolve();
    });
  });
}
