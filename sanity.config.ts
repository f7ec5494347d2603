'use client'

import {defineConfig} from 'sanity'
import {presentationTool} from 'sanity/presentation'
import {structureTool} from 'sanity/structure'

import {sanityProject, STUDIO_PATH} from './sanity/env'
import {presentationResolve} from './sanity/locations'
import {schemaTypes} from './sanity/schemaTypes'
import {LinkMentionsAction} from './sanity/actions/link-mentions'
import {recordPreviousSlug} from './sanity/actions/record-previous-slug'
import {linksTool} from './sanity/tools/links'
import {feedbackTool, NeedsReviewBadge} from './sanity/tools/feedback'
import {defaultDocumentNode, structure} from './sanity/structure'
import {termInCategoryTemplate} from './sanity/templates'

/**
 * The Studio, embedded at /studio and runnable standalone with `npm run studio`. Without a
 * configured project the embedded route shows set-up instructions instead of loading this.
 */
export default defineConfig({
  name: 'default',
  title: 'Glossary',
  basePath: STUDIO_PATH,
  projectId: sanityProject?.projectId ?? 'not-configured',
  dataset: sanityProject?.dataset ?? 'production',
  schema: {
    types: schemaTypes,
    templates: (templates) => [...templates, termInCategoryTemplate],
  },
  document: {
    // Every published type has previous slugs: a new slug keeps the old address redirecting.
    // Guides and terms can link the terms their text names: "Link mentions", first in the
    // document's menu, right after the primary action (Publish). The Studio finds an open dialog's
    // action by its place in the list, and later actions come and go with the draft (Discard
    // changes): placed before them, the dialog stays open while its first edit creates the draft.
    actions: (actions, {schemaType}) => {
      const wrapped = actions.map((action) =>
        action.action === 'publish' ? recordPreviousSlug(action) : action,
      )
      if (!['guide', 'term'].includes(schemaType)) return wrapped
      return [...wrapped.slice(0, 1), LinkMentionsAction, ...wrapped.slice(1)]
    },
    badges: (badges, {schemaType}) => (schemaType === 'term' ? [...badges, NeedsReviewBadge] : badges),
  },
  tools: (tools) => [...tools, linksTool, feedbackTool()],
  plugins: [
    structureTool({structure, defaultDocumentNode}),
    // Live preview of drafts on the real pages, through the site's draft mode.
    presentationTool({
      previewUrl: {previewMode: {enable: '/api/draft-mode/enable'}},
      resolve: presentationResolve,
    }),
  ],
})
