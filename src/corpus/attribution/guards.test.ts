// Each precision guard, with the cases it must stop and the traps it must let through.
import { describe, expect, it } from 'vitest';
import { compilePack } from '../compile';

/** Who the compiler says spoke each quote of a text: a name, or the reason nobody is named. */
function speakers(text: string): string[] {
  const pack = compilePack([{ name: 'case.txt', text }]);
  const name = (id: string): string => pack.entities.find((e) => e.id === id)?.name ?? id;
  return pack.statements.map((s) => (s.speakerId === null ? `(${s.unattributedReason ?? 'none'})` : name(s.speakerId)));
}

describe('pronoun-is-person', () => {
  it('never gives "he" to a person the text already called "she"', () => {
    expect(
      speakers(
        'Jo Doe, the head of the Acme Farm Bureau, said the levy would hurt. She urged action, saying “the harvest cannot wait.”\n\nThe Acme Farm Bureau said it would appeal. He added that “nobody asked the growers.”\n',
      ),
    ).toEqual(['Jo Doe', '(ambiguous-pronoun)']);
  });

  it('keeps "she" for the one woman named (trap: the body beside her)', () => {
    expect(
      speakers(
        'Mrs Jane Roe, the chair of the Acme Trust, visited the site.\n\nShe said, “We will rebuild the school.”\n',
      ),
    ).toEqual(['Jane Roe']);
  });
});

describe('office-is-not-its-body', () => {
  it('shows an office of a body as an unnamed role', () => {
    const pack = compilePack([
      {
        name: 'case.txt',
        text:
          'The Council of Europe Commissioner for Human Rights said the ruling “sets a dangerous precedent for the region.”\n\n' +
          'The Council of Europe meets again in May.\n',
      },
    ]);
    expect(pack.statements.map((s) => [s.speakerId, s.unattributedReason, s.role])).toEqual([
      [null, 'unnamed-source', 'The Council of Europe Commissioner for Human Rights'],
    ]);
  });

  it('lets the body itself speak (trap: a statement, not an office)', () => {
    expect(
      speakers('The Council of Europe said in a statement that “the court must remain independent of the state.”\n'),
    ).toEqual(['Council of Europe']);
  });

  it('reads the office past the full stop of a body’s abbreviation ("Co. Chairman")', () => {
    expect(
      speakers(
        'Eastmere Paper Co. chief executive said the new press was “worth every penny we paid.”\n\nEastmere Paper Co. said the deal was “as good as done.”\n',
      ),
    ).toEqual(['(unnamed-source)', 'Eastmere Paper Co.']);
  });
});

describe('office-is-not-its-body: a part of a body', () => {
  it('gives a statement of a part written after a body’s name to an unnamed source, not the body', () => {
    expect(
      speakers('According to the Acme Trust housing committee, rents rose by a third in the valley last year.\n'),
    ).toEqual(['(unnamed-source)']);
  });

  it('lets the body speak when a verb follows its name (trap)', () => {
    expect(speakers('The Acme Trust has said the rents are “out of reach for nurses.”\n')).toEqual(['Acme Trust']);
  });
});

describe('named-subject-blocks', () => {
  it('gives nobody a quote whose sentence names an unknown subject, rather than the speaker before', () => {
    expect(
      speakers(
        'Lina Park, a councillor, called the plan “a betrayal of the valley.”\n\nBrightwater said that the board had found it “fair to every party”, saying she trusted the process.\n',
      ),
    ).toEqual(['Lina Park', '(speaker-not-identified)']);
  });

  it('lets an office after an article resolve (trap: "the MP added" is the cue, not a new name)', () => {
    expect(
      speakers('Tom Reed MP visited the hospital on Monday.\n\n“The staff here are exhausted,” the MP added.\n'),
    ).toEqual(['Tom Reed']);
  });

  it('lets "I asked" through (trap: a pronoun in capitals is no name)', () => {
    expect(
      speakers(
        'Mrs Mary Lake runs the town shelter.\n\nWhen I asked about the winter, she said the shelter was “full every single night.”\n',
      ),
    ).toEqual(['Mary Lake']);
  });

  it('gives nobody "she" when the sentence naming the woman has another, unknown subject', () => {
    expect(
      speakers(
        'Kit Dorran, the mayor, opened the new hall on Monday. Then Rowntree told Dorran that the roof leaked. “It has leaked for years,” she said.\n',
      ),
    ).toEqual(['(speaker-not-identified)']);
  });

  it('gives nobody "he" when somebody described and not named spoke after the man named before', () => {
    expect(
      speakers(
        'Sir Gary Stowe joined the march on Monday. But a spokesperson for the Fernvale Growers’ Association said the levy was fair.\n\n“We were never against the growers,” he said.\n',
      ),
    ).toEqual(['(speaker-not-identified)']);
  });

  it('gives nobody "she" when the sentence naming the woman has a subject called by a noun', () => {
    expect(
      speakers(
        'The countess later wrote to a cousin of Mrs Ann Cole, to ask for help. “I had nobody else to call,” she said.\n',
      ),
    ).toEqual(['(speaker-not-identified)']);
  });

  it('lets a man speaking between leave "she" to the woman before (trap: the other sex)', () => {
    expect(
      speakers(
        'Mrs Jo Lenner, the harbour mayor, walked the quay. Sir Peter Novak said the budget was sound. “It is not sound at all,” she said.\n',
      ),
    ).toEqual(['Jo Lenner']);
  });

  it('lets the one asked answer (trap: a reporter who asks is no other speaker)', () => {
    expect(
      speakers(
        'At the hearing, a reporter asked Judge Mara Quint about the delays. “We are short of clerks,” she said.\n',
      ),
    ).toEqual(['Mara Quint']);
  });
});

