/**
 * Closed word lists used by mention detection: titles, role nouns, determiners, pronouns,
 * organisation heads and news-organisation name patterns. General English vocabulary only.
 */

function set(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter((w) => w.length > 0));
}

/** Pre-nominal titles (compared lower-cased, without the trailing dot). */
export const TITLES = set(`
president vice prime minister secretary senator sen rep representative congressman congresswoman
governor gov mayor judge justice chancellor king queen prince princess sheikh emir crown
dr mr mrs ms miss mx prof professor sir dame lord lady general gen colonel col lieutenant lt
major maj captain capt sergeant sgt admiral adm commander cmdr marshal pope cardinal archbishop
bishop rabbi imam reverend rev father ambassador speaker leader premier chairman chairwoman chair
chief director commissioner attorney deputy foreign defense defence interior finance health
treasury state spokesperson spokesman spokeswoman envoy adviser advisor minister secretary-general
ceo cfo coo cto founder officer inspector superintendent detective constable sheriff councillor
councilman councilwoman alderman executive editor correspondent analyst economist professor coach
manager striker midfielder defender goalkeeper president-elect mp mep mla msp mk td
det insp supt cllr cr
`);
// (the last line: the abbreviated police ranks and councillor titles of British and Australian
// news style — Det Insp, Det Supt, Cllr, Cr — as the Guardian and Observer style guide and the
// ABC style guide write them; "sgt", "gen", "col" above are their military counterparts)

/** Titles that are complete pre-nominal role phrases ("press secretary"). */
export const ROLE_NOUNS = set(`
president minister secretary senator governor mayor judge justice chancellor king queen prince
emir ambassador speaker leader premier chairman chairwoman chair chief director commissioner
spokesperson spokesman spokeswoman envoy adviser advisor official officials source sources aide aides
analyst analysts expert experts economist economists diplomat diplomats officer officers person people
lawmaker lawmakers legislator legislators representative negotiator negotiators mediator mediators
author writer reporter editor correspondent columnist researcher researchers scientist scientists
professor lawyer attorney prosecutor prosecutors investigator investigators witness witnesses
resident residents member members executive executives founder ceo head director
candidate nominee campaign campaigner activist activists protester protesters critic critics
supporter supporters opponent opponents officer commander general admiral colonel doctor doctors
nurse spokespeople insider insiders staffer staffers adviser advisers advisors counsel student
students teacher teachers worker workers employee employees owner owners resident residents user
users victim victims survivor survivors relative relatives mother father son daughter wife husband
friend friends neighbor neighbour coach player manager captain
`);

/** Head nouns denoting an anonymous human source ("a senior Israeli official"). */
export const ANON_HEADS = set(`
official officials source sources person people aide aides diplomat diplomats insider insiders
analyst analysts expert experts staffer staffers adviser advisers advisor advisors officer officers
spokesperson spokesman spokeswoman member members lawmaker lawmakers negotiator negotiators
resident residents witness witnesses observer observers critic critics activist activists
employee employees worker workers executive executives investigator investigators
`);

/** Head nouns for organisations that speak ("the administration", "Netanyahu’s Likud party"). */
export const ORG_HEADS = set(`
administration government ministry department office agency council committee commission union
party campaign company firm corporation bank court parliament congress senate house cabinet
military army navy police authority authorities organization organisation group foundation
institute center centre university coalition alliance regime embassy consulate board federation
association society team club league network newspaper magazine agency channel station outlet
service services forces secretariat presidency movement
`);

/** Written sources that speak ("the report said", "according to the study"). */
export const DOC_HEADS = set(`
report study survey analysis paper review statement letter memo notes readout document filing
assessment audit poll book article editorial investigation research
`);

/** Words that, capitalised, name a news organisation when they end a capitalised sequence. */
export const PUBLICATION_TAILS = set(`
Post Times Journal News Herald Tribune Guardian Telegraph Independent Gazette Chronicle Observer
Express Mirror Mail Sun Star Globe Review Magazine Wire Press Daily Weekly Monitor Standard Inquirer
Bulletin Courier Economist Atlantic Reporter Dispatch Examiner Register Sentinel Times-Picayune Today
`);

