import {SearchCombobox} from './search-combobox.client'

type Props = {
  /** Names the search landmark; each search form on a page needs its own name. */
  landmarkLabel: string
  size?: 'compact' | 'large'
  defaultValue?: string
  className?: string
}

/**
 * A glossary search form. It submits `q` to /glossary, where the server renders the results, so
 * it works without JavaScript; with JavaScript the field suggests terms as the reader types.
 */
export function SearchForm({landmarkLabel, size = 'large', defaultValue, className = ''}: Props) {
  const compact = size === 'compact'
  return (
    <form
      action="/glossary"
      method="get"
      role="search"
      aria-label={landmarkLabel}
      className={`flex items-end gap-2 ${className}`}
    >
      <SearchCombobox
        label="Search the glossary"
        hideLabel
        defaultValue={defaultValue}
        placeholder={compact ? 'Search terms' : 'Search terms, e.g. inbound link'}
        className="min-w-0 flex-1"
        inputClassName={compact ? 'h-9 px-3 text-sm' : 'h-12 px-4 text-lg'}
      />
      <button
        type="submit"
        className={`shrink-0 rounded-lg bg-blue-700 font-semibold text-white hover:bg-blue-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700 focus-visible:ring-offset-2 ${
          compact ? 'h-9 px-3 text-sm' : 'h-12 px-5 text-lg'
        }`}
      >
        Search
      </button>
    </form>
  )
}
