// The translations, one file per part of the app and language, merged per language here.
// Every file exists in every language (lib/i18n/messages.test.ts checks the keys match).
import enAdmin from './en/admin.json';
import enAppeals from './en/appeals.json';
import enAuth from './en/auth.json';
import enCommon from './en/common.json';
import enCouncil from './en/council.json';
import enCouncilStaff from './en/council-staff.json';
import enMail from './en/mail.json';
import enMap from './en/map.json';
import enOpenData from './en/open-data.json';
import enPeople from './en/people.json';
import enTracker from './en/tracker.json';
import ukAdmin from './uk/admin.json';
import ukAppeals from './uk/appeals.json';
import ukAuth from './uk/auth.json';
import ukCommon from './uk/common.json';
import ukCouncil from './uk/council.json';
import ukCouncilStaff from './uk/council-staff.json';
import ukMail from './uk/mail.json';
import ukMap from './uk/map.json';
import ukOpenData from './uk/open-data.json';
import ukPeople from './uk/people.json';
import ukTracker from './uk/tracker.json';

const en = { ...enCommon, ...enTracker, ...enCouncil, ...enOpenData, ...enMap, ...enAuth, ...enPeople, ...enMail, ...enAdmin, ...enAppeals, ...enCouncilStaff };
const uk: typeof en = { ...ukCommon, ...ukTracker, ...ukCouncil, ...ukOpenData, ...ukMap, ...ukAuth, ...ukPeople, ...ukMail, ...ukAdmin, ...ukAppeals, ...ukCouncilStaff };

export const catalogues = { en, uk } as const;
export type Messages = typeof en;