/** Single-word news organisations and agencies. */
export const PUBLICATIONS = set(`
Axios Politico Reuters AP AFP Bloomberg CNN BBC NBC ABC CBS Fox NPR PBS MSNBC Haaretz Ynet
Al-Jazeera Jazeera Vox Slate Salon Semafor Punchbowl Newsweek Time Forbes Fortune Wired
Vice HuffPost BuzzFeed Yonhap Xinhua Kyodo Tass RIA Interfax Anadolu DPA EFE ANSA Sky ITV
Channel Euronews Deutsche Welle DW France24 Le Monde Spiegel Bild Asahi Nikkei Kommersant
TechCrunch Verge Engadget Gizmodo Mediaite Breitbart Newsmax TMZ Variety Deadline
`);

export const DETERMINERS = set(`
the a an this that these those his her their its our my your one two three four five six seven
eight nine ten several many some few both each another other various multiple numerous dozens
`);

/** The demonstratives of English (Quirk et al. 1985, §6.40). */
export const DEMONSTRATIVES = set(`this that these those`);
export const SUBJECT_PRONOUNS = set(`he she they it we i you`);
export const POSSESSIVE_PRONOUNS = set(`his her their its our`);
/** Possessive pronouns that stand alone ("a friend of mine"; "his" too after "of"). */
export const INDEPENDENT_POSSESSIVES = set(`mine yours his hers ours theirs`);

/** Lower-case words that may join the capitalised words of one body's name ("Department of the Treasury"). */
export const NAME_JOINERS = set(`of for on and the &`);

/** The negative pronouns (Quirk et al. 1985, §10.58; "no" is read with the word after it, "no one"). */
export const NEGATIVE_PRONOUNS = set(`nobody none neither nothing no-one noone`);

/**
 * Quantifiers that take an of-partitive of a personal pronoun ("one of them", "some of us"): the
 * quantifying pronouns and the cardinal numbers to ten (Quirk et al. 1985, §5.24, §6.56).
 */
export const PARTITIVE_QUANTIFIERS = set(`
all both each either neither none one some any many most several few half
two three four five six seven eight nine ten
`);

/** Lower-case words that may sit inside a proper name. */
export const NAME_PARTICLES = set(`
al el bin ben ibn abu abd de del della der den di da dos das du la le van von ter mac st y
`);

/**
 * Capitalised words that are not names when sentence-initial or standing alone; every determiner
 * above is one ("Another Duke student said": no "Another Duke").
 */
export const CAPITAL_STOPWORDS = new Set([
  ...[...DETERMINERS].map((w) => (w[0] as string).toUpperCase() + w.slice(1)),
  ...set(`
We I You He She They It
In On At By For From With Without Of To Into After Before During Since Until While When Where
Why How What Which Who Whom Whose If Although Though Because As And But Or Nor So Yet Also
However Meanwhile Still Then Now Today Yesterday Tomorrow Later Earlier Last Next First Second
Third Finally Instead Indeed Moreover Furthermore Nevertheless Nonetheless Despite Amid Among
According Following Asked Speaking Under Over Across Against About Around Through Between
There Here Most Every All Any No Not None
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Mr Mrs Ms Dr Sir Madam
Click View Watch Read Photo Video Image Post Share Comment Comments Sign Subscribe Advertisement
Yes Well Oh Perhaps Maybe Even Just Only Not Never Always Once Again Already Soon
`),
]);

/** Day and month names: after a name they start a time expression ("said Lena Ortiz on Tuesday"). */
export const WEEKDAYS = set(`monday tuesday wednesday thursday friday saturday sunday`);
/**
 * Time words that follow a reporting verb or sit beside it ("said Monday", "said earlier", "said
 * last week", "told reporters this morning"): deictic time adverbs, the determiners that open a
 * time phrase, and the nouns of time they bring (Quirk et al. 1985, §8.51–8.58, adjuncts of time).
 */
export const TIME_ADVERBS = set(`today yesterday tonight earlier later recently previously again`);
export const TIME_DETERMINERS = set(`last this`);
export const TIME_NOUNS = set(`week month year day morning afternoon evening night weekend time`);
export const MONTHS = set(`
january february march april may june july august september october november december
`);

/**
 * Abbreviations of company legal forms that end a company's name ("Acme Corp.", "Shell plc"): the
 * common English and European abbreviations of the ISO 20275 Entity Legal Forms code list. Written
 * without the final period; matched case-sensitively.
 */
export const LEGAL_FORMS = new Set(
  'Inc Corp Co Ltd LLC LLP LP plc PLC GmbH AG SA NV BV SpA Pty SE'.split(' '),
);

