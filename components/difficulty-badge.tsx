import {difficultyTitle, type Difficulty} from '@/lib/vocabulary'

// Whole class names (globals.css), so Tailwind finds each one in this file.
const styles: Record<Difficulty, string> = {
  beginner: 'badge-beginner',
  intermediate: 'badge-intermediate',
  advanced: 'badge-advanced',
}

export function DifficultyBadge({difficulty}: {difficulty: Difficulty}) {
  return (
    <span className={`badge ${styles[difficulty]}`}>
      <span className="sr-only">Difficulty: </span>
      {difficultyTitle(difficulty)}
    </span>
  )
}
