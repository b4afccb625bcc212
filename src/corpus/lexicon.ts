// Word lists the compiler's general rules rely on. Nothing here names a person or a body from any corpus.

/** Every pattern this module matches, named and built once (mozilla/readability's REGEXPS is the model). */
const REGEXPS = {
  whitespace: /\s+/,
} as const;

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(REGEXPS.whitespace));

/** Titles written before a person's name; lower-cased, without the full stop. */
export const HONORIFICS = words(`
  mr mrs ms miss mx dr sir dame lord lady baroness baron viscount earl duke countess madam madame
  professor prof ayatollah imam sheikh rabbi reverend rev father sister brother
  rt hon right honourable honorable
  sen rep gov gen lt col capt cmdr cmdt adm maj sgt cpl pvt det insp supt amb atty
`);

/**
 * Titles a member of Parliament's name is written with that are not part of the name ("Mr David Jones" is David
 * Jones, as the documents name him); a peer's title is part of the name ("Lord Alton of Liverpool").
 */
export const COURTESY_TITLES = words('mr mrs ms miss mx dr sir dame rt hon');

/** Honorifics that tell a person's sex, used only to rule out a pronoun's antecedent. */
export const FEMALE_HONORIFICS = words('mrs ms miss dame lady baroness countess madam madame sister');
export const MALE_HONORIFICS = words('mr sir lord baron viscount earl duke ayatollah imam sheikh father brother');

/** Nouns before a name that tell a person's sex ("his daughter Ann Okafor", "actress Jo Doe"). */
export const FEMALE_NOUNS = words(`
  daughter wife mother sister actress chairwoman spokeswoman congresswoman businesswoman queen princess duchess countess baroness widow
  granddaughter niece aunt girlfriend grandmother stepmother stepdaughter sportswoman mom mum
`);
export const MALE_NOUNS = words(`
  son husband father brother actor chairman spokesman congressman businessman king prince duke earl baron widower grandson nephew
  uncle boyfriend grandfather stepfather stepson sportsman dad
`);

/** Letters written after a person's name. */
export const POST_NOMINALS = words('MP MEP MSP MLA AM TD QC KC OBE MBE CBE KBE DBE DL JP PhD MD FRS Jr Sr');

/** Office words that, written straight before a capitalised name, mark it as a person ("Senator Jane Doe"). */
export const NAME_TITLES = words(`
  president senator minister leader judge governor mayor ambassador chancellor premier
  secretary chairman chairwoman chair spokesman spokeswoman spokesperson commissioner rapporteur
  general colonel captain cardinal bishop king queen prince princess councillor representative
  mp mep president-elect vice-president prime pope emperor empress sultan emir tsar
`);

/**
 * Military ranks, in full and abbreviated, written before a name ("Admiral Jo Doe", "Maj. Jo Doe"); the office, never
 * part of the name. "Major" is here and not among the role words, as it is mostly an adjective in lower case.
 */
export const MILITARY_RANKS = words(`
  admiral general colonel captain major lieutenant sergeant corporal brigadier commodore marshal commander
  gen adm col capt maj lt sgt cpl brig cmdr
`);

/** Words that qualify a rank written after them ("Rear Admiral", "Vice Admiral", "Air Marshal"). */
export const RANK_QUALIFIERS = words('rear vice air chief');

/** Lower-case words that join the parts of a compound office ("editor-in-chief", "commander-in-chief"). */
export const OFFICE_JOINERS = words('in of at');

/** Kinds of street and building that end a place's name, never a person's ("Queen Street", "Prince Albert Road"). */
export const STREET_WORDS = words(`
  street road avenue lane square boulevard bridge gardens terrace crescent highway palace castle
`);

/**
 * Titles of a territory written after a given name and a comma ("Ann, Duchess of Eld"): the person's name, of the sex
 * the title tells.
 */
export const FEMALE_TERRITORIAL_TITLES = words('duchess princess countess marchioness viscountess baroness');
export const MALE_TERRITORIAL_TITLES = words('duke prince earl marquess viscount baron');

