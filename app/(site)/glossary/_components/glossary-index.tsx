import type {Metadata} from 'next'

import {JsonLd} from '@/components/json-ld'
import {Link} from '@/components/link.client'
import {MoreUnderLetter} from '@/components/more-under-letter'
import {SearchCombobox} from '@/components/search-combobox.client'
import {TermList} from '@/components/term-list'
import {listCategories, listTerms} from '@/lib/content'
import {groupByLetter, LETTERS, letterAnchor, TERMS_PER_LETTER_ON_INDEX} from '@/lib/content/glossary-index'
import type {IndexFilters} from '@/lib/content/index-filters'
import {searchSubmitted} from '@/lib/search/term-search'
import {absoluteUrl, pageAlternates, siteName} from '@/lib/site/urls'
import {glossaryJsonLd} from '@/lib/seo/structured-data'
import {DIFFICULTIES} from '@/lib/vocabulary'

const TITLE = 'Glossary: every term, A to Z'
const DESCRIPTION = 'Every search and SEO term we define, from A to Z, each with a one-line definition.'

/**
 * The index's metadata. A searched or filtered view is the index cut down: it shares the index's
 * canonical URL and is kept out of search results (`noindex`), while its links are still followed.
 */
export function glossaryMetadata({q, view}: {q?: string; view: 'index' | 'search'}): Metadata {
  const url = absoluteUrl('/glossary')
  return {
    title: q ? `Search results for “${q}”` : TITLE,
    description: DESCRIPTION,
    alternates: pageAlternates('/glossary'),
    ...(view === 'search' ? {robots: {index: false, follow: true}} : {}),
    openGraph: {type: 'website', url, siteName, title: TITLE, description: DESCRIPTION},
    twitter: {card: 'summary', title: TITLE, description: DESCRIPTION},
  }
}

const selectClass =
  'h-10 w-full rounded-lg border border-zinc-400 bg-white px-3 text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100'

/** One of the index's filters: a labelled select whose first option is "any". */
function FilterSelect({
  name,
  label,
  anyLabel,
  value,
  options,
}: {
  name: string
  label: string
  anyLabel: string
  value?: string | null
  options: readonly {value: string; title: string}[]
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ''} className={selectClass}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.title}
          </option>
        ))}
      </select>
    </div>
  )
}

function FilterForm({
  filters,
  categories,
}: {
  filters: IndexFilters
  categories: {slug: string; title: string}[]
}) {
  const active = Boolean(filters.q || filters.category || filters.difficulty)
  return (
    <form
      id="search"
      action="/glossary"
      method="get"
      role="search"
      aria-label="Search and filter the glossary"
      className="mt-6 grid gap-4 rounded-xl border border-zinc-200 p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] lg:items-end dark:border-zinc-800"
    >
      <SearchCombobox
        label="Search"
        defaultValue={filters.q}
        placeholder="A term or another name for it"
        className="sm:col-span-2 lg:col-span-1"
        inputClassName="h-10 px-3"
      />
      <FilterSelect
        name="category"
        label="Category"
        anyLabel="All categories"
        value={filters.category}
        options={categories.map((category) => ({value: category.slug, title: category.title}))}
      />
      <FilterSelect
        name="difficulty"
        label="Difficulty"
        anyLabel="Any difficulty"
        value={filters.difficulty}
        options={DIFFICULTIES}
      />
      <div className="flex items-center gap-4 sm:col-span-2 lg:col-span-1">
        <button
          type="submit"
          className="h-10 rounded-lg bg-blue-700 px-5 font-semibold text-white hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700 focus-visible:ring-offset-2"
        >
          Apply
        </button>
        {active && (
          <Link href="/glossary" className="text-sm font-medium text-blue-800 underline dark:text-blue-300">
            Clear
          </Link>
        )}
      </div>
    </form>
  )
}

