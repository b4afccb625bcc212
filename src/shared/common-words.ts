/**
 * Surnames, given names and body names that are also common English words ("May", "Rich", "Bush", "Brown",
 * "Long"): capitalised at a sentence start they prove nothing, so they are linked only mid-sentence.
 */
export const COMMON_WORD_NAMES: ReadonlySet<string> = new Set(
  `
  may rich bush brown long green white black young king price hill wood woods stone rose bell fox hunt best lamb cook
  baker miller hope faith grace joy will mark bill frank art dean page banks cash ward gray grey golden north south
  west east little short strong sharp swift wise good hart love lord bishop chance church gross hall hardy hood house
  hunter jack judge knight lane major mason noble park parker pierce pike pope porter power pride reed rice rivers
  rock rush sage savage shepherd snow spring steel sterling storm summer sweet temple tower trump turner walker wall
  waters webb wells wheeler wolf worth field fields ford french english welsh irish scott moss marsh brook brooks
  cross day nash peel rule start well case chase cole coles drew gill glass hay holly ivy jay joiner lake land low
  lucky may mills moon new oak pace pool read ray rowe royal salt says shaw ship small star stark still street
  strange toll trim vale vine wade wall wallace ward warren water wing winter wright
  `
    .trim()
    .split(/\s+/),
);