/** Titles a monarch or pope bears before a given name alone ("Prince Tobias"): with it, a name of its own. */
export const REGNAL_TITLES = words('king queen prince princess pope emperor empress sultan emir tsar');

/** Nouns for what a person is, used to recognise appositions ("X, a political science professor at ..."). */
export const ROLE_WORDS = words(`
  president president-elect minister senator leader judge governor mayor ambassador chancellor premier
  secretary chairman chairwoman chair co-chair co-chairman spokesman spokeswoman spokesperson commissioner
  rapporteur professor lecturer lawyer barrister solicitor attorney advocate expert analyst researcher
  economist scientist academic director founder co-founder head chief deputy adviser advisor coordinator
  representative member mp mep peer official diplomat activist campaigner journalist reporter editor
  writer author filmmaker historian teacher student doctor surgeon cleric priest imam ayatollah
  councillor candidate survivor witness sportsman sportswoman athlete actor actress singer artist
  officer commander general colonel captain prosecutor magistrate justice vice-president ceo cfo coo cto executive
  manager chairperson convenor organiser organizer secretary-general envoy delegate politician
  owner co-owner heir coach player investigator physician physicist biologist chemist psychologist
  sociologist engineer designer developer producer composer musician pianist novelist poet photographer entrepreneur
  investor banker trader strategist consultant pollster lobbyist aide staffer veteran co-author fellow scholar
  associate supervisor superintendent sheriff detective inspector trooper firefighter nurse pastor rabbi resident
  realtor broker agent suspect defendant gunman terrorist counterpart quarterback host admiral
`);

/** A party's members, which describe a person ("a Maine Democrat") but never name one. */
export const PARTY_MEMBERS = words(`
  republican republicans democrat democrats conservative conservatives tory tories liberal liberals socialist
  socialists labourite independent independents
`);

/** Nouns only a person owns, so "X’s tenure" or "X’s widow" shows a lone capitalised X is a person's name. */
export const PERSONAL_NOUNS = words(`
  tenure wife husband widow widower son sons daughter daughters mother father brother brothers sister sisters
  children grandson granddaughter nephew niece funeral memoirs biography
`);

/** Verbs of speaking to somebody: in "Harlow asked her about …", Harlow is not "she". */
export const ADDRESS_VERBS = words(`
  asked told pressed questioned interviewed quizzed reminded urged thanked warned assured challenged
`);

/** Verbs that introduce or close a quotation. */
export const SPEECH_VERBS = words(`
  said says say saying told tells tell telling added adds adding stated states stating ask
  acknowledged acknowledges admitted admits explained explains stressed stresses warned warns
  noted notes declared declares wrote writes insisted insists argued argues continued continues
  urged urges remarked remarks commented comments replied replies answered answers asked asks
  claimed claims concluded concludes emphasised emphasized emphasises emphasizes announced announces
  reiterated reiterates recalled recalls observed observes read reads tweeted posted
  confirmed confirms suggested suggests cautioned cautions pleaded pleads testified testifies
  exclaimed shouted whispered responded responds
  reported reports joked jokes quipped quips conceded concedes predicted predicts boasted boasts wondered wonders
  mused muses laughed laughs sighed cracked vowed vows promised promises pledged pledges countered counters retorted
  griped gushed gushes raved marveled marvelled marvels agreed agrees contended contends estimated estimates
  texted emailed beams beamed recounted recounts interjected interjects reminded reminds fumed fumes yelled screamed
  shouts whispers asserted asserts proclaimed proclaims complained complains demanded disclosed discloses
  grumbled implored inquired enquired maintained maintains objected protested repeated
  revealed reveals snapped speculated speculates elaborated elaborates cried chimed chimes
  snaps exclaims yells screams sighs cries grumbles implores inquires enquires drawled drawls murmured murmurs
  muttered mutters lamented laments sang sings rejoined rejoins
`);

/** The speech verbs as a regular-expression alternation, longest first: "(?:said|says|…)" without the group. */
export const SPEECH_VERB_ALTERNATION = [...SPEECH_VERBS].sort((a, b) => b.length - a.length).join('|');

