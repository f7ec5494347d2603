import {listCategories, listTerms} from '@/lib/content'
import {llmsTxt} from '@/lib/seo/llms'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

/** GET /llms.txt: the glossary's terms, by category, for language models. */
export async function GET() {
  const [terms, categories] = await Promise.all([
    listTerms({published: true}),
    listCategories({published: true}),
  ])
  return new Response(llmsTxt(terms, categories), {
    headers: {'Content-Type': 'text/plain; charset=utf-8'},
  })
}
