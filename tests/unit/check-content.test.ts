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

  it('explains every broken rule in plain words, and warns about a term with nowhere to go next', async () => {
    const result = await checkContent('tests/fixtures/validation-messages.ndjson')
    expect(result.code).toBe(1)
    for (const line of [
      'category-basics title: error: Keep the title to 60 characters or fewer.',
      'author-desk name: error: Keep the name to 80 characters or fewer.',
      'author-desk role: error: Keep the role to 100 characters or fewer.',
      'guide-start title: error: Keep the title to 120 characters or fewer.',
      'term-lonely relatedTerms: warning: Readers like somewhere to go next: add related terms.',
      'term-lonely deeperGuides: warning: Consider linking a guide for readers who want more.',
      'term-lonely aliases.0: error: Remove the empty name or fill it in.',
      'term-lonely aliases.1: error: Keep each name to 60 characters or fewer.',
      'term-lonely keyTakeaways: error: Add at least 2 key takeaways.',
      'term-lonely previousSlugs.1: error: Each old slug only once.',
      'term-lonely intro.{"_key":"co"}.tone: error: Choose whether this is a tip or a warning.',
      'term-lonely intro.{"_key":"co"}.text: error: Write the callout text.',
      'term-lonely intro.{"_key":"cb"}.code: error: Paste the code, or remove the code block.',
      'term-lonely businessContext.handoff: error: A term cannot hand off to itself.',
      'term-crowded shortDefinition: error: Keep the short definition to 220 characters or fewer.',
      'term-crowded keyTakeaways: error: Keep it to 6 key takeaways at most.',
      'term-crowded keyTakeaways.1: error: Each takeaway only once.',
    ]) {
      expect(result.output).toContain(line)
    }
    // Every message is ours, in plain words: none falls back to a validator message key.
    expect(result.output).not.toMatch(/validation:/)
  })

  it('fails on a dangling reference, naming file, line and document', async () => {
    const result = await checkContent('tests/fixtures/dangling-reference.ndjson')
    expect(result.code).toBe(1)
    expect(result.output).toMatch(
      /dangling-reference\.ndjson:5: document "term-beta" refers to missing document "term-gone"/,
    )
  })
})
