/**
 * The form both a query and the searched text are compared in: accents stripped (NFKD, then
 * combining marks dropped), lower case, and every run of punctuation or spaces turned into one
 * space. "Backlínk", "BACKLINK" and "back\u00ADlink " all fold alike; "click-through" reads as
 * "click through".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