describe('another-source-between', () => {
  it('gives nobody a partial quote after another name judging something', () => {
    expect(
      speakers(
        'Lena Voss, the curator, spoke. Voss says Ida and Rhea Moll found the portrait “far too kind to him.”\n',
      ),
    ).toEqual(['(speaker-not-identified)']);
  });

  it('gives nobody a partial quote inside a reason for blame', () => {
    expect(
      speakers('Mayor Tobias Grell condemned the trustees for failing to criticise “a sale that robbed the town.”\n'),
    ).toEqual(['(speaker-not-identified)']);
  });

  it('gives nobody a partial quote after a clause with its own subject that reports', () => {
    expect(
      speakers('Mayor Tobias Grell said the vote was close, with some councillors calling it “a stitch-up.”\n'),
    ).toEqual(['(speaker-not-identified)']);
  });

  it('keeps the speaker when the clause after "with" reports nothing (trap)', () => {
    expect(
      speakers('Mayor Tobias Grell said the vote was close, with the count taking “most of the night.”\n'),
    ).toEqual(['Tobias Grell']);
  });

  it('keeps the reporting verb’s subject when nothing stands between (trap)', () => {
    expect(speakers('Mayor Tobias Grell called the sale “a theft from the town.”\n')).toEqual(['Tobias Grell']);
  });

  it('gives nobody an order quoted as heard by the speaker', () => {
    expect(
      speakers('Mara Quint said she heard a neighbour shouting “get off the roof, now!” before the lights went out.\n'),
    ).toEqual(['(speaker-not-identified)']);
  });

  it('keeps the quote of one who heard something and then spoke (trap)', () => {
    expect(speakers('Mara Quint said she had heard the plan and called it “a waste of a good square.”\n')).toEqual([
      'Mara Quint',
    ]);
  });
});

describe('verb-has-its-own-subject', () => {
  it('gives nobody a partial quote whose verb has a relative pronoun for somebody else as its subject', () => {
    expect(
      speakers(
        'Jo Doe runs the Acme Trust in Lakeport, which says in its charter that it will “house every nurse in the valley.”\n',
      ),
    ).toEqual(['(speaker-not-identified)']);
  });

  it('gives nobody a partial quote after a clause joined on with a subject of its own', () => {
    expect(
      speakers('Jo Doe opened the hall and a neighbour who came in later left saying it was “cold as a cellar”.\n'),
    ).toEqual(['(speaker-not-identified)']);
  });

  it('makes subjects joined a joint statement', () => {
    expect(speakers('The Acme Trust and other charities condemned the levy as “a tax on kindness.”\n')).toEqual([
      '(joint-statement)',
    ]);
  });

  it('keeps the name whose relative pronoun follows it straight away (trap)', () => {
    expect(speakers('The Acme Trust, which owns the hall, said it was “not for sale.”\n')).toEqual(['Acme Trust']);
  });

  it('keeps the name when the joined words stand in an apposition (trap)', () => {
    expect(
      speakers('Mayor Jo Doe, joined by two aides and the town clerk, said the hall was “ready for the winter.”\n'),
    ).toEqual(['Jo Doe']);
  });
});

