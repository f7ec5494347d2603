'use client'

import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'

import {sanityProject} from './sanity/env'
import {schemaTypes} from './sanity/schemaTypes'
import {linksTool} from './sanity/tools/links'
import {feedbackTool} from './sanity/tools/feedback'

/**
 * The Studio, embedded at /studio and runnable standalone with `npm run studio`. Without a
 * configured project the embedded route shows set-up instructions instead of loading this.
 */
export default defineConfig({
  name: 'default',
  title: 'Glossary',
  basePath: '/studio',
  projectId: sanityProject?.projectId ?? 'not-configured',
  dataset: sanityProject?.dataset ?? 'production',
  schema: {types: schemaTypes},
  plugins: [structureTool()],
  tools: (tools) => [...tools, linksTool, feedbackTool()],
})
