import { NearDuplicateIndex } from '@/lib/analysis/near-duplicate';
const s = NearDuplicateIndex.signature('I checked the router at your flat this morning and the line drops come from a faulty joint outside.');
console.log(JSON.stringify(NearDuplicateIndex.bandKeys(s).slice(0, 3)), s[0], s[63]);
