// The sex a common given name tells ("Ann Haddad" is a woman, "Kael Haddad" is not known), used only to rule out
// a pronoun's antecedent. Only names that are given to one sex in nearly every use; names shared by both sexes
// ("Jordan", "Kelly", "Sam", "Andrea", "Jean") are left out, so they rule nobody out.
import type { Mention } from '../pack';
import { isRole, type Gender } from '../names';
import { HONORIFICS } from '../lexicon';
import { isOrdinaryWord } from '../ordinary-words';
import { agreedGenders, vote } from './gender';

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  whitespace: /\s+/,
  capitalisedWord: /^\p{Lu}\p{Ll}+$/u,
} as const;

const list = (names: string): Set<string> => new Set(names.trim().toLowerCase().split(REGEXPS.whitespace));

const MALE = list(`
  aaron adam adrian alan albert alexander andre andrew angelo anthony antoine antonio arthur barack barry ben
  benjamin bernie bill billy bob bobby boris bradley brandon brett brian bruce caleb carl carlos charles chris
  christopher clarence cody colin connor craig curtis damian damien dan daniel darren david dennis derek diego
  dominic donald douglas duncan dustin dylan eddie edgar edmund edward elijah elliot elliott elon emmanuel
  eric ethan evan felix frank fred gabriel gary gavin george gerald gordon graham greg gregory harold harrison harry
  harvey hector henry howard hugh hugo ian isaac ivan jack jacob jake james jared jason jasper jeff jeffrey jeremiah
  jeremy jerome jerry jesse jim jimmy joe joel john johnny jon jonathan jose joseph josh joshua juan julian justin
  karl keith ken kenneth kevin kirk kurt kyle lance larry lawrence leo leon leonard lewis liam lloyd louis lucas luis
  luke malcolm manuel marco marcus mark martin marvin matthew michael mike miles mitch mohammed muhammad nathan
  nathaniel neil nelson neville nicholas nick nigel noah norman oliver omar osama oscar owen pablo patrick paul percy
  peter phil philip pierre quentin rafael ralph ray raymond reggie ricardo richard rick rob robert rodney
  roger ron ronald ross roy rudy rupert russell ryan samuel scott sean sebastian seth shane simon spencer stan
  stanley stefan stephen steve steven stuart ted terry theodore thomas tim timothy tobias toby todd tom tony travis
  trevor troy tyler vernon victor vince vincent vladimir walter warren wayne wesley wilbur william winston wyatt
  xavier zach zachary zack
`);

const FEMALE = list(`
  abby abigail ada adele agnes alexandra alice alicia alison allison alyssa amanda amelia amy angela angelina anita
  ann anna anne annie audrey ava barbara beatrice belinda bella bernadette beth bethany betty beverly bonnie brenda
  bridget brittany camila carla carmen carol caroline carolyn cassandra catherine cecilia charlene charlotte cheryl
  chloe christina christine claire clara claudia colleen connie courtney cynthia daisy danielle debbie deborah debra
  delia denise diana diane dina dolores donna doris dorothy edith eileen elaine eleanor elena eliza elizabeth ella
  ellen eloise emilia emily emma erica erin esther eva eve evelyn felicity fiona frances francesca gabriela gabrielle
  gail georgina geraldine gina gloria grace gwen hannah harriet heather heidi helen helena hillary imogen ingrid
  irene isabel isabella ivy jacqueline jane janet janice jasmine jenna jennifer jenny jessica jill joan joanna
  jocelyn josephine joyce juanita judith judy julia julie karen kate katherine kathleen kathryn katie katy
  kimberly kristen kylie laura lauren leah lena linda lindsay lisa lois lorraine louise lucia lucy lydia mabel
  madeleine mandy marcia margaret margot maria marian marie marilyn marina marjorie marsha martha mary maureen
  maxine megan melania melanie melinda melissa mia michelle mildred miranda molly monica muriel nadia nancy naomi
  natalie natasha nell nicole nikki nina nora norma olga olivia pamela patricia paula pauline peggy penelope
  phoebe phyllis polly poppy priscilla rachel rebecca rebekah rita roberta rosa rosalind rosemary roxanne ruby ruth
  sabrina sally samantha sandra sara sarah selena serena sharon sheila shirley sofia sonia sophia sophie stella
  stephanie susan susanna suzanne sylvia tamara tanya tara teresa tessa thelma theresa tina ursula valerie vanessa
  vera veronica victoria violet virginia vivian wanda wendy yvonne zoe
`);

