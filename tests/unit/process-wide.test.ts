import {processWide} from '@/lib/runtime/process-wide.mjs'

describe('processWide', () => {
  it('makes an object once and hands every caller that same object', () => {
    let made = 0
    const create = () => ({made: ++made})
    const first = processWide('test-once', create)
    expect(processWide('test-once', create)).toBe(first)
    expect(made).toBe(1)
  })

  it('keeps each name apart', () => {
    expect(processWide('test-a', () => ({}))).not.toBe(processWide('test-b', () => ({})))
  })

  it('is found by another copy of the module, as each of Next’s bundles loads its own', () => {
    const held = processWide('test-shared', () => ({value: 42}))
    // Another copy knows nothing but the name: the registered symbol leads it to the same object.
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('glossary.test-shared')]).toBe(held)
  })
})
