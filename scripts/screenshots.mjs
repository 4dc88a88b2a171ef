// Takes the README's screenshots of the packaged extension as a user gets it: installs the .vsix
// into a fresh code-server (the VS Code that scripts/e2e/install-code-server.sh puts into
// .vscode-test/), opens a copy of examples/, and photographs the squiggles, the Problems panel, a
// hover and the quick-fix menu with Debian's Chromium. Every step waits for what it needs to see.
// Usage: npm run screenshots   (packages first; writes docs/images/*.png)
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const vsix = join(repoRoot, `${name}-${version}.vsix`);
const nodeBin = join(repoRoot, '.vscode-test', 'node24', 'bin', 'node');
const entry = join(repoRoot, '.vscode-test', 'code-server', 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumBin = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const imagesDir = join(repoRoot, 'docs', 'images');
const STEP_TIMEOUT_MS = 30_000;
const viewport = { width: 1280, height: 760 };

for (const [file, remedy] of [
  [vsix, 'npm run package'],
  [nodeBin, 'npm run e2e:install'],
  [entry, 'npm run e2e:install'],
  [chromiumBin, 'apt-get install chromium, or set CHROMIUM_PATH'],
]) {
  if (!existsSync(file)) {
    console.error(`[screenshots] ${file} is missing: ${remedy}`);
    process.exit(2);
  }
}

const temp = mkdtempSync(join(tmpdir(), 'wc-screenshots-'));
const dir = (...parts) => {
  const path = join(temp, ...parts);
  mkdirSync(path, { recursive: true });
  return path;
};
const userData = dir('user-data');
const extensions = dir('extensions');
// A clean window: no welcome page, chat, minimap or tips competing with the diagnostics.
writeFileSync(
  join(dir('user-data', 'User'), 'settings.json'),
  JSON.stringify({
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.minimap.enabled': false,
    'editor.fontSize': 15,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
  }),
);
const env = {
  ...process.env,
  EXTENSIONS_GALLERY: '{}',
  XDG_CONFIG_HOME: dir('xdg-config'),
  XDG_DATA_HOME: dir('xdg-data'),
  XDG_CACHE_HOME: dir('xdg-cache'),
};
const serverFlags = ['--user-data-dir', userData, '--extensions-dir', extensions];
// A copy, so that nothing a step does can touch the repository's examples.
const workspace = join(temp, 'examples');
cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });

let server;
let context;
async function cleanUp() {
  await context?.close().catch(() => undefined);
  if (server?.pid !== undefined) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch (error) {
      if (error.code !== 'ESRCH') throw error;
    }
  }
  rmSync(temp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

function startServer() {
  server = spawn(
    nodeBin,
    [entry, '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', ...serverFlags],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('code-server did not start')), STEP_TIMEOUT_MS);
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const listening = /HTTP server listening on (http:\/\/\S+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(new URL(listening[1]));
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (code) => reject(new Error(`code-server exited (${code}): ${output}`)));
  });
}

/** The screen rectangle of `text` inside the editor line that contains `lineText`. */
async function textBox(page, lineText, text) {
  const handle = await page.waitForFunction(
    ([line, wanted]) => {
      for (const element of document.querySelectorAll('.monaco-editor .view-line')) {
        const content = element.textContent.replace(/\u00a0/g, ' ');
        if (!content.includes(line)) continue;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let offset = content.indexOf(line) + line.indexOf(wanted);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (offset < node.length) {
            const range = document.createRange();
            range.setStart(node, offset);
            range.setEnd(node, Math.min(node.length, offset + wanted.length));
            const rect = range.getBoundingClientRect();
            return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
          }
          offset -= node.length;
        }
      }
      return undefined;
    },
    [lineText, text],
    { timeout: STEP_TIMEOUT_MS },
  );
  return handle.jsonValue();
}

async function openFile(page, relativePath) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.keyboard.type(relativePath);
  // The list still shows the previous results for a moment: wait for the file's own row.
  const fileName = relativePath.split('/').pop();
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

async function shoot(page, file) {
  const path = join(imagesDir, file);
  // Hovers and menus fade in: finish the animations so the picture shows them as a user reads them.
  await page.screenshot({ path, animations: 'disabled' });
  console.log(`[screenshots] ${path}`);
}

try {
  execFileSync(nodeBin, [entry, ...serverFlags, '--install-extension', vsix], { env, stdio: 'pipe' });
  const base = await startServer();
  context = await chromium.launchPersistentContext(dir('chromium-profile'), {
    executablePath: chromiumBin,
    headless: true,
    viewport,
    deviceScaleFactor: 1,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const url = new URL(base);
  url.searchParams.set('folder', workspace);
  await page.goto(url.toString());
  await page.locator('.monaco-workbench').waitFor();
  mkdirSync(imagesDir, { recursive: true });

  // The manifest first, so its finding is in the Problems panel too.
  await openFile(page, 'iis-site/deployment.yaml');
  await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
  await openFile(page, 'iis-site/Dockerfile');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
  // The status bar item shows the target; it appears once the server has answered.
  await page.locator('.statusbar-item', { hasText: 'Windows ltsc2022' }).first().waitFor();
  await shoot(page, 'squiggles.png');

  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'windows-base-image-tag' }).first().waitFor();
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'windows-node-selector' }).first().waitFor();
  await shoot(page, 'problems.png');
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ state: 'hidden' });

  const latest = await textBox(page, 'servercore:latest', 'latest');
  await page.mouse.move(latest.x + latest.width / 2, latest.y + latest.height / 2);
  await page.locator('.monaco-hover', { hasText: 'windows-base-image-tag' }).first().waitFor();
  await shoot(page, 'hover.png');
  await page.keyboard.press('Escape');

  await page.mouse.click(latest.x + latest.width / 2, latest.y + latest.height / 2);
  await page.mouse.move(viewport.width - 10, viewport.height / 2);
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget', { hasText: 'ltsc2022' }).first().waitFor();
  await shoot(page, 'quick-fix.png');
} catch (error) {
  const failure = join(tmpdir(), 'wc-screenshots-failure.png');
  await context?.pages()[0]?.screenshot({ path: failure }).catch(() => undefined);
  console.error(`[screenshots] failed; the window at that moment: ${failure}`);
  throw error;
} finally {
  await cleanUp();
}