/** Whether a word is a common given name of either sex ("Peter"). */
export const isGivenName = (word: string): boolean => givenNameSex(word) !== undefined;

/** The sex a common given name tells, if it tells one ("Michelle" female, "Jordan" none). */
export function givenNameSex(word: string): Gender | undefined {
  const name = word.toLowerCase();
  return MALE.has(name) ? 'male' : FEMALE.has(name) ? 'female' : undefined;
}

/** The sex each person's given names tell, from the full names the text writes; none where they disagree. */
export function givenNameGenders(text: string, people: readonly Mention[]): Map<string, Gender> {
  const votes = new Map<string, Set<Gender>>();
  for (const mention of people) {
    const words = text.slice(mention.start, mention.end).split(REGEXPS.whitespace);
    if (words.length < 2) continue;
    const gender = givenNameSex(words[0] ?? '');
    if (gender !== undefined) vote(votes, mention.entityId, gender);
  }
  return agreedGenders(votes);
}

/**
 * The first words of the people this text names in full ("Oriel" of "Oriel Doe"), lower-cased, each with the people
 * who bear it: a given name here though no list holds it. Not an office or a title ("Governor Doe"), nor an ordinary
 * word ("Project Diane"), unless a list holds it too.
 */
export function givenNamesWritten(text: string, people: readonly Mention[]): Map<string, Set<string>> {
  const bearers = new Map<string, Set<string>>();
  for (const mention of people) {
    const words = text.slice(mention.start, mention.end).split(REGEXPS.whitespace);
    const first = words[0] ?? '';
    if (words.length < 2 || !REGEXPS.capitalisedWord.test(first)) continue;
    if (isRole(first) || HONORIFICS.has(first.toLowerCase())) continue;
    if (!isGivenName(first) && isOrdinaryWord(first)) continue;
    const ids = bearers.get(first.toLowerCase()) ?? new Set<string>();
    ids.add(mention.entityId);
    bearers.set(first.toLowerCase(), ids);
  }
  return bearers;
}

/**
 * Short forms of given names that stand for one full given name only ("Rick" is a Richard). Shared short forms
 * ("Alex", "Sam", "Chris") are left out: they could be more than one name. So are short forms that are also English
 * words a sentence may open with ("Will", "Bill", "Rich", "Sue", "Don").
 */
const SHORT_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    rick: 'richard',
    bob: 'robert',
    bobby: 'robert',
    billy: 'william',
    mike: 'michael',
    jim: 'james',
    jimmy: 'james',
    bernie: 'bernard',
    tom: 'thomas',
    tommy: 'thomas',
    dave: 'david',
    steve: 'stephen',
    joe: 'joseph',
    ted: 'edward',
    liz: 'elizabeth',
    beth: 'elizabeth',
    betsy: 'elizabeth',
    peggy: 'margaret',
    kate: 'katherine',
    kathy: 'katherine',
    jenny: 'jennifer',
    becky: 'rebecca',
    ben: 'benjamin',
    tony: 'anthony',
    larry: 'lawrence',
    jerry: 'gerald',
    charlie: 'charles',
    andy: 'andrew',
    matt: 'matthew',
    dan: 'daniel',
    danny: 'daniel',
  }),
);

/** The full given name a short form stands for ("Rick" → "richard"), if it stands for one. */
export const fullGivenName = (word: string): string | undefined => SHORT_FORMS.get(word.toLowerCase());