/** Nationality/place adjectives are open-class; these prefixes mark a place or organisation word. */
export const NON_PERSON_WORDS = set(`
House White Ministry Department Office Council Committee Party Foreign State Government Senate
Congress Court Army Navy Force Forces Agency Union University Center Centre Institute Foundation
Association Authority Administration Bank Corridor Strip Bank Street Square Avenue Road
Palace Building Tower City County District Province Region Republic Kingdom Emirates States
Nations Security Defense Defence Intelligence Police Commission Organization Organisation Group
Fund Company Corporation Inc Ltd Times Post Journal News Media Network Airport Station Hospital
School College Museum Gallery River Sea Ocean Gulf Mountains Island Islands East West North
South Middle Central Eastern Western Northern Southern Act Law Day War Cup League Games Club
`);

/** Demonyms (nationality adjectives/nouns): never part of a person's name. */
export const DEMONYMS = set(`
Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian
Austrian Azerbaijani Bahraini Bangladeshi Belarusian Belgian Bolivian Bosnian Brazilian British
Bulgarian Burmese Cambodian Cameroonian Canadian Chilean Chinese Colombian Congolese Croatian Cuban
Cypriot Czech Danish Dutch Ecuadorian Egyptian Emirati English Eritrean Estonian Ethiopian
European Filipino Finnish French Georgian German Ghanaian Greek Guatemalan Haitian Honduran
Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli Italian Ivorian Jamaican
Japanese Jordanian Kazakh Kenyan Korean Kosovar Kurdish Kuwaiti Kyrgyz Latvian Lebanese Liberian
Libyan Lithuanian Malaysian Malian Maltese Mexican Moldovan Mongolian Moroccan Mozambican Namibian
Nepali Nigerian Nigerien Norwegian Omani Pakistani Palestinian Panamanian Paraguayan Persian
Peruvian Polish Portuguese Qatari Romanian Russian Rwandan Saudi Scottish Senegalese Serbian
Singaporean Slovak Slovenian Somali Spanish Sudanese Swedish Swiss Syrian Taiwanese Tajik
Tanzanian Thai Tunisian Turkish Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese
Welsh Yemeni Zambian Zimbabwean Arab Asian African Latin Hispanic Jewish Muslim Christian
Catholic Sunni Shiite Shia Druze Bedouin Western Eastern Northern Southern Gulf Nordic Baltic
Balkan Caribbean Pacific Atlantic Mediterranean Scandinavian Slavic Anglo Franco Sino Soviet
Republican Democratic Democrat Conservative Labour Liberal Green Communist Socialist
`);

/** Role nouns that carry gender. */
export const FEMALE_ROLES = set(
  `spokeswoman chairwoman congresswoman businesswoman actress mother daughter wife sister queen princess duchess mrs ms miss madam dame lady grandmother aunt niece councilwoman stateswoman`,
);
export const MALE_ROLES = set(
  `spokesman chairman congressman businessman actor father son husband brother king prince duke mr sir lord grandfather uncle nephew councilman statesman`,
);

/**
 * The past tense forms of English irregular verbs (Quirk et al. 1985, §3.14–3.17, the irregular
 * verb classes; Biber et al. 1999, §6.2.2), with the compounds news English uses (overtook,
 * withdrew, undertook). Evidence that a word-pattern clause has a finite verb ("the suspect fled",
 * "the fire spread"). Left out: forms that are far more often nouns (ground, wound, shed, bore).
 */
export const IRREGULAR_PAST = set(`
arose awoke was were beat became began bent bet bid bit bled blew broke bred brought built burnt
burst bought cast caught chose clung came cost crept cut dealt dug dove did drew dreamt drank drove
ate fell fed felt fought found fled flung flew forbade forecast foresaw foretold forgot forgave froze
got gave went grew hung had heard hid hit held hurt kept knelt knew laid led leapt learnt left lent
let lit lost made meant met mistook paid put quit read rode rang rose ran said saw sought sold sent
set shook shone shot shrank shut sang sank sat slew slept slid slung spoke sped spent spun spat split
spread sprang stood stole stuck stung stank strode struck strove swore swept swam swung took taught
tore told thought threw thrust trod understood undertook underwent upheld upset woke wore wove wept
won withdrew withheld withstood wrung wrote overcame overtook oversaw overthrew overheard rebuilt
retold rewrote outgrew undid
`);

/**
 * Verbs of saying that report a demand or proposal with a that-clause in the mandative subjunctive
 * ("demanded that the mayor resign", "urged that the vote be delayed"): the communication verbs
 * among the mandative verbs of Quirk et al. (1985), §3.58 and §16.32. Lemmas. They report speech
 * only with such a clause (or one with "should"); "asked her to" is not a report.
 */
export const MANDATIVE_VERBS = set(`ask demand propose recommend request urge`);

