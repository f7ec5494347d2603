import {ThumbsUpIcon} from '@sanity/icons/ThumbsUp'
import type {Tool} from 'sanity'

import {FeedbackTool} from './feedback-tool'

export {FeedbackDocumentView} from './feedback-document-view'
export {NeedsReviewBadge, NeedsReviewPane} from './needs-review'

/** The Feedback tool in the Studio's top bar: readers' votes per term, weakest first. */
export const feedbackTool = (): Tool => ({
  name: 'feedback',
  title: 'Feedback',
  icon: ThumbsUpIcon,
  component: FeedbackTool,
})
