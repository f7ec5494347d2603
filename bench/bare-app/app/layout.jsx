// A bare Next.js app: the yardstick `npm run bench` starts the same way as the site (bench/phases/start-up.ts).
export default function RootLayout({children}) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