describe('pronoun resolution among people of one sex', () => {
  it('gives nobody "he" when the one man named in the window is named after another "he"', () => {
    expect(
      speakers(
        'I sat with Sir Owen Tallis in his garden.\n\n“It is early,” he shrugs.\n\nHe frowns as I mention Lionel Markham, the director, an old rival. “Why would I?” he said.\n',
      ),
    ).toEqual(['(no-attribution)', '(ambiguous-pronoun)']);
  });

  it('gives nobody "he" when the one man in the window was named a paragraph before by another "he" reporting on him', () => {
    expect(
      speakers(
        'Mr Olu Danjuma said the land went to one Mr Ferreira, who promised a road.\n\nHe said Mr Ferreira later passed the rights to a gravel firm.\n\nMr Ferreira then sold the lease to a second firm, on the promise of a clinic.\n\n“Nothing was built,” he said.\n',
      ),
    ).toEqual(['(ambiguous-pronoun)']);
  });

  it('keeps "he" for the name after a clause the pronoun opens (trap)', () => {
    expect(
      speakers('As he walked off, harbour master Marten Oake said the boats would wait. “We sail at six,” he said.\n'),
    ).toEqual(['Marten Oake']);
  });
});

describe('another-person-in-play', () => {
  it('gives nobody "he" after a surname two people bear opens a sentence', () => {
    expect(
      speakers(
        'Ann Brenner and her husband, Kofi Brenner, run the depot. Mr Tom Ostler said the vans were late. “We wait every night,” Ostler said.\n\nBrenner is unsure the strike will hold. Asked why, he told me, “The night shift.”\n',
      ),
    ).toEqual(['Tom Ostler', '(ambiguous-pronoun)']);
  });

  it('gives nobody a quote continued past such a surname', () => {
    expect(
      speakers(
        'Ann Brenner and her husband, Kofi Brenner, run the depot.\n\n“We wait every night,” said Mr Tom Ostler. Brenner looked away. “Maybe in spring.”\n',
      ),
    ).toEqual(['Tom Ostler', '(speaker-not-identified)']);
  });

  it('lets "he" through when the surname is the speaker’s own (trap)', () => {
    expect(
      speakers(
        'Ann Brenner runs the depot with Mr Tom Ostler. “We wait every night,” Ostler said.\n\nOstler checks the rota daily. Asked why, he said, “The gate opens late.”\n',
      ),
    ).toEqual(['Tom Ostler', 'Tom Ostler']);
  });

  it('gives nobody "he" after such a surname is the subject of a clause or of an apposition', () => {
    expect(
      speakers(
        'Ann Brenner and her husband, Kofi Brenner, run the depot. Mr Tom Ostler said the vans were late. “We wait every night,” Ostler said.\n\nOstler sat down. Even though Brenner had asked for a vote, he would not give one. “Ask me in March,” he said.\n\nOstler stood up. Brenner, who chairs the branch, read the figures. “Nobody goes back,” he said.\n',
      ),
    ).toEqual(['Tom Ostler', '(ambiguous-pronoun)', '(ambiguous-pronoun)']);
  });

  it('lets "he" through when the clause’s subject is the speaker’s own surname (trap)', () => {
    expect(
      speakers(
        'Ann Brenner runs the depot with Mr Tom Ostler. “We wait every night,” Ostler said.\n\nWhen Ostler left the hall, he said, “Tell them we are here.”\n',
      ),
    ).toEqual(['Tom Ostler', 'Tom Ostler']);
  });
});

describe('name-modifies-group', () => {
  it('shows the people a name only modifies as an unnamed group', () => {
    expect(
      speakers(
        'Housing minister Alma Tovey toured the estate. Tovey aides said she would “not be rushed into anything.”\n\nTovey supporters said the claim was “without any merit at all.”\n',
      ),
    ).toEqual(['(unnamed-source)', '(unnamed-source)']);
  });

  it('keeps the name when a verb follows it (trap)', () => {
    expect(
      speakers('Housing minister Alma Tovey toured the estate. Tovey said her aides were “doing their best.”\n'),
    ).toEqual(['Alma Tovey']);
  });
});

describe('pronoun: a given name the text gives', () => {
  it('does not resolve "she" past a namesake’s given name before another surname', () => {
    expect(
      speakers(
        'Oriel Pennick said she runs the bakery. “We pay well,” Pennick said.\n\nOriel Vantby, a cook there, had not heard of the rota. Still, she expects the regulars to adapt. “They come for the rye,” she said.\n',
      ),
    ).toEqual(['Oriel Pennick', '(ambiguous-pronoun)']);
  });

  it('keeps "he" for the man named when that name is a woman’s (trap)', () => {
    expect(
      speakers(
        'Oriel Pennick said she runs the bakery. “We pay well,” Pennick said.\n\nAnsel Crowe, who owns the mill, said he had watched Oriel Vantby train the staff. “She could run it,” he said.\n',
      ),
    ).toEqual(['Oriel Pennick', 'Ansel Crowe']);
  });
});