/**
 * Verbs that entail their infinitive: "went on to say that …" said it, "was quick to point out
 * that …" pointed it out (unlike "declined to say", "wants to say", "is expected to say"). The
 * two-way implicative verbs of Karttunen (1971), "Implicative verbs", Language 47(2), with the
 * aspectual verbs that continue an act (go on, proceed, continue); adjectives: "careful" (his "be
 * careful to") and "quick", which entails its infinitive the same way ("was quick to point out").
 * Lemmas; "go" only with "on".
 */
export const IMPLICATIVE_VERBS = set(
  `manage remember bother dare venture happen condescend hasten proceed continue go`,
);
export const IMPLICATIVE_ADJECTIVES = set(`careful quick`);

/**
 * Prepositional phrases that name the source of what follows them, before their noun phrase
 * ("according to the mayor", "in the words of one nurse"): the complex prepositions of attribution
 * in Quirk et al., A Comprehensive Grammar of the English Language (1985), §9.10–9.11, that news
 * English uses. Lower-case word sequences.
 */
export const SOURCE_PHRASES: readonly (readonly string[])[] = [
  ['according', 'to'],
  ['in', 'the', 'words', 'of'],
];

/** The number of tokens of a source phrase starting at token k ("according to" → 2), or 0. */
export function sourcePhraseAt(toks: readonly { text: string }[], k: number): number {
  for (const phrase of SOURCE_PHRASES) {
    let n = 0;
    while (n < phrase.length && toks[k + n]?.text.toLowerCase() === phrase[n]) n++;
    if (n === phrase.length) return n;
  }
  return 0;
}

/**
 * Participles that make the agent after "by" a document's author ("a survey released Monday by the
 * council", "a letter signed by 40 doctors"), unlike those of reading or obtaining ("a memo seen
 * by Reuters", "documents obtained by the Times"): the verbs of creation and performance of Levin
 * (1993), classes 26.4 and 26.7 (write, compose, draft, compile, produce, prepare, conduct), with
 * the verbs of issuing a text (publish, release, issue, sign, commission, file, post, send, author,
 * submit). Past participles.
 */
export const AUTHORSHIP_PARTICIPLES = set(`
written composed drafted compiled produced prepared conducted carried published released issued
signed commissioned filed posted sent authored submitted co-authored co-signed
`);

/**
 * "a study conducted by researchers at Yale", "The report, published by the World Bank on Monday,":
 * a participle of authorship after the document (within commas or not), up to two words of time
 * ("released Monday"), then "by": the match up to the agent, or null.
 */
export function authoredBy(text: string, headEnd: number): RegExpExecArray | null {
  const m = /^,? (\p{Ll}+)(?: \p{L}+){0,2}? by /u.exec(text.slice(headEnd, headEnd + 60));
  return m && AUTHORSHIP_PARTICIPLES.has(m[1] ?? '') ? m : null;
}

/** A lower-case past participle by its ending ("seen", "obtained", "drawn") that is no participle of authorship. */
export function isOtherParticiple(w: string): boolean {
  return /^\p{Ll}+(ed|en|wn)$/u.test(w) && !AUTHORSHIP_PARTICIPLES.has(w);
}

/**
 * Adverbs that may stand between a comma or dash and a participle that reports ("—, even
 * suggesting that …", "…, also warning that …"): the additive and restrictive focusing subjuncts
 * and the adverbs of sequence (Quirk et al. 1985, §8.116–8.121 and §8.137), less "only", which
 * restricts the report away.
 */
export const FOCUS_ADVERBS = set(`also even just simply still again further then later`);

/**
 * Subordinating conjunctions of English (a closed class: Quirk et al. 1985, §14.12): a sentence
 * that opens with one puts its report inside a fronted clause.
 */
export const SUBORDINATORS = new Set([
  'after',
  'although',
  'as',
  'because',
  'before',
  'if',
  'once',
  'since',
  'though',
  'unless',
  'until',
  'when',
  'whenever',
  'whereas',
  'while',
]);

/**
 * The subordinators that head no phrase ("after", "as", "before", "since" and "until" are
 * prepositions too, Quirk et al. 1985, §9.7): one right after a noun phrase opens a clause of its
 * own, so that noun phrase is no subject with a post-modifier ("said nothing because the jury …").
 */
export const CONJUNCTIONS_ONLY = new Set(
  [...SUBORDINATORS].filter((w) => !['after', 'as', 'before', 'since', 'until'].includes(w)),
);

/** The forms of "be" that make a participle passive (Quirk et al. 1985, §3.63). */
export const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