/** Verbs that report what somebody said without quoting all of it. */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  ...SPEECH_VERBS,
  // The forms after "to" ("went so far as to call it …"), whose subject is the sentence's.
  'call',
  'describe',
  'dub',
  'label',
  'brand',
  'praise',
  'accuse',
  'blame',
  'deny',
  'warn',
  'called',
  'calls',
  'described',
  'describes',
  'dubbed',
  'dubs',
  'termed',
  'terms',
  'labeled',
  'labelled',
  'branded',
  'brands',
  'praised',
  'praises',
  'promised',
  'promises',
  'vowed',
  'vows',
  'pledged',
  'pledges',
  'accused',
  'accuses',
  'blamed',
  'blames',
  'denied',
  'denies',
  'predicted',
  'predicts',
  'pointed',
  'points',
  'indicated',
  'indicates',
  'expressed',
  'expresses',
  'bemoaned',
  'bemoans',
  'characterized',
  'characterised',
  'referred',
  'refers',
  'complained',
  'complains',
  'boasted',
  'boasts',
  'joked',
  'jokes',
  'conceded',
  'concedes',
  'agreed',
  'agrees',
  'likened',
  'likens',
  'compared',
  'compares',
  'criticized',
  'criticised',
  'slammed',
  'hailed',
  'touted',
  'touts',
  'lamented',
  'laments',
  'recounted',
  'recounts',
  'believes',
  'believed',
  'thinks',
  'recommended',
  'recommends',
  'proposed',
  'proposes',
  'envisaged',
  'envisioned',
  'dismissed',
  'dismisses',
  'rejected',
  'rejects',
  'welcomed',
  'welcomes',
  'condemned',
  'condemns',
  'defended',
  'defends',
  'questioned',
  'mocked',
  'derided',
  'mentioned',
  'mentions',
  'spoke',
  'speaks',
  'declaring',
  'insisting',
  'arguing',
  'saying',
  'calling',
  'describing',
  'warning',
  'writing',
  'adding',
  'noting',
  'claiming',
  'suggesting',
  'urging',
  'promising',
  'pledging',
  'vowing',
  'predicting',
  'praising',
  'accusing',
  'dismissing',
  'speaking',
  'telling',
  'explaining',
  'decreed',
  'decrees',
  'announced',
  'insisted',
  'maintained',
  'testified',
  'attributed',
  'attributes',
  'asserted',
  'asserts',
  'asserting',
  'condemning',
  'criticising',
  'criticizing',
  'blaming',
  'denying',
  'labelling',
  'labeling',
  'branding',
  'dubbing',
  'favours',
  'favors',
  'favoured',
  'favored',
  'desires',
  'advocates',
  'advocated',
]);

/** Plural nouns for people a text does not name: "officials said", "the insiders said". */
export const UNNAMED_GROUPS = words(`
  officials sources analysts experts critics residents witnesses aides insiders observers people police investigators
  authorities officers prosecutors lawyers diplomats advocates activists supporters opponents economists scientists
  researchers executives employees workers staff members neighbours neighbors friends relatives family protesters
  authors organisers organizers
`);

/** Nouns that, before a colon or comma, introduce what someone said ("with these words:"). */
export const SPEECH_NOUNS = words('words sentences remarks message statement speech address comments');

/** Subjects that are a text, not a person: "The statement read: ...". */
export const COLLECTIVE_NOUNS = words(`
  statement letter report motion declaration communique communiqué petition resolution article
  document message decree text declaration press release joint appeal open
`);

/** Words that, inside a capitalised run, make it the name of a body. */
export const ORGANISATION_WORDS = words(`
  committee council commission organisation organization party parliament government ministry
  department office assembly union university college court movement association foundation agency
  institute society mission campaign service bank group corporation company network centre center
  tribunal army police judiciary nations watch front alliance federation league board authority
  news times post press guardian herald telegraph journal broadcasting radio television tv
  house congress senate cabinet secretariat resistance mojahedin mujahedeen international guards corps
  school academy trust fund church
  festival awards museum hall station program programme conference summit games club team hospital airport
  airlines airways inc co corp llc ltd partners associates holdings media studios records magazine review stadium
  theater theatre administration bureau firm institution laboratory lab coalition caucus consortium reserve
  zoo aquarium library charity
`);

