export type TocEntry = {id: string; title: string}

export function TableOfContents({entries}: {entries: TocEntry[]}) {
  return (
    <nav aria-labelledby="toc-heading" className="sticky top-20 text-sm">
      <h2 id="toc-heading" className="mb-3 font-semibold text-zinc-900 dark:text-zinc-100">
        On this page
      </h2>
      <ol className="space-y-2 border-l border-zinc-200 dark:border-zinc-800">
        {entries.map((entry) => (
          <li key={entry.id}>
            <a
              href={`#${entry.id}`}
              className="-ml-px block border-l border-transparent pl-3 text-zinc-600 hover:border-blue-600 hover:text-blue-700 dark:text-zinc-400 dark:hover:text-blue-300"
            >
              {entry.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
