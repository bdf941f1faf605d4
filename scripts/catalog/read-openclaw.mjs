// Reads what the provider catalog is made of from an installed `openclaw` package: plugin
// manifests, the official external provider catalog, docs pages, and a few literal tables that
// exist only inside bundled dist chunks. Plain ESM, no dependencies, Node 20 and 24.
//
// Nothing here executes OpenClaw code: the dist tables are lifted with a regex and evaluated as
// plain literals in an empty vm context. Chunk names carry a build hash, so chunks are found by
// name prefix plus a marker. A table that cannot be found is an error: a silently missing table
// would quietly change the catalog.

import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const tryReadJson = (file) => {
  try {
    return readJson(file);
  } catch {
    return undefined;
  }
};

function evalLiteral(source) {
  return vm.runInNewContext(`(${source})`, Object.create(null), { timeout: 200 });
}

function distChunks(pkgDir) {
  const dir = path.join(pkgDir, 'dist');
  const names = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.mjs') || name.endsWith('.js'))
    .sort();
  return (prefix, marker, what) => {
    for (const name of names) {
      if (!name.startsWith(prefix)) continue;
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      if (marker.test(text)) return text;
    }
    throw new Error(`${what}: no dist/${prefix}*.mjs matches ${marker} in this openclaw package`);
  };
}

function lift(text, pattern, what) {
  const match = text.match(pattern);
  if (!match) throw new Error(`${what} not found in its dist chunk`);
  return match;
}

/** The literal tables OpenClaw's onboarding keeps in core code rather than in manifests. */
function readCoreTables(pkgDir) {
  const chunk = distChunks(pkgDir);

  // src/plugins/provider-auth-choice-order.ts: the top-level groups of the picker.
  const order = chunk('provider-auth-choice-order-', /FEATURED_PROVIDER_AUTH_GROUP_ORDER\s*=/, 'featured group order');
  const featuredPairs = evalLiteral(
    lift(
      order,
      /FEATURED_PROVIDER_AUTH_GROUP_ORDER\s*=\s*(?:\/\*[^*]*\*\/\s*)?new Map\((\[[\s\S]*?\])\)/,
      'FEATURED_PROVIDER_AUTH_GROUP_ORDER',
    )[1],
  );
  const featuredGroupOrder = featuredPairs.sort((a, b) => a[1] - b[1]).map(([id]) => id);

  // src/commands/auth-choice-options.static.ts: choices no plugin declares.
  const options = chunk('auth-choice-options-', /const CORE_AUTH_CHOICE_OPTIONS/, 'core auth choices');
  const coreOptions = evalLiteral(
    lift(options, /const CORE_AUTH_CHOICE_OPTIONS\s*=\s*(\[[\s\S]*?\]);/, 'CORE_AUTH_CHOICE_OPTIONS')[1],
  );
  const genericChoices = evalLiteral(
    lift(options, /const GENERIC_PROVIDER_AUTH_CHOICES\s*=\s*(\[[\s\S]*?\]);/, 'GENERIC_PROVIDER_AUTH_CHOICES')[1],
  );

  // src/cli/program/register.onboard.ts: flags every auth choice can read, with their help text.
  const onboard = chunk('register.onboard-', /function registerOnboardAuthOptions|"--auth-choice /, 'onboard flags');
  const staticFlags = new Map();
  for (const m of onboard.matchAll(/\.option\(\s*"([^"]+)"\s*,\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)/g)) {
    const flag = m[1].split(/[ ,]/).find((part) => part.startsWith('--'));
    if (flag && !staticFlags.has(flag)) staticFlags.set(flag, m[2] !== undefined ? m[2].replace(/\\"/g, '"') : m[3]);
  }

  // src/commands/onboard-non-interactive/local/auth-choice.ts: choices refused without a prompt,
  // and the env var the custom provider's key is read from.
  const dispatch = chunk('auth-choice-', /async function applyNonInteractiveAuthChoice/, 'non-interactive dispatcher');
  const refused = lift(
    dispatch,
    /if \(((?:authChoice === "[^"]+"(?:\s*\|\|\s*)?)+)\)\s*\{\s*rejectOnboardingOption\([^)]*"OAuth requires interactive mode\.?"\)/,
    'interactive-only auth choices',
  )[1];
  const interactiveOnly = [...refused.matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort();
  const customApiKeyEnvVar = lift(
    dispatch,
    /flagName:\s*"--custom-api-key",\s*envVar:\s*"([A-Z0-9_]+)"/,
    'custom API key env var',
  )[1];

  return { featuredGroupOrder, coreOptions, genericChoices, staticFlags, interactiveOnly, customApiKeyEnvVar };
}

function readBundledPlugins(pkgDir) {
  const dir = path.join(pkgDir, 'dist', 'extensions');
  const plugins = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const manifest = tryReadJson(path.join(dir, name, 'openclaw.plugin.json'));
    if (!manifest?.id) continue;
    const packageJson = tryReadJson(path.join(dir, name, 'package.json')) ?? {};
    plugins.push({ manifest, hasSetupEntry: Boolean(packageJson.openclaw?.setupEntry) });
  }
  return plugins;
}

function readExternalCatalog(pkgDir) {
  const file = path.join(pkgDir, 'scripts', 'lib', 'official-external-provider-catalog.json');
  if (!fs.existsSync(file)) throw new Error('scripts/lib/official-external-provider-catalog.json is missing');
  return readJson(file).entries ?? [];
}

/** Docs pages as `/providers/deepseek` → its markdown lines, read lazily. */
function docsReader(pkgDir) {
  const cache = new Map();
  const fileOf = (docsPath) => {
    const base = path.join(pkgDir, 'docs', docsPath.replace(/^\//, ''));
    return [`${base}.md`, path.join(base, 'index.md')].find((file) => fs.existsSync(file));
  };
  return {
    exists: (docsPath) => Boolean(fileOf(docsPath)),
    lines(docsPath) {
      if (!cache.has(docsPath)) {
        const file = fileOf(docsPath);
        cache.set(docsPath, file ? fs.readFileSync(file, 'utf8').split('\n') : []);
      }
      return cache.get(docsPath);
    },
  };
}

/**
 * src/config/defaults.ts: the aliases (`opus`, `gpt`…) OpenClaw's config loader gives the
 * `agents.defaults.models` entries of their models that have none. Its chunk's name changes
 * between releases, so every chunk is looked at.
 */
export function readDefaultModelAliases(pkgDir) {
  const text = distChunks(pkgDir)('', /const DEFAULT_MODEL_ALIASES\s*=\s*\{/, 'default model aliases');
  return evalLiteral(lift(text, /const DEFAULT_MODEL_ALIASES\s*=\s*(\{[\s\S]*?\});/, 'DEFAULT_MODEL_ALIASES')[1]);
}

export function readOpenclaw(pkgDir) {
  const packageJson = readJson(path.join(pkgDir, 'package.json'));
  return {
    version: packageJson.version,
    core: readCoreTables(pkgDir),
    bundled: readBundledPlugins(pkgDir),
    external: readExternalCatalog(pkgDir),
    docs: docsReader(pkgDir),
    defaultModelAliases: readDefaultModelAliases(pkgDir),
  };
}
