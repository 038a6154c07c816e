'use strict';
/**
 * `npm start`: runs the compiled service. `npm install` already built it (the `prepare` script);
 * this only builds again when a source file is newer than the last complete build, so an edited
 * checkout never runs stale code and an untouched one starts at once
 * (docs/decisions/030-built-at-install-and-demo-snapshot.md). Node's standard library only.
 */
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..', '..');
const entry = join(root, 'dist', 'src', 'main.js');
// Written last by `npm run build`: its presence means the whole build finished.
const stamp = join(root, 'dist', 'demo-snapshot', 'pglite.tar.gz');
const inputs = ['src', 'migrations', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];

function newestChange(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return /\.spec\.ts$/.test(path) ? 0 : info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), 0);
}

function buildIsCurrent() {
  if (!existsSync(entry) || !existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return inputs.every((input) => newestChange(join(root, input)) <= built);
}

if (!buildIsCurrent()) {
  // eslint-disable-next-line no-console -- the launcher speaks to the person who typed npm start
  console.log('thidua: the sources changed since the last build; building first (npm run build) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

require(entry);
