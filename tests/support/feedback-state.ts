import {openFeedbackDatabase} from '@/lib/feedback/server'

/** Everything the open feedback database holds that a request could have changed. */
export async function storedState() {
  const store = await openFeedbackDatabase()
  return {votes: await store.voteCounts(), comments: await store.comments(1000)}
}

/** The vote counts stored for one term. */
export async function votesFor(termId: string) {
  return (await storedState()).votes.filter((row) => row.termId === termId)
}
