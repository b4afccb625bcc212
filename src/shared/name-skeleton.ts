// Spelling variants of names: one skeleton for the spellings that transliterations, diacritics and doubled letters
// give one name ("Rouhani", "Rohani"; "Khamenei", "Khamene'i"; "Raisi", "Raïssi", "Raeesi"; "Zelensky", "Zelenskiy",
// "Zelenskyy"; "Catherine", "Katherine"). Used only to compare person names, and only where the given names agree too or the text names the
// person in full in that spelling: "Reza Rohan" is not Hassan Rouhani. The compiler, the page matcher and the search
// all compare names through this one function.

/** An apostrophe or hyphen inside a name's word, which transliterations add or leave out. */
const INNER_MARK = /(?<=\p{L})['’ʼ`‘-](?=\p{L})/gu;

/**
 * One word's skeleton: no case or diacritics; a hard c a k ("Catherine", "Katherine"; "Claus", "Klaus"); o and u one
 * vowel, e, i and y another; w after a vowel dropped; letters undoubled.
 */
function wordSkeleton(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/c(?=[aoulr])/g, 'k')
    .replace(/[ou]/g, 'u')
    .replace(/[eiy]/g, 'i')
    .replace(/([aiu])w(?![aiu])/g, '$1')
    .replace(/(.)\1+/gu, '$1');
}

/** A name's words as their skeletons: "Hassan Rowhani" → ["hasan", "ruhani"]; "Khamene'i" → ["khamini"]. */
export function nameSkeleton(name: string): string[] {
  return (name.replace(INNER_MARK, '').match(/[\p{L}\p{N}]+/gu) ?? []).map(wordSkeleton);
}
