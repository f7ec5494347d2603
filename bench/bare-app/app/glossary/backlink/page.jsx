// Text of the size the bench asks for at build time (BENCH_BARE_PAGE_BYTES), like a term page's HTML.
const bytes = Number(process.env.BENCH_BARE_PAGE_BYTES || 40000)
const sentence = 'A bare page holds plain text of the same size as the term page it is compared with. '

export default function Page() {
  return (
    <main>
      <h1>Backlink</h1>
      <p>{sentence.repeat(Math.ceil(bytes / sentence.length)).slice(0, bytes)}</p>
    </main>
  )
}
