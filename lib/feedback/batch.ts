/**
 * Gathers calls that arrive while earlier ones are being worked on into one batch: the first call
 * is run at once, alone; calls made meanwhile wait for it and then go together (up to `maxSize`).
 * Each caller gets its own result, or the batch's error.
 */
export function createBatcher<Input, Output>(
  run: (inputs: Input[]) => Promise<Output[]>,
  maxSize: number,
): (input: Input) => Promise<Output> {
  type Waiting = {input: Input; resolve: (output: Output) => void; reject: (error: unknown) => void}
  let waiting: Waiting[] = []
  let running = false

  async function drain() {
    running = true
    while (waiting.length) {
      const batch = waiting.slice(0, maxSize)
      waiting = waiting.slice(maxSize)
      try {
        const outputs = await run(batch.map((entry) => entry.input))
        batch.forEach((entry, index) => entry.resolve(outputs[index]!))
      } catch (error) {
        for (const entry of batch) entry.reject(error)
      }
    }
    running = false
  }

  return (input) =>
    new Promise<Output>((resolve, reject) => {
      waiting.push({input, resolve, reject})
      if (!running) void drain()
    })
}
