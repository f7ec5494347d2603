/** The Markdown report of a run: printed at its end, and kept in docs/benchmark-results.md. */
import {pct, ms, count, kb, terms, seconds, median, minuteUtc} from './format'
import type {BenchResults, LoadTarget} from './results'
import {round} from './stats'

const TERM_PATH_LABEL = '/glossary/backlink'

const verdict = (pass: boolean | null) => (pass === null ? '—' : pass ? 'pass' : '**miss**')

function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** The whole report in Markdown: targets first, then every measurement. */
export function renderReport(results: BenchResults): string {
  const parts: string[] = []
  const {machine} = results
  parts.push(
    `Run ${minuteUtc(results.startedAt)}, ${results.mode === 'quick' ? '**quick smoke run (small sizes, short runs: not representative)**' : 'full run'}, ` +
      `${round(results.durationS / 60)} min · ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB · Node ${machine.node}, Next ${machine.next} · ` +
      Object.entries(machine.tools)
        .map(([tool, version]) => `${tool} ${version}`)
        .join(', '),
  )
  parts.push(
    table(
      ['target', 'measured', 'result'],
      results.targets.map((target) => [target.target, target.measured, verdict(target.pass)]),
    ),
  )

  const {throughput} = results
  const {settings} = throughput
  parts.push(
    `**Throughput** (wrk, ${settings.threads} thread, ${settings.connections} connections, ${settings.seconds} s after ${settings.warmupSeconds} s warm-up; one nginx worker; Node servers are single-threaded)\n\n` +
      table(
        ['server', 'bytes', 'req/s', 'p50', 'p99', 'errors'],
        (Object.values(throughput.targets) as LoadTarget[]).map((target) => [
          target.label,
          count(target.bytes),
          count(target.reqPerSec),
          ms(target.p50Ms),
          ms(target.p99Ms),
          target.errors,
        ]),
      ) +
      `\n\nTerm page vs bare Next.js page ${pct(throughput.ratios.termVsBare)} · vs the bare page in a dynamic route ${pct(throughput.ratios.termVsBareDynamic)} · proxy vs nginx static ${pct(throughput.ratios.proxyVsNginxStatic)} · term page from Next vs nginx static ${pct(throughput.ratios.termVsNginxStatic)}`,
  )

  const renderRows = results.coldRender.map((entry) => [
    terms(entry.terms),
    `${entry.measured} / ${entry.requested}${entry.budgetHit ? ' (time budget)' : ''}`,
    ms(entry.p50Ms),
    ms(entry.p99Ms),
    entry.floor ? ms(entry.floor.p50Ms) : '—',
    entry.floor ? ms(entry.floor.p99Ms) : '—',
    entry.notRendered + (entry.floor?.notRendered ?? 0),
  ])
  parts.push(
    `**Cold render** (first request for a term not prerendered, one at a time; then as many first requests for the bare page of the same size, rendered on demand by the same server)\n\n${table(['dataset', 'terms rendered', 'p50', 'p99', 'bare page p50', 'bare page p99', 'not a fresh render'], renderRows)}`,
  )

  const {publishing} = results
  if (publishing.status === 'ok') {
    parts.push(
      `**When you publish** (the publish matrix at ${terms(results.sizes.large)}: the dataset file changed, the signed webhook sent, the row's pages polled until each shows the change, at most ${publishing.termPagesChecked} of a row's term pages, spread evenly; time from the webhook's answer; the proxy keeps a page fresh for ${publishing.proxyWindowS} s)\n\n` +
        table(
          ['you publish', 'these pages change', 'pages (checked)', 'from Next', 'through the proxy'],
          publishing.rows.map((row) => [
            row.name,
            row.reaches +
              (row.failed.length ? ` — **never showed:** ${row.failed.slice(0, 3).join('; ')}` : ''),
            row.checked === row.pages ? count(row.pages) : `${count(row.pages)} (${count(row.checked)})`,
            seconds(row.originVisibleMs),
            seconds(row.proxyVisibleMs),
          ]),
        ),
    )
  }

  const {twoInstances} = results
  if (twoInstances.status === 'ok') {
    const {publish, settings: load} = twoInstances
    parts.push(
      `**Two instances** (the build at ${terms(results.sizes.large)}, each instance on its own copy, sharing the Next cache on Redis, behind deploy/nginx.conf; wrk as above, ${load.connections} connections, ${load.seconds} s; all on this machine's ${machine.cpus} cores)\n\n` +
        table(
          ['through nginx', 'instances', 'req/s', 'p50', 'p99', 'errors'],
          twoInstances.load.map((entry) => [
            entry.label,
            entry.instances,
            count(entry.reqPerSec),
            ms(entry.p50Ms),
            ms(entry.p99Ms),
            entry.errors,
          ]),
        ) +
        `\n\nA publish (${publish.row}) sent to instance A showed on instance B, on all ${publish.pages} polled pages of its row, ${publish.visibleOnBMs === null ? `**never** (${publish.failed.slice(0, 3).join('; ')})` : `in ${seconds(publish.visibleOnBMs)}`} from the webhook's answer.`,
    )
  } else {
    parts.push(`**Two instances**: ${twoInstances.reason}`)
  }

  const sizes = results.contentQueries.map((entry) => entry.terms)
  const queryNames = results.contentQueries[0]?.queries.map((query) => query.name) ?? []
  parts.push(
    `**Content queries** (groq-js over the embedded dataset, in the benchmark's process; p50 per query)\n\n` +
      table(
        ['query', ...sizes.map(terms)],
        queryNames.map((name) => [
          `\`${name}\``,
          ...results.contentQueries.map((entry) => {
            const cost = entry.queries.find((query) => query.name === name)
            return cost ? ms(cost.p50Ms) : '—'
          }),
        ]),
      ),
  )

  const buildRows = results.builds.map((build) => [
    terms(build.terms),
    build.wallS === null ? (build.note ?? '—') : `${round(build.wallS)} s`,
  ])
  parts.push(
    `**Build** (\`next build\`, wall time, no build cache)\n\n${table(['dataset', 'time'], buildRows)}`,
  )

  const {search} = results
  parts.push(
    search.status === 'ok'
      ? `**Search** (${search.queries} queries from bench/queries.json, ${terms(search.terms)}): p50 ${ms(search.p50Ms)}, p95 ${ms(search.p95Ms)}, p99 ${ms(search.p99Ms)}, first query ${ms(search.firstQueryMs)}${search.budgetHit ? ' (time budget hit)' : ''}`
      : `**Search**: ${search.reason}`,
  )

  const feedbackRows = (
    [
      ['PGlite', results.feedback.pglite],
      ['PostgreSQL', results.feedback.postgres],
    ] as const
  ).map(([name, result]) =>
    result.status === 'ok'
      ? [
          name,
          `${count(result.accepted)} / ${count(result.sent)}${result.budgetHit ? ' (time budget)' : ''}`,
          count(result.votesPerSec),
          ms(result.p50Ms),
          ms(result.p99Ms),
          result.stored === null ? `unknown: ${result.storedNote}` : count(result.stored),
          Object.entries(result.rejected)
            .map(([status, n]) => `${status}: ${n}`)
            .join(', ') || '—',
          result.routeFloorPerSec === undefined ? '—' : count(result.routeFloorPerSec),
        ]
      : [name, result.reason, '', '', '', '', '', ''],
  )
  parts.push(
    `**Feedback writes** (route floor: the same posts for an unknown term, refused before the database)\n\n${table(['store', 'accepted / sent', 'votes/s', 'p50', 'p99', 'stored', 'other answers', 'route floor /s'], feedbackRows)}`,
  )

  const {weight} = results
  parts.push(
    `**Weight**: Backlink page HTML ${count(weight.backlinkHtmlBytes)} bytes · server RSS ${round(weight.rss.bytes / 2 ** 20)} MiB after serving ${count(weight.rss.served)} of ${terms(weight.rss.terms)}${weight.rss.budgetHit ? ' (time budget hit)' : ''} (${round(weight.rss.startBytes / 2 ** 20)} MiB after start)\n\n` +
      table(
        ['route', 'first-load JS (gzip)', 'uncompressed', 'chunks'],
        weight.firstLoadJs.map((entry) => [
          entry.route,
          kb(entry.jsGzipBytes),
          kb(entry.jsBytes),
          entry.chunks,
        ]),
      ),
  )

  const {startUp, tracing} = results
  if (startUp?.status === 'ok') {
    const row = (label: string, samples: number[], ready: number[] = []) => [
      label,
      ms(median(samples)),
      samples.map((value) => round(value)).join(', '),
      ready.length ? ms(median(ready)) : '—',
    ]
    parts.push(
      `**Start-up**: from spawning \`next start\` to the first 200 of ${TERM_PATH_LABEL}, ${startUp.restarts} restarts alternating (term page ${count(startUp.pageBytes.site)} bytes, bare page ${count(startUp.pageBytes.bare)}); "ready" is the site's own log line, from process start\n\n` +
        table(
          ['server', 'median', 'each restart (ms)', 'ready (median)'],
          [
            row('bare Next.js page', startUp.bareMs),
            row('the site, embedded dataset', startUp.embeddedMs, startUp.readyMs.embedded),
            row(`the site, ${terms(startUp.terms)}`, startUp.largeMs, startUp.readyMs.large),
            [
              `the site, ${terms(startUp.terms)}, a file the build never saw (once)`,
              ms(startUp.largeWithoutSnapshotMs),
              '',
              '—',
            ],
          ],
        ),
    )
  } else if (startUp) parts.push(`**Start-up**: ${startUp.reason}`)
  if (tracing?.status === 'ok') {
    const {settings: load} = tracing
    parts.push(
      `**Tracing** (term page from \`next start\`, wrk ${load.connections} connections, ${load.seconds} s; ${tracing.runsReqPerSec ? `the better of two runs each, ordered off, on, on, off (req/s: off ${tracing.runsReqPerSec.off.map(count).join(' and ')}, on ${tracing.runsReqPerSec.on.map(count).join(' and ')})` : 'one run each'}; on: every span exported over OTLP/HTTP, ${count(tracing.exports)} exports, ${round(tracing.exportedBytes / 1e6)} MB)\n\n` +
        table(
          ['tracing', 'req/s', 'p50', 'p99', 'errors'],
          [
            [
              'off',
              count(tracing.off.reqPerSec),
              ms(tracing.off.p50Ms),
              ms(tracing.off.p99Ms),
              tracing.off.errors,
            ],
            [
              'on',
              count(tracing.on.reqPerSec),
              ms(tracing.on.p50Ms),
              ms(tracing.on.p99Ms),
              tracing.on.errors,
            ],
          ],
        ),
    )
  } else if (tracing) parts.push(`**Tracing**: ${tracing.reason}`)

  const {lighthouse} = results
  parts.push(
    lighthouse.status === 'ok'
      ? `**Lighthouse** (mobile, median of ${lighthouse.runsPerPage} run${lighthouse.runsPerPage > 1 ? 's' : ''} by Performance)\n\n` +
          table(
            [
              'page',
              'Performance',
              'Accessibility',
              'Best Practices',
              'SEO',
              'LCP',
              'TBT',
              'CLS',
              'points lost',
            ],
            lighthouse.pages.map(({path, median}) => [
              path,
              median.performance,
              median.accessibility,
              median.bestPractices,
              median.seo,
              ms(median.lcpMs),
              ms(median.tbtMs),
              round(median.cls),
              median.missed.join(', ') || '—',
            ]),
          )
      : `**Lighthouse**: ${lighthouse.reason}`,
  )
  return parts.join('\n\n')
}
