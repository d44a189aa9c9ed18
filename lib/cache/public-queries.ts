import { cache } from 'react';
import { getDb } from '../../db/client';
import { getMapData } from '../map/map-data';
import { getPlacePage } from '../places/place-page';
import { getSourcePage } from '../sources/source-page';
import { getCouncilPage } from '../ties/council-page';
import { getHeadlineNumbers, listCampaigns, listCouncilsHoldingTies } from '../ties/queries';
import { listTieFilterOptions, searchTies } from '../ties/search-ties';
import { getFunnel, getProgress, listCampaignFigures, listStatsCampaigns, rankByCountry, rankByRegion } from '../ties/stats';
import { listStatusChanges } from '../ties/status-changes';
import { type PublicReader, publicQuery, publicReader } from './public-cache';
import { readPublicDataVersion } from './public-data-version';
import { publishVersion, watchVersion } from './version-signal';

/**
 * The reads of the public pages, cached per data version (lib/cache/public-cache.ts). Each takes
 * the request's reader instead of a database handle; the reader is made once per request, so
 * one request sees one version of the data, however many reads it makes.
 */
export const requestReader: () => Promise<PublicReader> = cache(async () => {
  const reader = await publicReader(await getDb());
  // What the page cache of proxy.ts serves by (lib/cache/version-signal.ts).
  publishVersion(reader.version);
  watchVersion(async () => readPublicDataVersion(await getDb()));
  return reader;
});

export const cachedSearchTies = publicQuery('searchTies', searchTies);
export const cachedTieFilterOptions = publicQuery('listTieFilterOptions', listTieFilterOptions);
export const cachedHeadlineNumbers = publicQuery('getHeadlineNumbers', getHeadlineNumbers);
export const cachedCampaigns = publicQuery('listCampaigns', listCampaigns);
export const cachedCouncilsHoldingTies = publicQuery('listCouncilsHoldingTies', listCouncilsHoldingTies);
export const cachedStatusChanges = publicQuery('listStatusChanges', listStatusChanges);
export const cachedCouncilPage = publicQuery('getCouncilPage', getCouncilPage);
export const cachedPlacePage = publicQuery('getPlacePage', getPlacePage);
export const cachedSourcePage = publicQuery('getSourcePage', getSourcePage);
export const cachedMapData = publicQuery('getMapData', getMapData);
export const cachedStatsCampaigns = publicQuery('listStatsCampaigns', listStatsCampaigns);
export const cachedFunnel = publicQuery('getFunnel', getFunnel);
export const cachedProgress = publicQuery('getProgress', getProgress);
export const cachedRankByCountry = publicQuery('rankByCountry', rankByCountry);
export const cachedRankByRegion = publicQuery('rankByRegion', rankByRegion);
export const cachedCampaignFigures = publicQuery('listCampaignFigures', listCampaignFigures);