function LetterBar({present}: {present: Set<string>}) {
  return (
    <nav
      aria-label="Jump to a letter"
      className="sticky top-(--header-height) z-10 -mx-4 mt-8 border-b border-zinc-200 bg-white/95 px-4 py-2 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95"
    >
      {/* Relative, so the screen-reader-only labels scroll with the bar instead of widening the page. */}
      <ul className="relative flex gap-0.5 overflow-x-auto">
        {LETTERS.map((letter) => {
          const label = letter === '#' ? <span className="sr-only">Numbers and symbols</span> : null
          return (
            <li key={letter}>
              {present.has(letter) ? (
                <a
                  href={`#${letterAnchor(letter)}`}
                  className="flex h-8 min-w-7 items-center justify-center rounded px-1 font-semibold text-blue-800 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-blue-950"
                >
                  <span aria-hidden={letter === '#' || undefined}>{letter}</span>
                  {label}
                </a>
              ) : (
                // Not a link: there is nothing to jump to.
                <span className="flex h-8 min-w-7 items-center justify-center px-1 text-zinc-500 dark:text-zinc-400">
                  <span aria-hidden={letter === '#' || undefined}>{letter}</span>
                  {label}
                  <span className="sr-only"> (no terms)</span>
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

/**
 * The glossary index: every term A to Z under a letter bar (up to TERMS_PER_LETTER_ON_INDEX a
 * letter, each letter's page has the rest), or, with `q`, the search results;
 * either one narrowed by category and difficulty. /glossary renders it without filters (static);
 * /glossary with query parameters is rewritten to /glossary-search, which renders it with them.
 */
export async function GlossaryIndex({filters: parsed}: {filters: IndexFilters}) {
  const [terms, categories] = await Promise.all([listTerms(), listCategories()])
  const filters = {
    ...parsed,
    category: categories.some((category) => category.slug === parsed.category) ? parsed.category : undefined,
  }
  const matchesFilters = (term: {category: {slug: string} | null; difficulty: string}) =>
    (!filters.category || term.category?.slug === filters.category) &&
    (!filters.difficulty || term.difficulty === filters.difficulty)

  const search = filters.q ? await searchSubmitted(filters.q) : null
  const results = search?.results.filter(matchesFilters) ?? []
  const shown = terms.filter(matchesFilters)
  const groups = groupByLetter(shown)
  const totals = groupByLetter(terms)
  const onPage = [...groups.values()].flatMap((group) => group.slice(0, TERMS_PER_LETTER_ON_INDEX))
  const count = filters.q ? results.length : shown.length

  return (
    <div className="max-w-4xl">
      <JsonLd data={glossaryJsonLd(onPage)} />
      <h1 className="text-4xl font-bold tracking-tight">Glossary</h1>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        {count === terms.length
          ? `${terms.length} terms, A to Z.`
          : `Showing ${count} of ${terms.length} terms.`}
      </p>
      <FilterForm filters={filters} categories={categories} />

      {filters.q ? (
        <section aria-labelledby="search-results" className="mt-8">
          <h2 id="search-results" className="text-2xl font-semibold">
            {results.length === 1 ? '1 result' : `${results.length} results`} for “{filters.q}”
          </h2>
          {results.length ? (
            <TermList terms={results} />
          ) : (
            <p className="mt-3 text-zinc-700 dark:text-zinc-300">
              No term matches that{shown.length < terms.length ? ' with these filters' : ''}. Check the
              spelling, try another name for it, or{' '}
              <Link href="/glossary" className="font-medium text-blue-800 underline dark:text-blue-300">
                browse every term A to Z
              </Link>
              .
            </p>
          )}
        </section>
      ) : (
        <>
          <LetterBar present={new Set(groups.keys())} />
          {shown.length === 0 && (
            <p className="mt-6 text-zinc-700 dark:text-zinc-300">No terms match these filters.</p>
          )}
          {[...groups].map(([letter, group]) => (
            <section key={letter} aria-labelledby={letterAnchor(letter)} className="mt-8">
              <h2
                id={letterAnchor(letter)}
                // Clears both the site header and the letter bar when the bar jumps here.
                style={{scrollMarginTop: 'calc(var(--header-height) + 4.5rem)'}}
                className="border-b border-zinc-200 pb-1 text-2xl font-bold dark:border-zinc-800"
              >
                {letter === '#' ? (
                  <>
                    <span aria-hidden="true">#</span>
                    <span className="sr-only">Numbers and symbols</span>
                  </>
                ) : (
                  letter
                )}
              </h2>
              <TermList terms={group.slice(0, TERMS_PER_LETTER_ON_INDEX)} />
              <MoreUnderLetter
                letter={letter}
                shown={Math.min(group.length, TERMS_PER_LETTER_ON_INDEX)}
                matching={group.length}
                total={totals.get(letter)?.length ?? group.length}
              />
            </section>
          ))}
        </>
      )}
    </div>
  )
}
