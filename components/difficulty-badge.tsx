// Whole class names (globals.css), so Tailwind finds each one in this file.
const styles = {
  beginner: 'badge-beginner',
  intermediate: 'badge-intermediate',
  advanced: 'badge-advanced',
} as const

export type Difficulty = keyof typeof styles

const labels: Record<Difficulty, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
}

export function DifficultyBadge({difficulty}: {difficulty: Difficulty}) {
  return (
    <span className={`badge ${styles[difficulty]}`}>
      <span className="sr-only">Difficulty: </span>
      {labels[difficulty]}
    </span>
  )
}
