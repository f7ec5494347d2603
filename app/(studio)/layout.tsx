import type {ReactNode} from 'react'

/** The Studio's own root layout: the site's header, footer and styles never wrap it. */
export default function StudioRootLayout({children}: {children: ReactNode}) {
  return (
    <html lang="en">
      <body style={{margin: 0}}>{children}</body>
    </html>
  )
}
