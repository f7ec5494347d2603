import {readFileSync} from 'node:fs'

const dependencies = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')) as {dependencies: Record<string, string>}).dependencies

describe("the bench's bare Next.js app", () => {
  it('runs on the same next, react and react-dom as the site, so start-up times compare', () => {
    const site = dependencies('package.json')
    const bare = dependencies('bench/bare-app/package.json')
    expect(Object.keys(bare).sort()).toEqual(['next', 'react', 'react-dom'])
    for (const name of Object.keys(bare)) expect([name, bare[name]]).toEqual([name, site[name]])
    const locked = JSON.parse(readFileSync('bench/bare-app/package-lock.json', 'utf8')) as {
      packages: Record<string, {version?: string}>
    }
    for (const name of Object.keys(bare))
      expect(locked.packages[`node_modules/${name}`]?.version).toBe(site[name])
  })
})
