// The sex a common given name tells ("Polly Sheppard" is a woman, "Dylann Roof" is not known), used only to rule out
// a pronoun's antecedent. Only names that are given to one sex in nearly every use; names shared by both sexes
// ("Jordan", "Kelly", "Sam", "Andrea", "Jean") are left out, so they rule nobody out.
import type { Mention } from '../pack';
import type { Gender } from '../names';
import { agreedGenders, vote } from './gender';

const list = (names: string): Set<string> => new Set(names.trim().toLowerCase().split(/\s+/));

const MALE = list(`
  aaron adam alan albert alexander andrew anthony antonio arthur barack barry ben benjamin bernie bill billy bob
  bobby boris brandon brian bruce carl carlos charles chris christopher colin craig dan daniel david dennis diego
  donald douglas duncan dylann edmund edward elon emmanuel eric frank fred gary george gerald graham greg gregory
  harold harry henry hugh ian jack jacob james jason jeff jeffrey jeremy jerry jim jimmy joe john johnny jonathan
  jose joseph joshua juan justin keith ken kenneth kevin kyle larry lawrence louis luis luke marco mark martin
  matthew michael mike mitch mitt nathan neil nicholas nick nigel noah oliver omar osama patrick paul peter philip
  ralph raymond reince richard rick robert roger ron ronald roy rudy russell ryan samuel scott sean simon stephen
  steve steven stuart ted terry thomas tim timothy tom tony victor vincent vladimir walter wayne william winston
  zachary
`);

const FEMALE = list(`
  abigail alice alyssa amanda amy angela ann anna anne barbara betty beverly brenda carol caroline catherine
  charlotte cheryl christina christine cynthia deborah debbie debra denise diana diane dina donna doris dorothy
  elizabeth emily emma eva evelyn frances gloria grace hannah heather helen hillary ivanka jacqueline jane janet
  janice jennifer jessica joan joyce judith judy julia julie karen katherine kathleen kathryn kellyanne kimberly
  kisha laura lauren linda lisa lucy margaret maria marie marilyn marni martha mary megan melania melissa michelle
  nancy natalie nicole nikki olivia pamela patricia polly rachel rebecca ruth samantha sandra sara sarah sharon
  shirley sophia stephanie susan teresa theresa victoria virginia
`);

/** Whether a word is a common given name of either sex ("Boris"). */
export const isGivenName = (word: string): boolean => MALE.has(word.toLowerCase()) || FEMALE.has(word.toLowerCase());

/** The sex each person's given names tell, from the full names the text writes; none where they disagree. */
export function givenNameGenders(text: string, people: readonly Mention[]): Map<string, Gender> {
  const votes = new Map<string, Set<Gender>>();
  for (const mention of people) {
    const words = text.slice(mention.start, mention.end).split(/\s+/);
    if (words.length < 2) continue;
    const first = (words[0] ?? '').toLowerCase();
    const gender: Gender | undefined = MALE.has(first) ? 'male' : FEMALE.has(first) ? 'female' : undefined;
    if (gender !== undefined) vote(votes, mention.entityId, gender);
  }
  return agreedGenders(votes);
}