/** Place names general enough to know without a gazetteer. */
export const PLACES = words(`
  Afghanistan Albania Algeria America Argentina Armenia Australia Austria Azerbaijan Bahrain Belgium
  Brazil Britain Bulgaria Canada Chile China Croatia Cyprus Denmark Egypt England Estonia Europe Finland
  France Geneva Germany Greece Hungary India Indonesia Iran Iraq Ireland Israel Italy Japan Jordan
  Kuwait Latvia Lebanon Libya Lithuania London Luxembourg Malta Mexico Morocco Netherlands Norway
  Oman Pakistan Palestine Paris Poland Portugal Qatar Romania Russia Scotland Serbia Slovakia Slovenia
  Spain Sweden Switzerland Syria Tehran Turkey UK USA Ukraine US Wales Washington Yemen Brussels Strasbourg
  Bahamas Gambia Hague Maldives Philippines Seychelles
`);

/**
 * Places of two words, neither a place alone, that would otherwise read as a person's name ("North Dakota") or a
 * body's ("United States").
 */
export const COMPOUND_PLACES: ReadonlySet<string> = new Set([
  'New Hampshire',
  'New Jersey',
  'New Mexico',
  'New York',
  'North Carolina',
  'North Dakota',
  'Rhode Island',
  'South Carolina',
  'South Dakota',
  'West Virginia',
  'Los Angeles',
  'San Francisco',
  'Hong Kong',
  'New Delhi',
  'New Zealand',
  'North Korea',
  'South Korea',
  'South Africa',
  'Saudi Arabia',
  'Sri Lanka',
]);

/** Capitalised words that start sentences or headings but are not names. */
export const NOT_NAME_WORDS = words(`
  a an the this that these those it its he she we they i you his her our their my your him them us
  in on at to of for from by with as after before during since until under over about against into
  and but or nor so yet also however meanwhile moreover furthermore therefore thus then there here
  today yesterday tomorrow now recently earlier later once again still even only just already
  many some several other others all both each every no none most more few any such one another
  two three four five six seven eight nine ten dozens hundreds thousands millions
  when where why what who whom whose which how if while whereas although though because unless
  sadly unfortunately fortunately indeed instead finally first second third last next
  former late current then-current new old speakers speaker read more see also following
  parliamentarians ms
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  is was are were be been has have had do does did will would shall should can could may might must
  not yes please thank thanks dear
  honourable hon rt right
`);

/** Short words that end a sentence-final abbreviation rather than a sentence ("Mr. Jones"). */
export const ABBREVIATIONS = words(`
  mr mrs ms dr prof st no rt hon gen col capt lt sgt jr sr vs etc inc ltd co rev corp
  sen rep gov cmdr cmdt adm maj cpl pvt det insp supt amb atty
`);

/** Words that may sit inside a name of a body or a place between capitalised words. */
export const NAME_CONNECTORS = words('of for the de du da al el bin ibn van von der den di la le');

/** Particles inside a person's name: "Osama bin Laden", "Anna van Dijk", "Omar Hassan al-Bashir". */
export const NAME_PARTICLES = words('de du da del della al el bin ibn abu ben van von der den di la le ter ten');

/** Subject pronouns that may stand for a speaker. */
export const MALE_PRONOUNS = words('he');
export const FEMALE_PRONOUNS = words('she');

/** Legal forms that end a company's name: "Apex Co.", "Acme Corp", "Dell Technologies Inc". */
export const LEGAL_FORMS = ['Inc', 'Co', 'Corp', 'Corporation', 'Ltd', 'Limited', 'LLC', 'plc', 'PLC'] as const;
/** The legal forms written short, whose full stop belongs to the name ("Apex Co."). */
export const ABBREVIATED_LEGAL_FORMS: ReadonlySet<string> = new Set(['Co', 'Inc', 'Corp', 'Ltd']);
