/**
 * The seed articles scenarios cite by file name (`seed: 000_65bcf9322f49a869.txt`), as a reader
 * knows them: a title and a date instead of a file hash. The files (shared/seeds) carry only the
 * article's text: the title is its headline where the text begins with one, and otherwise words
 * from its first lines (shortened, marked …); the date is when the article's events happened, read from its text (and matching
 * the period of the scenarios that cite it), to the month.
 */

export interface SeedArticle {
  title: string;
  /** Month and year. */
  date: string;
  /** The title is the article's headline; otherwise it is words from its first lines. */
  headline: boolean;
}

export const SEED_ARTICLES: Readonly<Record<string, SeedArticle>> = {
  // The Doha talks on the US-drafted 60-day truce (doha-60-day-draft: July 2025).
  '000_65bcf9322f49a869.txt': { title: 'Two senior Hamas sources revealed notable progress in the ongoing Gaza ceasefire negotiations in Doha…', date: 'July 2025', headline: false },
  // The one-month truce proposal, during the Khan Younis offensive (one-month-truce: January–February 2024).
  '001_9a0399a4152c7f9f.txt': { title: 'Intensive talks underway to negotiate one-month Gaza truce, sources report', date: 'January 2024', headline: true },
  // Talks on the second phase of the October 2025 ceasefire (phase-two-transition: December 2025).
  '002_69d894f92a37394f.txt': { title: 'Hamas sources say negotiations over the second phase of the Gaza ceasefire agreement have entered a “more serious” stage…', date: 'December 2025', headline: false },
  // The US framework of 40 captives for 400 prisoners (the prisoner-exchange scenarios: March 2024).
  '003_8256fad7c370c679.txt': { title: 'Israel and Hamas have begun negotiating the details of a potential temporary ceasefire agreement…', date: 'March 2024', headline: false },
  // Witkoff, Trump's incoming envoy, meets Netanyahu before the January 2025 deal (buffer-zone-philadelphi: January 2025).
  '004_9a07cf7cf3b6c353.txt': { title: 'Ceasefire Talks Advance as Tensions Mount in Gaza Conflict', date: 'January 2025', headline: true },
};

/** A seed file as a reader sees it: “title” (date), or the file name for a seed this list does not know. */
export function seedLabel(file: string): string {
  const article = SEED_ARTICLES[file];
  return article ? `“${article.title}” (${article.date})` : file;
}
