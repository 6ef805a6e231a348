// What is timed: our CLI (cold and with a warm --cache), the peers a user would pick instead, and
// two floors. Each tool says how it is run on a corpus directory and how to check from its output
// that it saw every file.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/** A package's folder as Node would find it from the repository root (exports maps aside). */
function packageDir(repoRoot, name) {
  const paths = createRequire(join(repoRoot, 'package.json')).resolve.paths(name) ?? []
  return paths.map((modules) => join(modules, name)).find((dir) => existsSync(join(dir, 'package.json'))) ?? null
}

function packageVersion(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
}

/** The file a package's bin points at, and the package's version, or null when not installed. */
function packageBin(repoRoot, name, bin = name) {
  const dir = packageDir(repoRoot, name)
  if (!dir) return null
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const relative = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin]
  if (!relative) return null
  return { path: join(dir, relative), version: manifest.version }
}

/** Files listed by a vfile-reporter (remark, alex): "path" or "path: no issues found" lines. */
function reporterFileCount(text) {
  return text.split('\n').filter((line) => /^\S+\.(?:md|markdown)(?:: no issues found)?\s*$/.test(line)).length
}

export function toolPlans({ repoRoot, benchDir, workDir }) {
  const node = process.execPath
  const cliBin = join(repoRoot, 'packages/cli/bin/postmortem-lint.js')
  const ourVersion = packageVersion(join(repoRoot, 'packages/cli'))
  const markdownlint = packageBin(repoRoot, 'markdownlint-cli2')
  const remark = packageBin(repoRoot, 'remark-cli', 'remark')
  const presetDir = packageDir(repoRoot, 'remark-preset-lint-recommended')
  const presetVersion = presetDir ? packageVersion(presetDir) : null
  const alex = packageBin(repoRoot, 'alex')
  const missing = (what) => `${what} is not installed (npm ci installs the dev dependencies)`
  const jsonFileCount = (stdout) => {
    const report = JSON.parse(stdout)
    return Array.isArray(report) ? report.length : null
  }
  const floorCount = (stdout) => Number(/^(\d+) files/m.exec(stdout)?.[1] ?? NaN)

  return [
    {
      id: 'ours',
      label: `postmortem-lint ${ourVersion}`,
      skip: existsSync(join(repoRoot, 'packages/cli/dist/index.js')) ? null : 'not built: run npm run build',
      argv: (corpus) => [node, cliBin, '-f', 'json', '--no-detect', corpus.dir],
      show: 'postmortem-lint -f json --no-detect <dir> > out.json',
      okExit: [0, 1],
      count: ({ stdout }) => jsonFileCount(stdout),
    },
    {
      id: 'ours-cache',
      label: `postmortem-lint --cache (warm)`,
      skip: existsSync(join(repoRoot, 'packages/cli/dist/index.js')) ? null : 'not built: run npm run build',
      argv: (corpus) => [node, cliBin, '-f', 'json', '--no-detect', '--cache', '--cache-location', join(workDir, `cache-${corpus.id}.json`), corpus.dir],
      show: 'postmortem-lint -f json --no-detect --cache --cache-location <tmp>/cache-<corpus>.json <dir>, after one untimed run that fills the cache',
      warm: true,
      okExit: [0, 1],
      count: ({ stdout }) => jsonFileCount(stdout),
    },
    {
      // `postmortem-lint report` over the same files: lint plus the report; issue 18 asks for at most 1.2× the plain lint.
      id: 'ours-report',
      label: `postmortem-lint report -f json`,
      skip: existsSync(join(repoRoot, 'packages/cli/dist/index.js')) ? null : 'not built: run npm run build',
      argv: (corpus) => [node, cliBin, 'report', '-f', 'json', '-o', '-', '--no-detect', '--as-of', '2025-06-30', corpus.dir],
      show: 'postmortem-lint report -f json -o - --no-detect --as-of 2025-06-30 <dir> > out.json',
      okExit: [0],
      count: ({ stdout }) => JSON.parse(stdout).summary.files,
    },
    {
      id: 'markdownlint-cli2',
      label: markdownlint ? `markdownlint-cli2 ${markdownlint.version}` : 'markdownlint-cli2',
      skip: markdownlint ? null : missing('markdownlint-cli2'),
      // Globs are relative to the working directory, so it runs in the corpus.
      cwd: (corpus) => corpus.dir,
      argv: () => [node, markdownlint.path, '**/*.{md,markdown}'],
      show: "cd <dir> && markdownlint-cli2 '**/*.{md,markdown}'",
      okExit: [0, 1],
      count: ({ stdout, stderr }) => Number(/^Linting: (\d+) file/m.exec(stdout + stderr)?.[1] ?? NaN),
    },
    {
      id: 'remark-lint',
      label: remark && presetVersion ? `remark-cli ${remark.version} + remark-preset-lint-recommended ${presetVersion}` : 'remark-cli + remark-preset-lint-recommended',
      skip: !remark ? missing('remark-cli') : !presetDir ? missing('remark-preset-lint-recommended') : null,
      // The preset by path: --use resolves names from the working directory, which is the temp dir.
      argv: (corpus) => [node, remark.path, '--use', join(presetDir, 'index.js'), '--no-config', '--no-ignore', '--no-stdout', '--no-color', '--frail', corpus.dir],
      show: 'remark --use remark-preset-lint-recommended --no-config --no-ignore --no-stdout --no-color --frail <dir>',
      okExit: [0, 1],
      count: ({ stderr }) => reporterFileCount(stderr),
    },
    {
      id: 'alex',
      label: alex ? `alex ${alex.version}` : 'alex',
      skip: alex ? null : missing('alex'),
      argv: (corpus) => [node, alex.path, corpus.dir],
      show: 'alex <dir>',
      okExit: [0, 1],
      count: ({ stdout, stderr }) => reporterFileCount(stdout + '\n' + stderr),
    },
    {
      id: 'floor-read',
      label: 'floor: read the files',
      floor: true,
      argv: (corpus) => [node, join(benchDir, 'floor-read.mjs'), corpus.dir],
      show: 'node test/bench/floor-read.mjs <dir>',
      okExit: [0],
      count: ({ stdout }) => floorCount(stdout),
    },
    {
      id: 'floor-parse',
      label: 'floor: read + parse (remark-parse + remark-gfm)',
      floor: true,
      parseFloor: true,
      argv: (corpus) => [node, join(benchDir, 'floor-parse.mjs'), corpus.dir],
      show: 'node test/bench/floor-parse.mjs <dir>',
      okExit: [0],
      count: ({ stdout }) => floorCount(stdout),
    },
  ]
}
