/**
 * `npm run prepare:electron` (run by `npm start`): gets better-sqlite3 built for this checkout's
 * Electron into a folder of its own (main/db/native-binding.ts says why), leaving the Node build
 * in node_modules/better-sqlite3 for `npm test` and the CLI. Idempotent: nothing happens when the
 * build is there. First it asks for better-sqlite3's prebuilt Electron binary (prebuild-install,
 * as better-sqlite3's own install does for Node); without one it compiles against Electron's
 * headers (node-gyp: needs python3, make and a C++ compiler). Both need internet once.
 *
 *   tsx scripts/electron-native.ts [--dry-run] [--root DIR] [--platform P] [--arch A]
 *
 * --dry-run prints the plan as one JSON object and changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { electronSqliteBinary, electronSqliteDir } from '../main/db/native-binding';

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    root: { type: 'string' },
    platform: { type: 'string' },
    arch: { type: 'string' },
  },
});

const root = resolve(values.root ?? join(import.meta.dirname, '..'));
const platform = values.platform ?? process.platform;
const arch = values.arch ?? process.arch;
const electronPackage = join(root, 'node_modules', 'electron', 'package.json');
if (!existsSync(electronPackage)) {
  console.error('electron is not installed here: run `npm install` first.');
  process.exit(1);
}
const electronVersion = (JSON.parse(readFileSync(electronPackage, 'utf8')) as { version: string }).version;
const target = electronSqliteDir(root, electronVersion, platform, arch);
const binary = electronSqliteBinary(root, electronVersion, platform, arch);
const source = join(root, 'node_modules', 'better-sqlite3');
const staging = `${target}.partial-${process.pid}`;
const bin = (pkg: string, file: string) => join(root, 'node_modules', pkg, file);
const steps = [
  {
    name: 'prebuilt',
    command: [
      process.execPath,
      bin('prebuild-install', 'bin.js'),
      `--runtime=electron`,
      `--target=${electronVersion}`,
      `--platform=${platform}`,
      `--arch=${arch}`,
    ],
  },
  {
    name: 'compile',
    command: [
      process.execPath,
      bin('node-gyp', join('bin', 'node-gyp.js')),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
    ],
  },
];

/** Electron's module ABI (NODE_MODULE_VERSION) from node-abi's table, when it knows the version. */
function electronAbi(version: string): string | undefined {
  try {
    const nodeAbi = createRequire(join(root, 'package.json'))('node-abi') as { getAbi(target: string, runtime: string): string };
    return nodeAbi.getAbi(version, 'electron');
  } catch {
    return undefined;
  }
}

/** The ABI a native module was built for: the number in its `node_register_module_v<N>` symbol. */
function moduleAbi(file: string): string | undefined {
  return /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'))?.[1];
}

const ready = existsSync(binary);
if (values['dry-run']) {
  console.log(JSON.stringify({ electronVersion, platform, arch, binary, ready, steps: ready ? [] : steps.map((s) => s.name) }));
  process.exit(0);
}
if (ready) {
  console.log(`better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}): ready`);
  process.exit(0);
}

// A staging copy of the package (sources, no Node build), built in place, then moved in one rename.
rmSync(staging, { recursive: true, force: true });
mkdirSync(dirname(staging), { recursive: true });
cpSync(source, staging, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });
// A machine-wide `nodedir` (some Linux distributions set one in npmrc) would make node-gyp compile
// against the system Node's headers: the result loads in Node, not in Electron. Ask for Electron's.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.toLowerCase() !== 'npm_config_nodedir'));
const expectedAbi = electronAbi(electronVersion);
let built = false;
let wrongAbi: string | undefined;
for (const step of steps) {
  console.log(`better-sqlite3 for Electron ${electronVersion}: ${step.name}…`);
  const run = spawnSync(step.command[0] ?? process.execPath, step.command.slice(1), { cwd: staging, stdio: 'inherit', env });
  const output = join(staging, 'build', 'Release', 'better_sqlite3.node');
  if (run.status !== 0 || !existsSync(output)) continue;
  const abi = moduleAbi(output);
  if (expectedAbi !== undefined && abi !== expectedAbi) {
    wrongAbi = abi;
    rmSync(join(staging, 'build'), { recursive: true, force: true });
    continue;
  }
  built = true;
  break;
}
if (!built) {
  rmSync(staging, { recursive: true, force: true });
  console.error(
    [
      `Could not get better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}).`,
      ...(wrongAbi ? [`A build was made for module ABI ${wrongAbi}, but Electron ${electronVersion} needs ${expectedAbi}: it was discarded.`] : []),
      'It needs internet access once (a prebuilt binary, or Electron’s headers to compile with python3, make and a C++ compiler).',
      'Everything else works without it: npm test, the CLI (npm run -s cli -- --help) and npm run build.',
    ].join('\n'),
  );
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
renameSync(staging, target);
console.log(`better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}): ready`);
