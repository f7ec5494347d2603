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
            <a href={`#${entry.id}`} className="toc-link">
              {entry.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
