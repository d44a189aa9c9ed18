// The translations, one file per part of the app and language, merged per language here.
// Every file exists in every language (lib/i18n/messages.test.ts checks the keys match).
import enCommon from './en/common.json';
import enCouncil from './en/council.json';
import enMap from './en/map.json';
import enOpenData from './en/open-data.json';
import enTracker from './en/tracker.json';
import ukCommon from './uk/common.json';
import ukCouncil from './uk/council.json';
import ukMap from './uk/map.json';
import ukOpenData from './uk/open-data.json';
import ukTracker from './uk/tracker.json';

const en = { ...enCommon, ...enTracker, ...enCouncil, ...enOpenData, ...enMap };
const uk: typeof en = { ...ukCommon, ...ukTracker, ...ukCouncil, ...ukOpenData, ...ukMap };

export const catalogues = { en, uk } as const;
export type Messages = typeof en;
