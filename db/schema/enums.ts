import { pgEnum } from 'drizzle-orm/pg-core';
import { TIE_EVENT_TYPES, TIE_STATUSES } from '../../lib/ties/lifecycle';
import { DATE_PRECISIONS } from '../../lib/dates/partial-date';
import { PLACE_KINDS, TIE_KINDS } from '../../lib/places/kinds';

// Built from the lifecycle's lists so the database can never hold a status the code does not know.
export const tieStatus = pgEnum('tie_status', TIE_STATUSES);
export const tieEventType = pgEnum('tie_event_type', TIE_EVENT_TYPES);
export const datePrecision = pgEnum('date_precision', DATE_PRECISIONS);
export const placeKind = pgEnum('place_kind', PLACE_KINDS);
export const tieKind = pgEnum('tie_kind', TIE_KINDS);
