import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { env } from '@/lib/env';

/**
 * Everything public may be crawled, the open data included; sign-in does not need to be.
 * Per request, so the sitemap's address is the one the site runs at, not the one it was built at.
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  const base = env().APP_URL.replace(/\/+$/, '');
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/auth/'] }],
    sitemap: `${base}/sitemap.xml`,
  };
}
