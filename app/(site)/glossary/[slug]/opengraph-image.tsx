import {readFile} from 'node:fs/promises'
import path from 'node:path'

import {ImageResponse} from 'next/og'

import {getTerm} from '@/lib/content'
import {prerenderedTermParams} from '@/lib/content/prerender'
import {siteName, siteUrl} from '@/lib/site/urls'
import {difficultyTitle, type Difficulty} from '@/lib/vocabulary'

// REVALIDATE_SECONDS (lib/vocabulary.ts): Next reads segment config only as a literal.
export const revalidate = 3600

export const alt = `${siteName}: a glossary term with its one-line definition`
export const size = {width: 1200, height: 630}
export const contentType = 'image/png'

export const generateStaticParams = prerenderedTermParams

/** The badge colours of globals.css (`badge-*`), which an image cannot read from there. */
const DIFFICULTY_COLORS: Record<Difficulty, {color: string; background: string}> = {
  beginner: {color: '#065f46', background: '#d1fae5'},
  intermediate: {color: '#78350f', background: '#fef3c7'},
  advanced: {color: '#9f1239', background: '#ffe4e6'},
}

/** The card a shared link shows: term, definition and difficulty, in a font shipped with the site. */
export default async function TermImage({params}: {params: Promise<{slug: string}>}) {
  const term = await getTerm((await params).slug)
  if (!term) return Response.json({error: 'No such term.'}, {status: 404})
  // Paths inline, so the bundler traces just these two files.
  const [regular, bold] = await Promise.all([
    readFile(path.join(process.cwd(), 'assets/fonts/DejaVuSans.ttf')),
    readFile(path.join(process.cwd(), 'assets/fonts/DejaVuSans-Bold.ttf')),
  ])
  const difficulty = {...DIFFICULTY_COLORS[term.difficulty], label: difficultyTitle(term.difficulty)}
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '64px 72px',
        background: '#ffffff',
        borderTop: '16px solid #1d4ed8',
        fontFamily: 'DejaVu Sans',
        color: '#18181b',
      }}
    >
      <div style={{display: 'flex', alignItems: 'center', justifyContent: 'space-between'}}>
        <div style={{fontSize: 30, fontWeight: 700, color: '#1d4ed8'}}>{siteName}</div>
        <div
          style={{
            display: 'flex',
            fontSize: 28,
            padding: '8px 24px',
            borderRadius: 999,
            color: difficulty.color,
            background: difficulty.background,
          }}
        >
          {difficulty.label}
        </div>
      </div>
      <div style={{display: 'flex', flexDirection: 'column'}}>
        <div style={{fontSize: term.title.length > 28 ? 64 : 84, fontWeight: 700, lineHeight: 1.1}}>
          {term.title}
        </div>
        <div style={{marginTop: 28, fontSize: 34, lineHeight: 1.4, color: '#3f3f46'}}>
          {term.shortDefinition}
        </div>
      </div>
      <div
        style={{display: 'flex', fontSize: 24, color: '#52525b'}}
      >{`${new URL(siteUrl).host}/glossary`}</div>
    </div>,
    {
      ...size,
      fonts: [
        {name: 'DejaVu Sans', data: regular, weight: 400, style: 'normal'},
        {name: 'DejaVu Sans', data: bold, weight: 700, style: 'normal'},
      ],
    },
  )
}
