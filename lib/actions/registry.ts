import { moderateAppeal } from '../appeals/moderate-appeal';
import { recordExternalAppeal } from '../appeals/record-external-appeal';
import { sendAppeal } from '../appeals/send-appeal';
import { setLetterDelivery } from '../appeals/set-letter-delivery';
import { answerForCouncil } from '../council-staff/answer-for-council';
import { updateCouncilDirectory } from '../council-staff/update-directory';
import { uploadCouncilDocument } from '../council-staff/upload-document';
import { retryFailedMail } from '../mail/failed-mail';
import { banPerson, unbanPerson } from '../people/bans';
import { namePartner } from '../places/name-partner';
import { splitPlace } from '../places/split-place';
import { inviteAdmin, inviteOrganiser, inviteStaff } from '../people/invite';
import { revokeMembership } from '../people/revoke-membership';
import { claimStaff, decideStaffClaim } from '../people/staff-claims';
import { updateAccount } from '../people/update-account';
import { recordTieEvent } from '../ties/tie-event-action';

/**
 * Every action the app defines: every way anything changes, besides Auth.js's own sign-in and
 * sign-out. The permission matrix (lib/auth/permission-matrix.test.ts) walks this list, and a
 * test checks that every server action and state-changing route handler runs one of them
 * (lib/actions/mutations-through-wrapper.test.ts). A new action goes here.
 */
export const ACTIONS = [
  updateAccount,
  claimStaff,
  decideStaffClaim,
  inviteStaff,
  inviteOrganiser,
  inviteAdmin,
  revokeMembership,
  banPerson,
  unbanPerson,
  recordTieEvent,
  retryFailedMail,
  sendAppeal,
  recordExternalAppeal,
  moderateAppeal,
  setLetterDelivery,
  splitPlace,
  namePartner,
  answerForCouncil,
  updateCouncilDirectory,
  uploadCouncilDocument,
] as const;

export type RegisteredAction = (typeof ACTIONS)[number];
