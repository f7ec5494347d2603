import {execFile} from 'node:child_process'
import path from 'node:path'
import {promisify} from 'node:util'

const run = promisify(execFile)
const root = path.join(__dirname, '../..')

/** The content check runs Sanity's own validator in a child process (the `sanity` package cannot load under Jest). */
async function checkContent(file: string) {
  try {
    const {stdout, stderr} = await run(
      path.join(root, 'node_modules/.bin/tsx'),
      ['scripts/check-content.ts', file],
      {cwd: root},
    )
    return {code: 0, output: stdout + stderr}
  } catch (error) {
    const failed = error as {code: number; stdout: string; stderr: string}
    return {code: failed.code, output: failed.stdout + failed.stderr}
  }
}

describe('scripts/check-content.ts', () => {
  jest.setTimeout(60_000)

  it('passes a valid dataset', async () => {
    const result = await checkContent('tests/fixtures/minimal.ndjson')
    expect(result.output).toContain('5 documents')
    expect(result.output).toContain('0 problems')
    expect(result.code).toBe(0)
  })

  it('fails on documents that break the schema rules, naming each problem', async () => {
    const result = await checkContent('tests/fixtures/invalid-documents.ndjson')
    expect(result.code).toBe(1)
    expect(result.output).toContain('term-alpha title: error: Give the term a title.')
    expect(result.output).toContain(
      'term-alpha quickAnswer: error: Keep the Quick Answer to 320 characters or fewer.',
    )
    expect(result.output).toContain('term-alpha relatedTerms: error: A term cannot be related to itself.')
    expect(result.output).toContain(`term-beta aliases: error: "Alpha" is the same as this term's own slug.`)
    expect(result.output).toMatch(/term-beta slug: \w+: validation:slug\.not-unique/)
  })

  it('fails on a dangling reference, naming file, line and document', async () => {
    const result = await checkContent('tests/fixtures/dangling-reference.ndjson')
    expect(result.code).toBe(1)
    expect(result.output).toMatch(
      /dangling-reference\.ndjson:5: document "term-beta" refers to missing document "term-gone"/,
    )
  })
})
