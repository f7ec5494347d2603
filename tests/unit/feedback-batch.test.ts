import {createBatcher} from '@/lib/feedback/batch'

describe('the batcher', () => {
  it('runs the first call alone and the calls made meanwhile together, at most maxSize a batch', async () => {
    const batches: number[][] = []
    const double = createBatcher(async (inputs: number[]) => {
      batches.push(inputs)
      await new Promise((resolve) => setTimeout(resolve, 10))
      return inputs.map((input) => input * 2)
    }, 3)
    const outputs = await Promise.all([1, 2, 3, 4, 5, 6].map(double))
    expect(outputs).toEqual([2, 4, 6, 8, 10, 12])
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]])
    // Idle again: the next call goes at once, alone.
    await expect(double(7)).resolves.toBe(14)
    expect(batches.at(-1)).toEqual([7])
  })

  it('fails every call of a failed batch, and goes on with the next', async () => {
    const run = jest.fn(async (inputs: string[]) => {
      if (inputs.includes('bad')) throw new Error('refused')
      return inputs
    })
    const echo = createBatcher(run, 10)
    const outcomes = await Promise.allSettled(['first', 'bad', 'with-bad'].map(echo))
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected'])
    await expect(echo('later')).resolves.toBe('later')
  })
})
