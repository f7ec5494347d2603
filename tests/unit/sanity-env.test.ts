import {DEFAULT_API_VERSION, resolveSanityProject} from '@/sanity/env'

describe('resolveSanityProject', () => {
  it('returns null when nothing is configured, so the embedded dataset is used', () => {
    expect(resolveSanityProject({})).toBeNull()
  })

  it('returns the project with the default API version', () => {
    expect(resolveSanityProject({projectId: 'abc123', dataset: 'production'})).toEqual({
      projectId: 'abc123',
      dataset: 'production',
      apiVersion: DEFAULT_API_VERSION,
    })
  })

  it('names the missing dataset variable when only the project id is set', () => {
    expect(() => resolveSanityProject({projectId: 'abc123'})).toThrow(/NEXT_PUBLIC_SANITY_DATASET is missing/)
  })

  it('names the missing project id variable when only the dataset is set', () => {
    expect(() => resolveSanityProject({dataset: 'production'})).toThrow(
      /NEXT_PUBLIC_SANITY_PROJECT_ID is missing/,
    )
  })

  it('rejects a malformed project id or API version', () => {
    expect(() => resolveSanityProject({projectId: 'Bad Id', dataset: 'production'})).toThrow(
      /may only contain/,
    )
    expect(() => resolveSanityProject({projectId: 'abc', dataset: 'production', apiVersion: 'v1'})).toThrow(
      /must be a date/,
    )
  })
})
