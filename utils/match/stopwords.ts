/** Words that say nothing about what a statement is about. */

/** A small general English stopword list: function words, auxiliaries, reporting verbs, fillers. */
const STOP_LIST =
  'a about above across after afterwards again against all almost along already also although always am among an and another any anyone anything are around as at ' +
  'back be became because become been before being below between both but by can cannot could did do does doing done down during each either else enough even ever every everyone everything ' +
  'few first for from further get gets getting got had has have having he her here hers herself him himself his how however i if in indeed into is it its itself just ' +
  'last least less like made make makes many may maybe me might mine more most much must my myself never new next no nobody none nor not nothing now of off often on once one only onto or other others otherwise our ours ourselves out over own ' +
  'per perhaps please put quite rather really same say says said saying see seem seemed seems several she should since so some somehow someone something sometimes still such ' +
  'take than that the their theirs them themselves then there therefore these they thing things this those though through thus time times to together too toward towards ' +
  'under until up upon us very via want wants was way we well were what whatever when whenever where whether which while who whoever whole whom whose why will with within without would ' +
  'yet you your yours yourself yourselves ' +
  // Contractions as normalizeText writes them.
  'dont doesnt didnt isnt arent wasnt werent hasnt havent hadnt wont wouldnt cant couldnt shouldnt im ive id youre weve theyre hes shes its thats theres lets ' +
  // Reporting and filler words: they say how something was said, not what about.
  'told tell tells telling added adds stated statement statements according reported report reports claim claimed claims source sources ' +
  'mr mrs ms dr sir madam yes okay ok oh going gonna lot lots kind sort sure course certainly ' +
  // Numbers and time words that connect unrelated statements.
  'two three four five six seven eight nine ten hundred thousand million billion ' +
  'today yesterday tomorrow week weeks month months year years day days monday tuesday wednesday thursday friday saturday sunday';
export const STOPWORDS: ReadonlySet<string> = new Set(STOP_LIST.split(' '));
